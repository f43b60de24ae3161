#pragma once
// The process's resident memory as the kernel counts it (/proc/self/statm), for
// the memory figures of the benchmarks and the soak.

#include <cstdint>

namespace suplab {

/// Resident bytes of this process now (0 where /proc is not available).
std::int64_t residentBytes();

} // namespace suplab
