# The lesson's application tree as a Mix project, one supervisor per file, for
# `suplab-cli import resources/projects/lesson_app` and File > Import Elixir project.
defmodule MyApp.MixProject do
  use Mix.Project

  def project do
    [app: :my_app, version: "0.1.0", elixir: "~> 1.14", deps: []]
  end

  def application do
    [mod: {MyApp.Application, []}, extra_applications: [:logger]]
  end
end
