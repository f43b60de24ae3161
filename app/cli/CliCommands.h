#pragma once
// suplab-cli's commands (docs/man/suplab-cli.1), callable from tests without a process.

#include <iosfwd>
#include <string>
#include <vector>

namespace suplab {

/// Runs the command line `args` (without the program name); returns the exit status.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace suplab
