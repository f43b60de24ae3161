#pragma once
// What a run did to its tree, worked out from its event log alone: restarts,
// give-ups, bystanders, processes lost, downtime and availability, time to
// recover from each fault, and whether the failure reached the root.

#include "events/Event.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace suplab {

struct RunMetrics {
    int restarts = 0; // restarts counted against an intensity
    int giveUps = 0;
    int bystanders = 0;        // children restarted because a sibling died (group restarts)
    int lost = 0;              // processes that were up once and are not at the end
    int faults = 0;            // faults that landed (inject events)
    int recovered = 0;         // faults whose target came back up
    double meanRecoveryMs = 0; // over recovered faults
    double maxRecoveryMs = 0;
    double downtimeMs = 0;   // summed over every process that was ever up
    double availability = 1; // mean over those processes of up time / window
    bool rootFailed = false; // the root went down (or gave up) before the end
    std::map<std::string, double> availabilityByPath;
};

/// `endUs`: the end of the window measured (the run's end, before any final stop).
RunMetrics computeMetrics(const std::vector<Event>& events, const std::string& rootPath,
                          std::int64_t endUs);

} // namespace suplab
