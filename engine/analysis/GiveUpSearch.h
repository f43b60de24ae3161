#pragma once
// How fast a process must crash, steadily, before its supervisor gives up, found by
// running it: a formula (max_restarts in max_seconds) says where to look first, the
// trials decide. Periods are whole milliseconds, so the answer is a period that was
// run and made the supervisor give up, next to one a millisecond longer that did not.

#include "analysis/TreeFacts.h"
#include "analysis/TrialTree.h"

#include <optional>
#include <string>

namespace suplab {

struct GiveUpPoint {
    bool oneIsEnough = false;               // a single fault makes it give up (or it is the root)
    std::optional<std::int64_t> periodMs;   // the longest period that makes it give up
    std::optional<std::string> escalatesTo; // the highest supervisor down at that rate
};

/// The fault the analysis aims at a process: a crash of a worker's own code, or the
/// kill of a supervisor (which runs no code of its own to crash).
TrialFault::Kind faultKindFor(const TreeFacts& facts, const std::string& path);

/// `count` faults at `path`, `periodMs` apart, from the trial's start.
TrialPlan steadyFaults(const std::string& path, TrialFault::Kind kind, std::int64_t periodMs,
                       std::int64_t count);

/// `single`: the trial of one fault of that kind, already run.
GiveUpPoint findGiveUpPoint(TrialTree& tree, const TreeFacts& facts, const std::string& path,
                            const TrialResult& single);

/// The highest of `path`'s ancestors that went down in `trial`.
std::optional<std::string> highestDown(const TrialResult& trial, const std::string& path);

} // namespace suplab
