# Compares what a transcript says iex printed with what run.exs printed for it:
#   elixir compare.exs EXPECTED.iex REAL.iex
# Pids (#PID<0.N.0>) compare equal whatever their numbers. Every other character counts,
# line breaks and indentation included; a mismatch that is only there is reported as
# `layout only`. Exits 1 when any input's output differs.

Code.require_file("transcript.exs", __DIR__)

defmodule LessonCompare do
  def main([expected_file, real_file]) do
    expected = LessonTranscript.inputs(File.read!(expected_file))
    real = LessonTranscript.inputs(File.read!(real_file))
    name = Path.basename(expected_file)

    if Enum.map(expected, &elem(&1, 0)) != Enum.map(real, &elem(&1, 0)) do
      IO.puts("#{name}: the run did not play the transcript's inputs (it stopped or failed?)")
      System.halt(1)
    end

    mismatches =
      expected
      |> Enum.zip(real)
      |> Enum.with_index(1)
      |> Enum.reject(fn {{{_, want}, {_, got}}, _} -> same_pids(want) == same_pids(got) end)

    for {{{input, want}, {_, got}}, n} <- mismatches do
      kind = if flat(want) == flat(got), do: "layout only", else: "content"
      IO.puts("#{name} input #{n} (#{kind}): iex> #{input}")
      IO.puts(show("expected", want))
      IO.puts(show("real", got))
    end

    count = length(mismatches)
    layout = Enum.count(mismatches, fn {{{_, w}, {_, g}}, _} -> flat(w) == flat(g) end)

    IO.puts(
      "#{name}: #{length(expected) - count}/#{length(expected)} inputs as iex prints them" <>
        if(count > 0, do: " (#{layout} of the #{count} others differ in layout only)", else: "")
    )

    if count > 0, do: System.halt(1)
  end

  def main(_) do
    IO.puts(:stderr, "usage: compare.exs EXPECTED.iex REAL.iex")
    System.halt(2)
  end

  defp same_pids(text), do: Regex.replace(~r/#PID<\d+\.\d+\.\d+>/, text, "#PID<...>")

  # The text with the breaks and indentation a pretty printer may add taken out:
  # none after an opening bracket or before a closing one, one space elsewhere.
  defp flat(text) do
    text
    |> same_pids()
    |> then(&Regex.replace(~r/([\[{(])\s+/, &1, "\\1"))
    |> then(&Regex.replace(~r/\s+([\]})])/, &1, "\\1"))
    |> then(&Regex.replace(~r/\s+/, &1, " "))
  end

  defp show(label, text) do
    lines = if text == "", do: ["(nothing)"], else: String.split(text, "\n")
    pad = String.duplicate(" ", 10)

    lines
    |> Enum.with_index()
    |> Enum.map_join("\n", fn
      {line, 0} -> "  " <> String.pad_trailing(label <> ":", 10) <> "| " <> line
      {line, _} -> "  " <> pad <> "| " <> line
    end)
  end
end

LessonCompare.main(System.argv())
