# The tree of resources/scenarios/03_application_tree.json as an application would
# start it: MyApp.Supervisor (one_for_one) over three subsystem supervisors, each
# registered under its module name with two plain workers. run.exs starts it with
# --start MyApp.Supervisor before transcript 03, as `iex -S mix` would have.

for worker <- [Repo, Pool, Store, TTL, Router, Handler] do
  defmodule worker do
    use GenServer

    def start_link(arg), do: GenServer.start_link(__MODULE__, arg)

    @impl true
    def init(arg), do: {:ok, arg}
  end
end

for {subsystem, workers} <- [
      {MyApp.Database.Supervisor, [Repo, Pool]},
      {MyApp.Cache.Supervisor, [Store, TTL]},
      {MyApp.Web.Supervisor, [Router, Handler]}
    ] do
  defmodule subsystem do
    use Supervisor

    @workers workers

    def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)

    @impl true
    def init(_arg), do: Supervisor.init(@workers, strategy: :one_for_one)
  end
end

defmodule MyApp.Supervisor do
  use Supervisor

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)

  @impl true
  def init(_arg) do
    children = [MyApp.Database.Supervisor, MyApp.Cache.Supervisor, MyApp.Web.Supervisor]
    Supervisor.init(children, strategy: :one_for_one)
  end
end
