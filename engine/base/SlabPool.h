#pragma once
// The engine's allocator for its many small, short- or long-lived objects:
// processes and coroutine frames, and for the tables that grow with a tree.
// Sizes up to 4 KiB are rounded up to a 16-byte class; from there to 2 MiB, to a
// power of two (a large block, kept in shared lists once freed); bigger requests
// go to operator new. Blocks are carved from 2 MiB slabs (huge or small pages,
// whichever costs less here: PagePolicy) that are mapped with their pages
// already populated and never given back, so
// starting 10,000 processes takes a few slab maps instead of thousands of page
// faults and heap-growing system calls, and a process that dies leaves its block
// for the next one.
//
// Each thread keeps a free list per class; a block freed on another thread than
// the one that allocated it simply joins the freeing thread's list. A list that
// grows past a bound hands half of it to a shared list, where the other threads
// find it, so memory freed on one thread is not lost to the others.
//
// Under AddressSanitizer or ThreadSanitizer the pool passes everything to
// operator new/delete, so that the sanitizers see every object's lifetime.

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace suplab::slab {

void* allocate(std::size_t bytes);
void deallocate(void* block, std::size_t bytes) noexcept;

/// Bytes of pooled blocks in use now, over all threads (-1 under sanitizers, where
/// the pool passes everything to operator new). A soak checks it returns to its
/// baseline once a run is over.
std::int64_t liveBytes();

/// True when a spare slab would help: some thread has taken a second slab, and no
/// spare is ready or being made. (Always false under sanitizers.)
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
