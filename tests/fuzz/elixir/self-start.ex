defmodule S do
 use Supervisor
 def init(_), do: Supervisor.init([S, {S, 1}], strategy: :one_for_one)
end
