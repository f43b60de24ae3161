#pragma once
// `suplab-cli analyze SCENARIO.json|FILE.ex|DIR`: the resilience analysis
// (engine/analysis/Analysis.h) as text, JSON or CSV.

#include <iosfwd>
#include <string>
#include <vector>

namespace suplab {

int analyzeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace suplab
