#pragma once
// What a run did to its tree, worked out from its event log alone, for someone
// choosing between strategies: the faults that went in and what they did, the
// crashes they set off, how long the tree took to be whole again, how much of the
// time the workers served, and whether the failure reached the root. The guide
// defines each metric in one sentence (docs/guide.md, "What the numbers mean").

#include "events/Event.h"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace suplab {

/// What the metrics are measured against, besides the events.
struct MeasureWindow {
    std::string rootPath;
    std::int64_t endUs = 0; // the end of the window; events after it are not read
    /// Faults the schedule aimed into the window (the script's and the chaos's
    /// kill, crash and exit steps): the same in every lane. Negative: count the
    /// inject events instead (a fault whose target was gone then is not counted).
    int faultsInjected = -1;
    /// Supervisors by path; every other process is a worker.
    std::set<std::string> supervisors;
};

struct RunMetrics {
    double windowMs = 0;

    int faultsInjected = 0;      // faults aimed at the tree in the window
    int faultsLanded = 0;        // ... that took their target down
    int faultsWithoutEffect = 0; // ... that did not: target already down, or a signal trapped
    /// Abnormal ends no injected fault caused directly (a `noproc` from calling a
    /// dead dependency, a crash of a process that was not the target), plus every
    /// supervisor that gave up (an escalation is its exit).
    int followOnCrashes = 0;

    int restarts = 0;   // restarts of a failed child, each counted against an intensity
    int bystanders = 0; // running children restarted because a sibling failed
    int giveUps = 0;    // supervisors that exceeded their restart intensity
    /// Per supervisor: the most restarts it held in its intensity window, over
    /// max_restarts (1.0: one more would have made it give up; above 1: it gave up).
    std::map<std::string, double> closestApproach;

    int recovered = 0; // landed faults after which every process up before it was up again
    /// Over recovered faults: from the fault until every process that was up just
    /// before it was up again, follow-on crashes included. None when none recovered.
    std::optional<double> meanRecoveryMs;
    std::optional<double> maxRecoveryMs;

    int lost = 0;           // processes that were up and are not at the end, deliberate ends aside
    int deliberateEnds = 0; // processes a terminate_child or delete_child call left ended
    /// Workers only: down from a `down` to the next `up` (restarts included), within
    /// the window, up to a deliberate end.
    double workerDowntimeMs = 0;
    double workerAvailability = 1; // mean over workers of (time up / time they had to be up)
    std::map<std::string, double> availabilityByPath; // workers

    bool rootFailed = false;              // the root went down or gave up in the window
    std::optional<double> rootFailedAtMs; // when, the first time
    double survivalMs = 0;                // until the root failed, else the whole window
    /// Give-ups of the root's own children: escalations that reached the root, which
    /// the root took in by restarting (or by failing itself).
    int escalationsAtRoot = 0;
    bool reachedRoot() const { return rootFailed || escalationsAtRoot > 0; }

    std::optional<double> restartsPerLandedFault() const;
    std::optional<double> bystandersPerLandedFault() const;
    /// The highest closestApproach over the supervisors (0 with no restart at all).
    double closestApproachMax() const;
};

RunMetrics computeMetrics(const std::vector<Event>& events, const MeasureWindow& window);

} // namespace suplab
