# The function the ChatApp exercise asks for: a room is created under
# ChatApp.RoomSupervisor (resources/elixir/lesson_chat_app.ex), one ChatApp.Room
# process per room.
defmodule ChatApp do
  def create_room(name) do
    DynamicSupervisor.start_child(ChatApp.RoomSupervisor, {ChatApp.Room, name})
  end
end
