# Elixir -- Supervisor with restart strategy
defmodule MyApp.Supervisor do
  use Supervisor

  def start_link(arg) do
    Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
  end

  def init(_arg) do
    children = [
      {Database, []},
      {Cache, []},
      {WebServer, []}
    ]
    # If Database crashes, restart it, Cache, and WebServer
    Supervisor.init(children, strategy: :rest_for_one)
  end
end
