#include "SlabPool.h"

#include "base/PagePolicy.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <sys/mman.h>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define SUPLAB_SLAB_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SUPLAB_SLAB_ASAN 1
#endif
#endif
#if defined(__SANITIZE_THREAD__)
#define SUPLAB_SLAB_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SUPLAB_SLAB_TSAN 1
#endif
#endif
// Set by CMake (SUPLAB_SLAB_UNDER_SANITIZERS); on unless told otherwise.
#ifndef SUPLAB_SLAB_UNDER_SANITIZERS
#define SUPLAB_SLAB_UNDER_SANITIZERS 1
#endif
#if (defined(SUPLAB_SLAB_ASAN) || defined(SUPLAB_SLAB_TSAN)) && !SUPLAB_SLAB_UNDER_SANITIZERS
#define SUPLAB_SLAB_PASSTHROUGH 1
#endif
#if defined(SUPLAB_SLAB_ASAN) && !defined(SUPLAB_SLAB_PASSTHROUGH)
#include <sanitizer/asan_interface.h>
#include <sanitizer/lsan_interface.h>
#endif

namespace suplab::slab {

#ifndef SUPLAB_SLAB_PASSTHROUGH
namespace {

constexpr std::size_t kGranule = 16;
constexpr std::size_t kLargest = 4096;
constexpr std::size_t kClasses = kLargest / kGranule;
constexpr std::size_t kSlabBytes = std::size_t(2) << 20; // one huge page
constexpr std::size_t kLocalLimit = 1024; // blocks per class a thread keeps before sharing
// Large blocks: powers of two from 8 KiB to a whole slab, for the tables and
// vectors that grow with a tree (a supervisor's children, pid maps). Taken from
// populated slabs, their growth costs no page faults on the thread that grows
// them; the ones freed wait in shared lists for the next table to grow.
constexpr std::size_t kSmallestLarge = 8192;
constexpr std::size_t kLargeClasses = 9; // 8 KiB .. 2 MiB

// Under ASan, memory the pool holds but has not handed out is poisoned: slabs not
// carved yet and free blocks, but for a free block's link while the pool itself
// reads or writes it (nextOf, link). Elsewhere these cost nothing.
#ifdef SUPLAB_SLAB_ASAN
void poison(const void* at, std::size_t bytes) {
    ASAN_POISON_MEMORY_REGION(at, bytes);
}
void unpoison(const void* at, std::size_t bytes) {
    ASAN_UNPOISON_MEMORY_REGION(at, bytes);
}
#else
void poison(const void*, std::size_t) {}
void unpoison(const void*, std::size_t) {}
#endif

std::size_t classOf(std::size_t bytes) {
    return (bytes + kGranule - 1) / kGranule - 1;
}

std::size_t largeClassOf(std::size_t bytes) {
    std::size_t c = 0;
    while ((kSmallestLarge << c) < bytes)
        ++c;
    return c;
}
std::size_t largeBytes(std::size_t c) {
    return kSmallestLarge << c;
}
static_assert((kSmallestLarge << (kLargeClasses - 1)) == kSlabBytes);

struct FreeBlock {
    FreeBlock* next;
};

FreeBlock* nextOf(FreeBlock* b) {
    unpoison(b, sizeof(FreeBlock));
    FreeBlock* next = b->next;
    poison(b, sizeof(FreeBlock));
    return next;
}
void link(FreeBlock* b, FreeBlock* next) {
    unpoison(b, sizeof(FreeBlock));
    b->next = next;
    poison(b, sizeof(FreeBlock));
}

/// A run of free blocks whose pages went back to the OS (trim), kept as a place
/// to carve from again. This header, in its first bytes, stays resident.
struct Region {
    Region* next;
    char* end;
};

Region readRegion(const Region* r) {
    unpoison(r, sizeof(Region));
    const Region here = *r;
    poison(r, sizeof(Region));
    return here;
}
void writeRegion(Region* r, const Region& value) {
    unpoison(r, sizeof(Region));
    *r = value;
    poison(r, sizeof(Region));
}

constexpr std::size_t kPage = 4096;
// Runs shorter than this stay in the lists: a few pages back is not worth a
// system call and a refault.
constexpr std::size_t kTrimMin = 64 << 10;
// Free bytes the shared lists keep before trimming: a 100,000-process start
// takes about 40 MiB of pooled blocks, so the next such run finds them all.
constexpr std::size_t kDefaultHighWater = std::size_t(64) << 20;

struct Chain {
    FreeBlock* head = nullptr;
    std::size_t count = 0;
};

class ThreadCache;

/// What all threads share. Trivially destructible on purpose: thread caches may
/// flush into it while static objects are being destroyed at exit.
struct Shared {
    std::mutex lock;
    std::array<FreeBlock*, kClasses> free{};
    // Blocks per shared list. Atomic so that a thread can see a list is empty
    // without the lock: a big start carves every block fresh and asked for the
    // lock on every allocation to find nothing there.
    std::array<std::atomic<std::size_t>, kClasses> count{};
    std::array<FreeBlock*, kLargeClasses> freeLarge{}; // (rarely used: under `lock`)
    // Unused rests of slabs from threads that ended: the next threads carve them
    // first, so an app that starts engine threads run after run does not map anew.
    struct Rest {
        char* next = nullptr;
        char* end = nullptr;
    };
    std::array<Rest, 64> rests{};
    std::size_t restCount = 0;
    ThreadCache* caches = nullptr; // every live thread's cache, for liveBytes()
    // A slab mapped and populated ahead of need by an idle worker (prepareSpareSlab),
    // once some thread has taken a second slab: then the thread that runs out
    // does not wait for the kernel to map and zero 2 MiB.
    std::atomic<char*> spare{nullptr};
    std::atomic<bool> spareWanted{false};
    std::atomic<bool> spareInMaking{false};
    std::int64_t retiredLive = 0; // the live-byte balance of threads that ended
    // Give-back (trim), all under `lock`: bytes in free and freeLarge, the bound
    // past which they are trimmed, the next trim point (the bound, or above what
    // the last trim could not give back, so that a fragmented list is not sorted
    // again on every free) and the regions given back.
    std::size_t sharedBytes = 0;
    std::size_t highWater = kDefaultHighWater;
    std::size_t trimAt = kDefaultHighWater;
    Region* returned = nullptr;
    std::atomic<std::int64_t> held{0}; // heldBytes()
    std::mutex pagesLock;              // (taken twice per slab mapped)
    PagePolicy pages;
};
constinit Shared shared;

/// The first 2 MiB boundary at or after `raw` (a huge page must start on one).
char* slabAligned(void* raw) {
    const auto start = reinterpret_cast<std::uintptr_t>(raw);
    return reinterpret_cast<char*>((start + kSlabBytes - 1) & ~std::uintptr_t(kSlabBytes - 1));
}

/// Address space reserved for the slabs of one kind of page, set to that kind
/// once: a slab is then carved out of it and only populated. Mapping each slab
/// anew took the process's memory-map lock for writing, which waited for any
/// populate in progress on another thread (an idle worker making a spare: 4.7 ms
/// for a cold huge page); populating takes the lock for reading only.
struct Reserve {
    char* next = nullptr;
    char* end = nullptr;
    bool tried = false;
};
constexpr std::size_t kReserveBytes = std::size_t(8) << 30; // virtual only (MAP_NORESERVE)

/// The next 2 MiB-aligned slab of `kind`'s reserve, or nullptr once it is used up
/// or could not be made (the caller maps the slab on its own then). The caller
/// holds shared.pagesLock.
char* reservedSlab(PageKind kind) {
    static constinit Reserve reserves[2];
    Reserve& r = reserves[kind == PageKind::Huge ? 0 : 1];
    if (!r.tried) {
        r.tried = true;
        void* raw = mmap(nullptr, kReserveBytes + kSlabBytes, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (raw != MAP_FAILED) {
            r.next = slabAligned(raw);
            r.end = r.next + kReserveBytes;
#if defined(MADV_HUGEPAGE) && defined(MADV_NOHUGEPAGE)
            madvise(r.next, kReserveBytes,
                    kind == PageKind::Huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
#endif
        }
    }
    if (r.next == r.end) return nullptr;
    char* slab = r.next;
    r.next += kSlabBytes;
    return slab;
}

/// Maps a slab of `kind` on its own: 2 MiB-aligned, cut out of a mapping twice
/// its size.
char* mappedSlab(PageKind kind) {
    const std::size_t span = 2 * kSlabBytes;
    void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) throw std::bad_alloc();
    char* slab = slabAligned(raw);
    if (slab > raw) munmap(raw, std::size_t(slab - static_cast<char*>(raw)));
    if (char* tail = slab + kSlabBytes; tail < static_cast<char*>(raw) + span)
        munmap(tail, std::size_t(static_cast<char*>(raw) + span - tail));
#if defined(MADV_HUGEPAGE) && defined(MADV_NOHUGEPAGE)
    madvise(slab, kSlabBytes, kind == PageKind::Huge ? MADV_HUGEPAGE : MADV_NOHUGEPAGE);
#endif
    return slab;
}

/// A new slab: 2 MiB-aligned and populated.
///
/// Why populated: the first touch of fresh memory is what a big start costs most
/// (100,000 new processes take 35 MiB). Why the kind of page matters: on this
/// project's virtual machines 2 MiB cost 0.7 ms in small pages, 0.1 ms in a huge
/// page the guest has used before, but 5 to 10 ms in one it has not. So the slab
/// a thread waits for (`spare` false) is made of small pages, whose cost is
/// predictable; a spare, made ahead by an idle worker, of whichever kind has cost
/// less here lately (PagePolicy), huge pages where they are warm. Without THP
/// (or with it off) the madvise calls fail harmlessly and both kinds are small.
#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 // Linux 5.14; older kernels refuse it and we touch instead
#endif
void populate(char* at, std::size_t bytes) {
    if (madvise(at, bytes, MADV_POPULATE_WRITE) == 0) return;
    unpoison(at, bytes);
    for (std::size_t offset = 0; offset < bytes; offset += kPage)
        at[offset] = 0;
    poison(at, bytes);
}

char* mapSlab(bool spare) {
    using Clock = std::chrono::steady_clock;
    PageKind kind = PageKind::Small;
    char* slab = nullptr;
    Clock::time_point t0;
    {
        std::lock_guard guard(shared.pagesLock);
        if (spare) kind = shared.pages.next();
        t0 = Clock::now();
        slab = reservedSlab(kind);
    }
    if (!slab) slab = mappedSlab(kind);
    populate(slab, kSlabBytes);
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0);
    {
        std::lock_guard guard(shared.pagesLock);
        shared.pages.record(kind, ns.count());
    }
    shared.held.fetch_add(std::int64_t(kSlabBytes), std::memory_order_relaxed);
    poison(slab, kSlabBytes);
#ifdef SUPLAB_SLAB_ASAN
    // Objects on the pool may hold the only pointer to a heap block: LeakSanitizer
    // does not scan mmap'd memory unless told to.
    __lsan_register_root_region(slab, kSlabBytes);
#endif
    return slab;
}

char* pageCeil(char* at) {
    return reinterpret_cast<char*>((reinterpret_cast<std::uintptr_t>(at) + kPage - 1) &
                                   ~std::uintptr_t(kPage - 1));
}
char* pageFloor(char* at) {
    return reinterpret_cast<char*>(reinterpret_cast<std::uintptr_t>(at) &
                                   ~std::uintptr_t(kPage - 1));
}

/// Gives back the pages of runs of adjacent free blocks in the shared lists. The
/// caller holds shared.lock.
///
/// Why madvise(MADV_DONTNEED) and not munmap of free slabs: blocks of one slab
/// end up in the lists of many threads and classes, so a slab is seldom free as
/// a whole, and the pool keeps no count per slab (that would cost an atomic on
/// every free). A run of free blocks found by sorting the shared lists by address
/// is cheap to find when it is rare; its pages go back, its address range stays
/// reserved and becomes a Region to carve from again. Blocks in threads' own
/// lists (up to kLocalLimit per class) are not seen: those threads use them next.
void trimLocked() {
    const std::size_t step = std::max(shared.highWater / 4, std::size_t(16) * kTrimMin);
    struct Entry {
        char* at;
        std::size_t bytes;
        std::size_t list; // small class, or kClasses + large class; kGone once given back
    };
    constexpr std::size_t kGone = ~std::size_t(0);
    std::size_t n = 0;
    for (std::size_t c = 0; c < kClasses; ++c)
        n += shared.count[c].load(std::memory_order_relaxed);
    for (std::size_t c = 0; c < kLargeClasses; ++c)
        for (FreeBlock* b = shared.freeLarge[c]; b; b = nextOf(b))
            ++n;
    std::vector<Entry> entries;
    try {
        entries.reserve(n);
    } catch (const std::bad_alloc&) {
        return; // (try again at the next trim point)
    }
    for (std::size_t c = 0; c < kClasses; ++c) {
        for (FreeBlock* b = shared.free[c]; b; b = nextOf(b))
            entries.push_back({reinterpret_cast<char*>(b), (c + 1) * kGranule, c});
        shared.free[c] = nullptr;
    }
    for (std::size_t c = 0; c < kLargeClasses; ++c) {
        for (FreeBlock* b = shared.freeLarge[c]; b; b = nextOf(b))
            entries.push_back({reinterpret_cast<char*>(b), largeBytes(c), kClasses + c});
        shared.freeLarge[c] = nullptr;
    }
    // Down to half the mark, not to nothing: what a run frees beyond it goes,
    // what the next run will likely take again stays.
    const std::size_t keep = shared.highWater / 2;
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.at < b.at; });
    for (std::size_t i = 0; i < entries.size();) {
        std::size_t j = i + 1;
        char* end = entries[i].at + entries[i].bytes;
        for (; j < entries.size() && entries[j].at == end; ++j)
            end += entries[j].bytes;
        char* const start = entries[i].at;
        char* const dropFrom = pageCeil(start + sizeof(Region));
        char* const dropTo = pageFloor(end);
        if (shared.sharedBytes > keep && std::size_t(end - start) >= kTrimMin &&
            dropTo > dropFrom) {
            madvise(dropFrom, std::size_t(dropTo - dropFrom), MADV_DONTNEED);
            shared.held.fetch_sub(dropTo - dropFrom, std::memory_order_relaxed);
            auto* region = reinterpret_cast<Region*>(start);
            writeRegion(region, {shared.returned, end});
            shared.returned = region;
            shared.sharedBytes -= std::size_t(end - start);
            for (std::size_t k = i; k < j; ++k)
                entries[k].list = kGone;
        }
        i = j;
    }
    // What is left goes back, lowest address first in each list.
    std::array<std::size_t, kClasses> counts{};
    for (auto e = entries.rbegin(); e != entries.rend(); ++e) {
        if (e->list == kGone) continue;
        auto* b = reinterpret_cast<FreeBlock*>(e->at);
        if (e->list < kClasses) {
            link(b, shared.free[e->list]);
            shared.free[e->list] = b;
            ++counts[e->list];
        } else {
            link(b, shared.freeLarge[e->list - kClasses]);
            shared.freeLarge[e->list - kClasses] = b;
        }
    }
    for (std::size_t c = 0; c < kClasses; ++c)
        shared.count[c].store(counts[c], std::memory_order_relaxed);
    shared.trimAt = std::max(shared.highWater, shared.sharedBytes + step);
}

