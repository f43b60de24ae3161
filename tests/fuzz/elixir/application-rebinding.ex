defmodule Shop.Application do
  use Application

  @impl true
  def start(_type, _args) do
    children = [Shop.Repo, {Phoenix.PubSub, name: Shop.PubSub}]
    children = children ++ [ShopWeb.Endpoint]
    children = children
    children = children ++ children

    opts = [strategy: :one_for_one, name: Shop.Supervisor]
    Supervisor.start_link(children, opts)
  end
end
