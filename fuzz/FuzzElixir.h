#pragma once
// One fuzz input: the bytes of an Elixir file. The importer must read or refuse it
// without crashing; a scenario it makes must be one the loader accepts, and that
// scenario exported as an Elixir skeleton must import back whole, to the same tree.
// The libFuzzer target (fuzz_elixir) and tst_fuzz_regressions both call this.

#include <cstddef>
#include <cstdint>

namespace suplab {

/// Returns 0 (libFuzzer's convention); a violated expectation aborts.
int fuzzElixirInput(const std::uint8_t* data, std::size_t size);

} // namespace suplab
