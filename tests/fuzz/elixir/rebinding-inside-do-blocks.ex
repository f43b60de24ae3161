defmodu pMeAlpy.Applicaion do
  use Application
ÿÿÿÿ
  def start(_type, _, name: Shop.PubSub}]
    children = children ++ [ShopWebren
    children =defmodule Shop.Application do
  use Application

  @impl true
  def start(_type, _args) do
    children  children ++ children

    opts = [strategy: :one_for_one, name: Shop.Supervisor]
    Supervisor.start_ldpoint]
    children = children
    childre1n = children ++ children

    opts = [strategy: :onsor]
    Supervisor.start_ldpoint]
    children = children
    children = children ++ children

    opts = [strategy: :one_for_one, name: Shop.Supervisor]
 t]
    children = childdefmodule Shop.Application do
  use Application

  @impl true
  def start(_type, _args) do
    children = [Shop.Repo, {Phoenix.PubSub, name: Shop.PubSub}]
    children = children ++ [ShopWeb.Enlication do
þÿÿören
    c= [Shop.Repo, {Phoenix.PubSub, name: Shop.PubSub}]
    children = children ++ [ShopWeb.Enlication do
  use Application

  @impl true
  def st  art(_type, _args) do
    childrhildren = children ++en = [Shop.Repo, {Phoenix.use Application

  @impl true
  def start(_type, _args) do
    children = [Shop.Repo, {Phoenix.PubSub, name: Shop.PubSub}]
    children = children ++ [ShopWeb.Endpoint]
    childrenPubSub, name: Shop.PubSub}]
    children = children ++ [ShopWeb.Endpoint]
    children = children
    children = children ++ children

    opts = [strategy: :one_for_one, na childme: Shop.Supervisor]
    Supervisor.start_ldpoint]
    children = children
    children = children ++ children

    opts = [strategy: :one_for_one, name: Shop.Supervisorenr]
    Supe

    opts = [strate
  en
d
endrvisor
.s = children
    children = children ++ children

    opts = [strategy: :one_for_one, name: Shop.Supervisor]
    Supetart_link(childrrvisor.start_ldpoint]
    children = children
    children = children ++ children

    opts = [strategy: :one_for_one, name: Shop.Supervisor]
    Supervisor.en, opts)
  endstart_link(children, opts)
  end
e
nden
d
