# The modules the lesson transcripts (resources/lessons/*.iex) name without defining,
# written as the plain GenServers SupLab simulates. Loaded by oracle/lessons/run.exs
# beside the lesson's own supervisor file.

defmodule Counter do
  @moduledoc "A number, registered under its module name; a kill wipes it."
  use GenServer

  def start_link(initial), do: GenServer.start_link(__MODULE__, initial, name: __MODULE__)

  def get_count, do: GenServer.call(__MODULE__, :get_count)

  def increment(by), do: GenServer.cast(__MODULE__, {:increment, by})

  @impl true
  def init(initial), do: {:ok, initial}

  @impl true
  def handle_call(:get_count, _from, count), do: {:reply, count, count}

  @impl true
  def handle_cast({:increment, by}, count), do: {:noreply, count + by}
end

defmodule KVStore do
  @moduledoc "A map, registered under its module name."
  use GenServer

  def start_link(_arg), do: GenServer.start_link(__MODULE__, %{}, name: __MODULE__)

  def put(key, value), do: GenServer.call(__MODULE__, {:put, key, value})
  def get(key), do: GenServer.call(__MODULE__, {:get, key})
  def delete(key), do: GenServer.call(__MODULE__, {:delete, key})

  @impl true
  def init(map), do: {:ok, map}

  @impl true
  def handle_call({:put, key, value}, _from, map), do: {:reply, :ok, Map.put(map, key, value)}
  def handle_call({:get, key}, _from, map), do: {:reply, Map.get(map, key), map}
  def handle_call({:delete, key}, _from, map), do: {:reply, :ok, Map.delete(map, key)}
end

defmodule ChatApp.Room do
  @moduledoc "One chat room: not registered, reached by its pid."
  use GenServer

  def start_link(name), do: GenServer.start_link(__MODULE__, name)

  def join(room, user), do: GenServer.call(room, {:join, user})
  def leave(room, user), do: GenServer.call(room, {:leave, user})
  def send_message(room, user, text), do: GenServer.call(room, {:message, user, text})
  def users(room), do: GenServer.call(room, :users)
  def messages(room), do: GenServer.call(room, :messages)

  @impl true
  # users and messages are kept newest first and reversed when asked for.
  def init(name), do: {:ok, %{name: name, users: [], messages: []}}

  @impl true
  def handle_call({:join, user}, _from, room) do
    users = if user in room.users, do: room.users, else: [user | room.users]
    {:reply, :ok, %{room | users: users}}
  end

  def handle_call({:leave, user}, _from, room),
    do: {:reply, :ok, %{room | users: List.delete(room.users, user)}}

  def handle_call({:message, user, text}, _from, room),
    do: {:reply, :ok, %{room | messages: [{user, text} | room.messages]}}

  def handle_call(:users, _from, room), do: {:reply, Enum.reverse(room.users), room}
  def handle_call(:messages, _from, room), do: {:reply, Enum.reverse(room.messages), room}
end

defmodule ChatApp.Logger do
  @moduledoc "The chat's log, registered under its module name."
  use GenServer

  def start_link(_arg \\ []), do: GenServer.start_link(__MODULE__, [], name: __MODULE__)

  def log(entry), do: GenServer.cast(__MODULE__, {:log, entry})
  def logs, do: GenServer.call(__MODULE__, :logs)

  @impl true
  def init(entries), do: {:ok, entries}

  @impl true
  def handle_cast({:log, entry}, entries), do: {:noreply, [entry | entries]}

  @impl true
  def handle_call(:logs, _from, entries), do: {:reply, Enum.reverse(entries), entries}
end

defmodule MyApp.Session do
  @moduledoc "One user's session: not registered; permanent, as every GenServer by default."
  use GenServer

  def start_link(user_id), do: GenServer.start_link(__MODULE__, user_id)

  @impl true
  def init(user_id), do: {:ok, %{user_id: user_id}}
end

# The rest_for_one lesson's three workers: they hold nothing and are not registered.
for module <- [Database, Cache, WebServer] do
  defmodule module do
    use GenServer

    def start_link(arg), do: GenServer.start_link(__MODULE__, arg)

    @impl true
    def init(arg), do: {:ok, arg}
  end
end
