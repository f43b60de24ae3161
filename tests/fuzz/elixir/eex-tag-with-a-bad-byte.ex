defmodule <%= @app_module %>.Application do
  use Application
<%# a template of our own: tags in names, conditional children, a conditional function %>
  def start(_type, _args) do
    children = [
      <%= @app_modu¦e %>.Telemetry,<%= if @db do %>
      # the database
      <%= @app_module %>.Repo, {<%= @app_module %>.Migrator, repos: [<%= @app_module %>.Repo]},<% end %><%= unless @lite do %>
      {Phoenix.PubSub, name: <%= @app_module %>.PubSub},<% else %>
      <%= @app_module %>.Lite,<% end %>
      <%= @endpoint_module %>
    ]
    <% x = 1 %>
    Supervisor.start_link(children, strategy: :one_for_one, name: <%= @app_module %>.Supervisor)
  end<%= if @db do %>

  defp skip?, do: System.get_env("SKIP") == nil<% end %>
end
