defmodule MyTemporaryWorker do
  use GenServer, restart: :temporary

  # Or override child_spec/1 directly:
  def child_spec(arg) do
    %{
      id: __MODULE__,
      start: {__MODULE__, :start_link, [arg]},
      restart: :temporary
    }
  end
end
