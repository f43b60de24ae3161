# How oracle/lessons reads an iex transcript: the way SupLab's console reads one
# (engine/console/Transcript.cpp). `iex>` or `iex(N)>` starts an input, the lines under
# it are what iex printed (blank lines inside kept, trailing ones dropped, trailing
# spaces trimmed), and `# ` lines are comments that end the output.

defmodule LessonTranscript do
  @doc "The steps of `text`: {:comment, line} and {:input, text, expected_lines}."
  def parse(text) do
    text
    |> String.split("\n")
    |> Enum.map(&String.trim_trailing(&1, "\r"))
    |> Enum.map(&String.trim_trailing/1)
    |> Enum.reduce({[], false}, fn line, {acc, in_output} ->
      cond do
        input = prompt_input(line) ->
          {[{:input, input, []} | acc], true}

        line == "#" or String.starts_with?(line, "# ") ->
          {[{:comment, line} | acc], false}

        in_output ->
          [{:input, input, out} | rest] = acc
          {[{:input, input, [line | out]} | rest], true}

        true ->
          {acc, in_output}
      end
    end)
    |> elem(0)
    |> Enum.reverse()
    |> Enum.map(fn
      {:input, input, out} -> {:input, input, out |> drop_blank_head() |> Enum.reverse()}
      other -> other
    end)
  end

  defp drop_blank_head(["" | rest]), do: drop_blank_head(rest)
  defp drop_blank_head(lines), do: lines

  defp prompt_input(line) do
    case Regex.run(~r/^\s*iex(?:\(\d+\))?> ?(.*)$/, line) do
      [_, input] -> input
      nil -> nil
    end
  end

  @doc "Only the inputs of `text`, as {input, expected output joined by newlines}."
  def inputs(text) do
    for {:input, input, lines} <- parse(text), do: {input, Enum.join(lines, "\n")}
  end
end
