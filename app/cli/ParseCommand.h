#pragma once
// `suplab-cli parse FILE|DIR...`: reads Elixir files as the importer does and lists
// every syntax error as FILE:LINE: message, so that a file the importer cannot read
// says why, and the reader can be measured on whole projects (every .ex and .exs
// under a folder).

#include <iosfwd>
#include <string>
#include <vector>

namespace suplab {

int parseCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace suplab
