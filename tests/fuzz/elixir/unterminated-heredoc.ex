defmodule S do
  @moduledoc """
  never ends
