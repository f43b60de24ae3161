#pragma once
// The reliability soak: a 1,000-process tree on the real clock with every worker
// thread, hammered by a seeded injector (kills, crashes, exit signals and child API
// calls) at a fixed rate; then the tree is left to settle, each supervisor's
// which_children/count_children is compared with the event log, the tree is shut
// down, and the engine is destroyed. The report says what was injected and checked
// and lists every invariant violation (SoakChecker); a clean run has none.

#include <cstdint>
#include <string>
#include <vector>

namespace suplab {

struct SoakOptions {
    double seconds = 5;             // how long faults are injected
    double faultsPerSecond = 10000; // the injector's rate
    std::uint64_t seed = 1;
    unsigned threads = 0; // worker threads (0: one per core)
};

struct SoakReport {
    std::uint64_t faults = 0;   // kills, crashes and exit signals sent
    std::uint64_t apiCalls = 0; // which_children, count_children, start_child, terminate_child
    std::uint64_t events = 0;   // events checked
    std::uint64_t supervisorsCompared = 0;
    std::int64_t processesAtStart = 0;
    std::int64_t processObjectsLeft = 0; // after the engine is gone (0 is right)
    std::int64_t pooledBytesBefore = 0, pooledBytesAfter = 0; // slab pool, -1 under sanitizers
    std::int64_t rssBeforeBytes = 0, rssPeakBytes = 0, rssAfterBytes = 0;
    double seconds = 0;
    std::vector<std::string> violations;

    bool clean() const { return violations.empty(); }
    std::string json() const;
};

SoakReport runSoak(const SoakOptions& options);

} // namespace suplab
