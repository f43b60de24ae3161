#pragma once
// Bytes the engine's allocators have handed out and not taken back, as the BEAM
// counts erlang:memory(total): the slab pool's blocks in use plus malloc's chunks
// in use (mallinfo2). For docs/benchmarks.md's bytes_per_worker.
//
// Why not resident memory: a block freed by an earlier workload stays resident
// and is handed out again without a page being touched, so RSS growth misses it.
// A live count goes up by a block's size when the block is handed out, whether it
// was carved fresh or taken back from a free list, so memory recycled from earlier
// work cannot hide any growth. (glibc's per-thread tcache is the one exception: up
// to 7 freed chunks per size class and thread still count as in use, a few hundred
// KiB at most, never proportional to the workers started.)

#include <cstdint>

namespace suplab {

/// The slab pool's live bytes (none under sanitizers, where the pool passes
/// everything to operator new) plus malloc's bytes in use, arenas and mmapped
/// chunks alike; 0 for malloc where mallinfo2 is not available.
std::int64_t liveAllocatedBytes();

} // namespace suplab
