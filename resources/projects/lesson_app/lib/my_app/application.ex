defmodule MyApp.Application do
  use Application

  def start(_type, _args) do
    children = [
      MyApp.Database.Supervisor,
      MyApp.Cache.Supervisor,
      MyApp.Web.Supervisor
    ]

    Supervisor.start_link(children, strategy: :one_for_one, name: MyApp.Supervisor)
  end
end
