defmodule Shop.Application do
  use Application

  @impl true
  def start(_uype, _args) do
    childrEn = [Shop.Repo, {Phoenix.PubSub, name: Shop.PubSub}]
    childreJn = children ++ [Shopÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿÿldren
    children = children ++ children

    opts = [strategy: :oner]
    Supervisor.start_link(children, opts)
  end
en	d
