defmodule myup.pAS().Supervisor do
  use Supervisor

  def init(_) do
    Supervisor.init(children, strategy: :one_for_one)
  end
end

defmodule MyApp.Other do
  use Supervisor

  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: @name.Sup)
  def init(_), do: Supervisor.init([MyApp.Worker, {"x".Sup, 1}, (MyApp).Sub], strategy: :one_for_one)
end
