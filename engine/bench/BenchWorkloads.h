#pragma once
// The benchmark workloads of docs/benchmarks.md, on the real-clock threaded engine: the
// same work oracle/bench.exs does on the BEAM, for side-by-side ratios.

#include <string>
#include <vector>

namespace suplab {

struct BenchOptions {
    // Sizes / 10 for a smoke test (reported as "quick": true); the restart rounds
    // stay 100 to a supervisor, to 10 supervisors.
    bool quick = false;
    unsigned threads = 0; // worker threads (0: one per core)
    /// Workloads to run, by name ("start", "restart", "one_for_all", "dynamic_start",
    /// "dynamic_shutdown", "analyze"); empty: all of them.
    std::vector<std::string> only;
    /// Every workload with a sink listening to the event stream (reported as
    /// "observed": true), as the GUI listens: what the stream costs. Without it, only
    /// the workloads that wait for `up` notices have one, and an event that nobody
    /// listens to costs nothing, as a trace that is off on the BEAM.
    bool observed = false;
};

/// The workload names `only` accepts, in the order they run.
const std::vector<std::string>& benchWorkloadNames();

/// Runs the workloads and returns docs/benchmarks.md's JSON object (one line).
std::string runBench(const BenchOptions& options);

/// Start, shutdown and one_for_all restart at 1,000, 10,000 and 100,000 children:
/// one JSON object whose keys name the workload and the size, to show growth is linear.
std::string runScalingBench(unsigned threads);

} // namespace suplab
