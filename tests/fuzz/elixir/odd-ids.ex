defmodule S do
  use Supervisor
  def init(_) do
    Supervisor.init([
      Supervisor.child_spec(W, id: :"with \"quotes\" and \\ backslash"),
      Supervisor.child_spec(W, id: {W, "x", 1}),
      Supervisor.child_spec(W, id: Logger),
      Supervisor.child_spec(W, id: :elixir),
      Supervisor.child_spec(W, id: "9lives")
    ], strategy: :one_for_one)
  end
end