/// After blocks joined the shared lists (shared.lock held).
void addedShared(std::size_t bytes) {
    shared.sharedBytes += bytes;
    if (shared.sharedBytes > shared.trimAt) trimLocked();
}

/// After blocks left the shared lists (shared.lock held): the trim point comes
/// back down with them.
void tookShared(std::size_t bytes) {
    shared.sharedBytes -= bytes;
    const std::size_t step = std::max(shared.highWater / 4, std::size_t(16) * kTrimMin);
    shared.trimAt = std::max(shared.highWater, std::min(shared.trimAt, shared.sharedBytes + step));
}

/// Trivially destructible, so a block freed by a thread_local destructor that runs
/// after `Retirement` has flushed the cache still finds it (it is then `retired`).
class ThreadCache {
  public:
    /// At thread exit: everything goes to the shared lists; later frees go there too.
    void retire() {
        retired_ = true;
        std::lock_guard guard(shared.lock);
        shared.retiredLive += live_.load(std::memory_order_relaxed);
        live_.store(0, std::memory_order_relaxed);
        for (ThreadCache** p = &shared.caches; *p; p = &(*p)->nextCache_)
            if (*p == this) {
                *p = nextCache_;
                break;
            }
        std::size_t bytes = 0;
        for (std::size_t c = 0; c < kClasses; ++c) {
            std::size_t moved = 0;
            for (; FreeBlock* b = lists_[c].head; ++moved) {
                lists_[c].head = nextOf(b);
                link(b, shared.free[c]);
                shared.free[c] = b;
            }
            lists_[c].count = 0;
            shared.count[c].fetch_add(moved, std::memory_order_relaxed);
            bytes += moved * (c + 1) * kGranule;
        }
        if (slabNext_ != slabEnd_ && shared.restCount < shared.rests.size())
            shared.rests[shared.restCount++] = {slabNext_, slabEnd_};
        slabNext_ = slabEnd_ = nullptr;
        addedShared(bytes);
    }

