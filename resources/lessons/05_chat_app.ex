# The ChatApp exercise, with the function it asks for: a room is created under
# ChatApp.RoomSupervisor, one ChatApp.Room process per room.
defmodule ChatApp.Supervisor do
  use Supervisor

  def start_link(arg) do
    Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
  end

  def init(_arg) do
    children = [
      ChatApp.Logger,
      {DynamicSupervisor, name: ChatApp.RoomSupervisor, strategy: :one_for_one}
    ]

    Supervisor.init(children, strategy: :one_for_one)
  end
end

defmodule ChatApp do
  def create_room(name) do
    DynamicSupervisor.start_child(ChatApp.RoomSupervisor, {ChatApp.Room, name})
  end
end
