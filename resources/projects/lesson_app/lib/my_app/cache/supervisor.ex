defmodule MyApp.Cache.Supervisor do
  use Supervisor

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)

  @impl true
  def init(_arg) do
    Supervisor.init([MyApp.Cache.Store, MyApp.Cache.TTL], strategy: :one_for_one)
  end
end
