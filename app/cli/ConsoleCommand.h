#pragma once
// `suplab-cli console SCENARIO.json|FILE.ex`: the GUI's console without the GUI. Reads
// Elixir lines from `in` (a pasted iex transcript too: only its `iex>` lines run) and
// prints one result per line on `out`, as iex prints it.

#include <iosfwd>
#include <string>
#include <vector>

namespace suplab {

int consoleCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                   std::ostream& err);

} // namespace suplab