    /// Joins the list of caches that liveBytes() adds up (once per thread).
    void enlist() {
        std::lock_guard guard(shared.lock);
        nextCache_ = shared.caches;
        shared.caches = this;
    }

    /// Bytes allocated minus bytes freed on this thread (only this thread writes it).
    void account(std::int64_t delta) {
        live_.store(live_.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
    }
    std::int64_t live() const { return live_.load(std::memory_order_relaxed); }
    ThreadCache* nextCache() const { return nextCache_; }

    void* allocate(std::size_t c) {
        account(std::int64_t((c + 1) * kGranule));
        Chain& list = lists_[c];
        if (!list.head && !takeShared(c)) return carve((c + 1) * kGranule);
        FreeBlock* b = list.head;
        list.head = nextOf(b);
        --list.count;
        return b;
    }

    void deallocate(void* block, std::size_t c) {
        auto* b = static_cast<FreeBlock*>(block);
        if (retired_) {
            std::lock_guard guard(shared.lock);
            shared.retiredLive -= std::int64_t((c + 1) * kGranule);
            link(b, shared.free[c]);
            shared.free[c] = b;
            shared.count[c].fetch_add(1, std::memory_order_relaxed);
            addedShared((c + 1) * kGranule);
            return;
        }
        account(-std::int64_t((c + 1) * kGranule));
        Chain& list = lists_[c];
        link(b, list.head);
        list.head = b;
        ++list.count;
        if (list.count > kLocalLimit) share(c);
    }

  private:
    /// Takes up to half a local list's worth of blocks from the shared list.
    bool takeShared(std::size_t c) {
        if (shared.count[c].load(std::memory_order_relaxed) == 0) return false;
        Chain& list = lists_[c];
        std::lock_guard guard(shared.lock);
        std::size_t n = 0;
        for (; shared.free[c] && n < kLocalLimit / 2; ++n) {
            FreeBlock* b = shared.free[c];
            shared.free[c] = nextOf(b);
            link(b, list.head);
            list.head = b;
            ++list.count;
        }
        shared.count[c].fetch_sub(n, std::memory_order_relaxed);
        tookShared(n * (c + 1) * kGranule);
        return list.head != nullptr;
    }

  public:
    /// A large block: from the shared list of its class, or carved.
    void* allocateLarge(std::size_t c) {
        account(std::int64_t(largeBytes(c)));
        {
            std::lock_guard guard(shared.lock);
            if (FreeBlock* b = shared.freeLarge[c]) {
                shared.freeLarge[c] = nextOf(b);
                tookShared(largeBytes(c));
                return b;
            }
        }
        const std::size_t size = largeBytes(c);
        if (std::size_t(slabEnd_ - slabNext_) < size) {
            // A region given back that is big enough, or a fresh slab (not a
            // rest, which may be short); what is left of this one goes to the
            // rests, for small blocks.
            char* const restNext = slabNext_;
            char* const restEnd = slabEnd_;
            if (!takeRegion(size)) freshSlab();
            if (restEnd - restNext >= std::ptrdiff_t(kLargest)) {
                std::lock_guard guard(shared.lock);
                if (shared.restCount < shared.rests.size())
                    shared.rests[shared.restCount++] = {restNext, restEnd};
            }
        }
        return carve(size);
    }

    void deallocateLarge(void* block, std::size_t c) {
        auto* b = static_cast<FreeBlock*>(block);
        std::lock_guard guard(shared.lock);
        if (retired_)
            shared.retiredLive -= std::int64_t(largeBytes(c));
        else
            account(-std::int64_t(largeBytes(c)));
        link(b, shared.freeLarge[c]);
        shared.freeLarge[c] = b;
        addedShared(largeBytes(c));
    }

  private:
    /// A new block from the current slab (bump allocation: nothing is written).
    void* carve(std::size_t size) {
        while (std::size_t(slabEnd_ - slabNext_) < size) // (a rest may be too short)
            nextSlab();
        void* b = slabNext_;
        slabNext_ += size;
        return b;
    }

    void nextSlab() {
        {
            std::lock_guard guard(shared.lock);
            if (shared.restCount > 0) {
                const Shared::Rest rest = shared.rests[--shared.restCount];
                slabNext_ = rest.next;
                slabEnd_ = rest.end;
                return;
            }
        }
        if (!takeRegion(kLargest)) freshSlab();
    }

    /// Carves on from a region given back of at least `bytes`, populated again.
    bool takeRegion(std::size_t bytes) {
        Region* region = nullptr;
        char* end = nullptr;
        {
            std::lock_guard guard(shared.lock);
            for (Region *r = shared.returned, *prev = nullptr; r;) {
                const Region here = readRegion(r);
                if (std::size_t(here.end - reinterpret_cast<char*>(r)) >= bytes) {
                    if (prev)
                        writeRegion(prev, {here.next, readRegion(prev).end});
                    else
                        shared.returned = here.next;
                    region = r;
                    end = here.end;
                    break;
                }
                prev = r;
                r = here.next;
            }
        }
        if (!region) return false;
        slabNext_ = reinterpret_cast<char*>(region);
        slabEnd_ = end;
        char* const from = pageCeil(slabNext_ + sizeof(Region));
        char* const to = pageFloor(slabEnd_);
        populate(from, std::size_t(to - from));
        shared.held.fetch_add(to - from, std::memory_order_relaxed);
        return true;
    }

    /// A whole slab: the spare an idle worker made ready, or a new one.
    void freshSlab() {
        if (char* ready = shared.spare.exchange(nullptr, std::memory_order_acquire)) {
            slabNext_ = ready;
        } else {
            slabNext_ = mapSlab(false);
        }
        slabEnd_ = slabNext_ + kSlabBytes;
        // A thread on its second slab is making many objects: an idle worker gets
        // the next one ready meanwhile. (Not from the first: a small run would
        // populate a spare while it is being timed, for nothing.)
        if (++slabsTaken_ > 1) shared.spareWanted.store(true, std::memory_order_relaxed);
    }

    /// Hands half of a long list to the shared one.
    void share(std::size_t c) {
        Chain& list = lists_[c];
        std::lock_guard guard(shared.lock);
        for (std::size_t n = 0; n < kLocalLimit / 2; ++n) {
            FreeBlock* b = list.head;
            list.head = nextOf(b);
            --list.count;
            link(b, shared.free[c]);
            shared.free[c] = b;
        }
        shared.count[c].fetch_add(kLocalLimit / 2, std::memory_order_relaxed);
        addedShared(kLocalLimit / 2 * (c + 1) * kGranule);
    }

    std::array<Chain, kClasses> lists_{};
    char* slabNext_ = nullptr;
    char* slabEnd_ = nullptr;
    bool retired_ = false;
    std::atomic<std::int64_t> live_{0};
    ThreadCache* nextCache_ = nullptr;
    std::size_t slabsTaken_ = 0;
};

thread_local ThreadCache cache;

struct Retirement {
    bool armed = false;
    ~Retirement() {
        if (armed) cache.retire();
    }
};
thread_local Retirement retirement;

/// This thread's cache, enlisted on first use (and flushed at the thread's exit).
ThreadCache& local() {
    if (!retirement.armed) {
        retirement.armed = true;
        cache.enlist();
    }
    return cache;
}

} // namespace
#endif

