#pragma once
// The engine's allocator for its many small, short- or long-lived objects:
// processes and coroutine frames, and for the tables that grow with a tree.
// Sizes up to 4 KiB are rounded up to a 16-byte class; from there to 2 MiB, to a
// power of two (a large block, kept in shared lists once freed); bigger requests
// go to operator new. Blocks are carved from 2 MiB slabs (huge or small pages,
// whichever costs less here: PagePolicy) that are mapped with their pages
// already populated, so
// starting 10,000 processes takes a few slab maps instead of thousands of page
// faults and heap-growing system calls, and a process that dies leaves its block
// for the next one.
//
// Each thread keeps a free list per class; a block freed on another thread than
// the one that allocated it simply joins the freeing thread's list. A list that
// grows past a bound hands half of it to a shared list, where the other threads
// find it, so memory freed on one thread is not lost to the others.
//
// Freed memory is kept for reuse up to a high-water mark: past it, runs of
// adjacent free blocks in the shared lists give their pages back to the OS
// (setHighWaterMark, heldBytes).
//
// Under AddressSanitizer and ThreadSanitizer the pool stays on (the CMake option
// SUPLAB_SLAB_UNDER_SANITIZERS), so its cross-thread code is checked too: under
// ASan a free block and memory never handed out are poisoned, so a use after
// free or an overflow into a pooled block is reported. With the option off it
// passes everything to operator new/delete instead, so that ASan sees each
// object with redzones of its own (an overflow from one live block into the next
// one is caught only then).

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace suplab::slab {

void* allocate(std::size_t bytes);
void deallocate(void* block, std::size_t bytes) noexcept;

/// Bytes of pooled blocks in use now, over all threads (-1 when the pool passes
/// everything to operator new). A soak checks it returns to its baseline once a
/// run is over.
std::int64_t liveBytes();

/// Bytes of memory the pool holds now: slabs mapped and populated, less the pages
/// given back to the OS (-1 when the pool passes through). heldBytes() minus
/// liveBytes() is what it keeps for reuse (free blocks, slabs not yet carved).
std::int64_t heldBytes();

/// Free bytes the shared lists may hold before their pages start going back to
/// the OS; returns the bound it replaces. (Tests and tuning; the default suits
/// a few 100,000-process runs in a row.)
std::size_t setHighWaterMark(std::size_t bytes);

/// True when a spare slab would help: some thread has taken a second slab, and no
/// spare is ready or being made. (Always false when the pool passes through.)
bool spareSlabWanted();
/// Maps and populates a spare slab for the next thread that runs out: an idle
/// worker thread calls it, so a busy one does not wait for fresh memory.
void prepareSpareSlab();

/// A standard allocator on the pool, for std::allocate_shared and containers.
/// Class-level operator new/delete on the pool, for polymorphic objects owned by a
/// unique_ptr (the sized delete of a class with a virtual destructor gets the
/// most-derived size).
struct Allocated {
    static void* operator new(std::size_t bytes) { return allocate(bytes); }
    static void operator delete(void* block, std::size_t bytes) noexcept {
        deallocate(block, bytes);
    }
};

template <typename T> struct Allocator {
    using value_type = T;
    Allocator() = default;
    template <typename U> Allocator(const Allocator<U>&) noexcept {}
    T* allocate(std::size_t n) { return static_cast<T*>(slab::allocate(n * sizeof(T))); }
    void deallocate(T* p, std::size_t n) noexcept { slab::deallocate(p, n * sizeof(T)); }
    template <typename U> bool operator==(const Allocator<U>&) const noexcept { return true; }
};

/// A vector whose buffer comes from the pool.
template <typename T> using Vector = std::vector<T, Allocator<T>>;

} // namespace suplab::slab
