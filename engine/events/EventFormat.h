#pragma once
// The three renderings of docs/trace-format.md: the conformance trace, JSON Lines and CSV.

#include "events/Event.h"
#include "json/Json.h"

#include <string>
#include <vector>

namespace suplab {

/// `event path [reason]`, or empty for a non-conformance event.
std::string conformanceLine(const Event& event);
std::string conformanceTrace(const std::vector<Event>& events);
std::string jsonlLine(const Event& event);
std::string jsonl(const std::vector<Event>& events);
std::string csvHeader();
std::string csvLine(const Event& event);
std::string csv(const std::vector<Event>& events);

/// One CSV field, quoted as RFC 4180 asks when it has to be.
std::string csvField(std::string_view text);

} // namespace suplab
