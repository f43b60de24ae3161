#pragma once
// One fuzz input: a scenario file's bytes. The loader must refuse or accept it
// without crashing; an accepted one that is small enough to play quickly is played
// on the virtual clock, and its event log must be gap-free in seq. The libFuzzer
// target (fuzz_scenario) and the regression replay test (tst_fuzz_regressions)
// both call this, so a crash found once stays a test for ever.

#include <cstddef>
#include <cstdint>

namespace suplab {

/// Returns 0 (libFuzzer's convention); a violated expectation aborts.
int fuzzScenarioInput(const std::uint8_t* data, std::size_t size);

} // namespace suplab
