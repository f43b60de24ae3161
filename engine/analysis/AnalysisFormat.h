#pragma once
// The analysis report as text for a terminal, JSON (docs/analysis.md lists its keys),
// CSV (a row per process) and Markdown (the GUI's export).

#include "analysis/Analysis.h"

#include <string>

namespace suplab {

std::string analysisText(const AnalysisReport& report);
std::string analysisJson(const AnalysisReport& report);
std::string analysisCsv(const AnalysisReport& report);
std::string analysisMarkdown(const AnalysisReport& report);

/// "0.8/s (every 1250 ms)", "one is enough", "never".
std::string givesUpText(const ProcessAnalysis& p);
/// "12 ms", "0 ms", "for good (2 stopped)".
std::string downtimeText(const FaultOutcome& o);

} // namespace suplab
