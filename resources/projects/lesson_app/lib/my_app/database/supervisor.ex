defmodule MyApp.Database.Supervisor do
  use Supervisor

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)

  @impl true
  def init(_arg) do
    Supervisor.init([MyApp.Database.Repo, MyApp.Database.Pool], strategy: :one_for_one)
  end
end