void* allocate(std::size_t bytes) {
#ifdef SUPLAB_SLAB_PASSTHROUGH
    return ::operator new(bytes);
#else
    if (bytes == 0 || bytes > kSlabBytes) return ::operator new(bytes);
    void* block = bytes > kLargest ? local().allocateLarge(largeClassOf(bytes))
                                   : local().allocate(classOf(bytes));
    unpoison(block, bytes); // (the rest of its class stays poisoned: a small overflow)
    return block;
#endif
}

void deallocate(void* block, [[maybe_unused]] std::size_t bytes) noexcept {
#ifdef SUPLAB_SLAB_PASSTHROUGH
    ::operator delete(block);
#else
    if (!block) return;
    if (bytes == 0 || bytes > kSlabBytes) {
        ::operator delete(block);
        return;
    }
    if (bytes > kLargest) {
        poison(block, largeBytes(largeClassOf(bytes)));
        local().deallocateLarge(block, largeClassOf(bytes));
    } else {
        poison(block, (classOf(bytes) + 1) * kGranule);
        local().deallocate(block, classOf(bytes));
    }
#endif
}

bool spareSlabWanted() {
#ifdef SUPLAB_SLAB_PASSTHROUGH
    return false;
#else
    return shared.spareWanted.load(std::memory_order_relaxed) &&
           !shared.spare.load(std::memory_order_relaxed) &&
           !shared.spareInMaking.load(std::memory_order_relaxed);
#endif
}

