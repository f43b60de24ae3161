#pragma once
// The benchmark workloads of bench.md, on the real-clock threaded engine: the
// same work ../shared/bench/beam_bench.exs does on the BEAM, for side-by-side ratios.

#include <string>

namespace suplab {

struct BenchOptions {
    bool quick = false;   // smaller sizes for a smoke test (reported as "quick": true)
    unsigned threads = 0; // worker threads (0: one per core)
};

/// Runs every workload and returns bench.md's JSON object (one line).
std::string runBench(const BenchOptions& options);

} // namespace suplab
