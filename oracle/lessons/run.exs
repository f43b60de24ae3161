# Plays an iex transcript (resources/lessons/*.iex) on the real Elixir/OTP runtime and
# prints it again with what iex prints for each input:
#
#   elixir run.exs [--start MODULE] [--transcript-pids] [--pause-ms N] [MODULES_FILE...] TRANSCRIPT
#
# The modules files are compiled in order; with --start MODULE, MODULE.start_link(:ok)
# runs before the first input (an application's tree, as under `iex -S mix`). Every
# `iex>` input is then evaluated in order in one evaluator process, carrying the
# binding and the environment from line to line as IEx does, its result printed as
# IEx prints it (inspect with pretty: true, width: 80; errors as IEx's print_error),
# and the runner sleeps 50 ms (--pause-ms): what a kill sets off is over before the
# next line, as it is when a person types; --pause-ms 0 shows the races a paste or a
# script would run into. `# ` lines are echoed.
#
# --transcript-pids prints the pids in each result as the transcript wrote them (in
# order, when it wrote as many): the line breaking is then what iex would print for
# those very pids, whose width may differ from this run's.

Code.require_file("transcript.exs", __DIR__)

defmodule LessonRun.ShownPid do
  @moduledoc false
  defstruct [:text]

  defimpl Inspect do
    def inspect(%{text: text}, _opts), do: text
  end
end