void prepareSpareSlab() {
#ifndef SUPLAB_SLAB_PASSTHROUGH
    if (shared.spareInMaking.exchange(true, std::memory_order_acq_rel)) return; // another does
    if (!shared.spare.load(std::memory_order_acquire)) {
        try {
            char* slab = mapSlab(true);
            char* none = nullptr;
            if (!shared.spare.compare_exchange_strong(none, slab, std::memory_order_release)) {
                // (only one thread makes spares; be sure)
#ifdef SUPLAB_SLAB_ASAN
                __lsan_unregister_root_region(slab, kSlabBytes);
                unpoison(slab, kSlabBytes);
#endif
                munmap(slab, kSlabBytes);
                shared.held.fetch_sub(std::int64_t(kSlabBytes), std::memory_order_relaxed);
            }
        } catch (const std::bad_alloc&) {
            // No memory now: stop asking (the thread that needs a slab will find out).
            shared.spareWanted.store(false, std::memory_order_relaxed);
        }
    }
    shared.spareInMaking.store(false, std::memory_order_release);
#endif
}

std::int64_t liveBytes() {
#ifdef SUPLAB_SLAB_PASSTHROUGH
    return -1;
#else
    std::lock_guard guard(shared.lock);
    std::int64_t total = shared.retiredLive;
    for (const ThreadCache* c = shared.caches; c; c = c->nextCache())
        total += c->live();
    return total;
#endif
}

std::int64_t heldBytes() {
#ifdef SUPLAB_SLAB_PASSTHROUGH
    return -1;
#else
    return shared.held.load(std::memory_order_relaxed);
#endif
}

std::size_t setHighWaterMark([[maybe_unused]] std::size_t bytes) {
#ifdef SUPLAB_SLAB_PASSTHROUGH
    return 0;
#else
    std::lock_guard guard(shared.lock);
    const std::size_t before = shared.highWater;
    shared.highWater = shared.trimAt = bytes;
    if (shared.sharedBytes > shared.trimAt) trimLocked();
    return before;
#endif
}

} // namespace suplab::slab
