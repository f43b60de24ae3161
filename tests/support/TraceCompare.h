#pragma once
// Trace comparison exactly as tests/conformance/compare_traces.py does it: runs of
// consecutive `down` lines for children of one dynamic supervisor compare as sets.

#include "scenario/Scenario.h"

#include <QString>
#include <set>
#include <string>
#include <vector>

namespace suplab::test {

std::vector<std::string> splitLines(const std::string& text);
std::set<std::string> dynamicSupervisorPaths(const NodeSpec& root);
std::vector<std::string> normaliseTrace(const std::vector<std::string>& lines,
                                        const std::set<std::string>& dynamic);
/// Empty when equal; otherwise a readable diff for the failure message.
QString traceDifference(const std::string& expected, const std::string& actual,
                        const NodeSpec& root);

/// The whole file; a file that cannot be read fails the test.
std::string readFile(const std::string& path);

} // namespace suplab::test