defmodule LessonRun do
  @pid ~r/#PID<\d+\.\d+\.\d+>/

  def main(argv) do
    {opts, files} = OptionParser.parse!(argv, strict: [start: :keep, transcript_pids: :boolean, pause_ms: :integer])

    case files do
      [_ | _] -> :ok
      _ -> usage()
    end

    {module_files, [transcript]} = Enum.split(files, -1)
    Enum.each(module_files, &Code.require_file/1)

    for name <- Keyword.get_values(opts, :start) do
      module = Module.concat([name])
      {:ok, _} = module.start_link(:ok)
    end

    steps = LessonTranscript.parse(File.read!(transcript))
    shell = spawn_evaluator()
    Process.put(:pause_ms, Keyword.get(opts, :pause_ms, 50))
    play(steps, shell, opts[:transcript_pids] || false)
  end

  defp usage do
    IO.puts(:stderr, "usage: run.exs [--start MODULE] [--transcript-pids] [--pause-ms N] [MODULES_FILE...] TRANSCRIPT")
    System.halt(2)
  end

  defp play([], _shell, _pids), do: :ok

  defp play([{:comment, line} | rest], shell, pids) do
    IO.puts(line)
    play(rest, shell, pids)
  end

  defp play([{:input, input, expected} | rest], shell, pids) do
    IO.puts("iex> " <> input)
    shown = if pids, do: Regex.scan(@pid, Enum.join(expected, "\n")) |> List.flatten(), else: nil
    shell = evaluate(shell, input, shown)
    Process.sleep(Process.get(:pause_ms))
    play(rest, shell, pids)
  end

  # The evaluator is its own process, as IEx's is: what a line starts with start_link
  # is linked to it, and when a link kills it, iex says so and starts a new one with
  # an empty binding.
  defp spawn_evaluator do
    runner = self()
    {pid, ref} = spawn_monitor(fn -> evaluator_loop(runner, [], fresh_env()) end)
    {pid, ref}
  end

  defp fresh_env do
    {_, _, env} = Code.eval_quoted_with_env(quote(do: import(IEx.Helpers)), [], Code.env_for_eval(file: "iex"))
    env
  end

  defp evaluate({pid, ref} = shell, input, shown) do
    send(pid, {:eval, input, shown})

    receive do
      {:evaluated, ^pid} ->
        shell

      {:DOWN, ^ref, :process, ^pid, reason} ->
        IO.puts("** (EXIT from #{inspect(pid)}) shell process exited with reason: " <>
                  Exception.format_exit(reason))
        IO.puts("\nInteractive Elixir (#{System.version()}) - press Ctrl+C to exit (type h() ENTER for help)")
        spawn_evaluator()
    end
  end

  defp evaluator_loop(runner, binding, env) do
    receive do
      {:eval, input, shown} ->
        {binding, env} =
          try do
            quoted = Code.string_to_quoted!(input, file: "iex", line: 1)
            {value, binding, env} = Code.eval_quoted_with_env(quoted, binding, env)
            IO.puts(inspect(with_pids(value, shown), pretty: true, width: 80))
            {binding, env}
          catch
            kind, reason ->
              print_error(kind, reason, __STACKTRACE__)
              {binding, env}
          end

        send(runner, {:evaluated, self()})
        evaluator_loop(runner, binding, env)
    end
  end

  # As IEx.Evaluator.print_error/3: the banner, then what is left of the stacktrace
  # once the evaluator's own frames are taken off.
  defp print_error(kind, reason, stacktrace) do
    {blamed, stacktrace} = Exception.blame(kind, reason, stacktrace)

    banner =
      case blamed do
        %FunctionClauseError{} ->
          Exception.format_banner(kind, reason, stacktrace) <>
            "    " <>
            String.replace(
              FunctionClauseError.blame(blamed, &inspect(&1, pretty: true, width: 80), &blame_match/1),
              "\n", "\n    ")

        _ ->
          Exception.format_banner(kind, blamed, stacktrace)
      end

    IO.write([banner, ?\n, Exception.format_stacktrace(prune(stacktrace))])
  end

  defp blame_match(%{match?: true, node: node}), do: Macro.to_string(node)
  defp blame_match(%{match?: false, node: node}), do: "-" <> Macro.to_string(node) <> "-"

  @evaluation [LessonRun, Code, :elixir, :erl_eval, :eval_bits, Module.ParallelChecker]
  @internal [:elixir, :elixir_expand, :elixir_compiler, :elixir_module, :elixir_clauses,
             :elixir_lexical, :elixir_def, :elixir_map, :elixir_erl, :elixir_erl_clauses,
             :elixir_erl_pass, Kernel.ErrorHandler, Module.ParallelChecker]

  defp prune(stacktrace) do
    stacktrace
    |> Enum.reverse()
    |> Enum.drop_while(&(elem(&1, 0) in @evaluation))
    |> Enum.reverse()
    |> Enum.reject(&(elem(&1, 0) in @internal))
  end

  # The value with its pids replaced by the transcript's, in the order inspect prints
  # them, when the transcript shows as many pids as the value holds.
  defp with_pids(value, nil), do: value

  defp with_pids(value, shown) do
    if count_pids(value) == length(shown) do
      {value, []} = replace_pids(value, shown)
      value
    else
      value
    end
  end

  defp count_pids(pid) when is_pid(pid), do: 1
  defp count_pids(tuple) when is_tuple(tuple), do: count_pids(Tuple.to_list(tuple))
  defp count_pids([head | tail]), do: count_pids(head) + count_pids(tail)
  defp count_pids(map) when is_map(map) and not is_struct(map), do: map |> Map.values() |> count_pids()
  defp count_pids(_), do: 0

  defp replace_pids(pid, [text | rest]) when is_pid(pid), do: {%LessonRun.ShownPid{text: text}, rest}

  defp replace_pids(tuple, acc) when is_tuple(tuple) do
    {list, acc} = replace_pids(Tuple.to_list(tuple), acc)
    {List.to_tuple(list), acc}
  end

  defp replace_pids([head | tail], acc) do
    {head, acc} = replace_pids(head, acc)
    {tail, acc} = replace_pids(tail, acc)
    {[head | tail], acc}
  end

  # Structs keep their own inspect; a map's values are replaced in its printed order.
  defp replace_pids(map, acc) when is_map(map) and not is_struct(map) do
    {pairs, acc} =
      Enum.map_reduce(Map.to_list(map), acc, fn {k, v}, acc ->
        {v, acc} = replace_pids(v, acc)
        {{k, v}, acc}
      end)

    {Map.new(pairs), acc}
  end

  defp replace_pids(other, acc), do: {other, acc}
end

LessonRun.main(System.argv())
