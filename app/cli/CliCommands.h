#pragma once
// suplab-cli's commands (docs/man/suplab-cli.1), callable from tests without a process.

#include <iosfwd>
#include <string>
#include <vector>

namespace suplab {

/// Runs the command line `args` (without the program name); returns the exit status.
/// `console` reads its lines from `in`.
int runCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
           std::ostream& err);
/// The same, reading standard input.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace suplab
