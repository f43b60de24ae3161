// The live byte count behind docs/benchmarks.md's bytes_per_worker: it grows by what is
// handed out whether the memory is fresh or recycled from blocks freed before, the
// slab pool's and malloc's alike, so earlier work cannot hide growth.
#include "base/SlabPool.h"
#include "io/LiveMemory.h"

#include <QTest>

#include <cstdlib>
#include <memory>
#include <vector>

using namespace suplab;

namespace {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define TST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define TST_SANITIZED 1
#endif
#endif
#ifdef TST_SANITIZED
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
constexpr std::size_t kBlocks = 1000, kBlockBytes = 208;

struct PoolBlocks {
    std::vector<void*> blocks;
    PoolBlocks() {
        for (std::size_t i = 0; i < kBlocks; ++i)
            blocks.push_back(slab::allocate(kBlockBytes));
    }
    ~PoolBlocks() {
        for (void* b : blocks)
            slab::deallocate(b, kBlockBytes);
    }
    PoolBlocks(const PoolBlocks&) = delete;
    PoolBlocks& operator=(const PoolBlocks&) = delete;
};

// Where each malloc'd block is shown, so that the compiler cannot drop a malloc
// and its free as unused.
void* volatile shown = nullptr;

struct MallocFree {
    void operator()(void* p) const { std::free(p); }
};
using MallocBlock = std::unique_ptr<void, MallocFree>;

std::vector<MallocBlock> mallocBlocks() {
    std::vector<MallocBlock> out;
    for (std::size_t i = 0; i < kBlocks; ++i) {
        out.emplace_back(std::malloc(kBlockBytes));
        shown = out.back().get();
    }
    return out;
}
} // namespace

class TstLiveMemory : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void recycledPoolBlocksCountAsMuchAsFreshOnes() {
        if (slab::liveBytes() < 0) QSKIP("the pool passes through to the sanitizer's allocator");
        const std::int64_t pooled = slab::liveBytes();
        { PoolBlocks fresh; } // carved, then freed: now on the free lists
        QCOMPARE(slab::liveBytes(), pooled);
        const std::int64_t before = liveAllocatedBytes();
        const PoolBlocks recycled; // the same blocks again, no new memory
        QVERIFY(liveAllocatedBytes() - before >= std::int64_t(kBlocks * kBlockBytes));
    }

    void recycledMallocChunksCountAsMuchAsFreshOnes() {
        if (kSanitized) QSKIP("the sanitizer's malloc is not glibc's: mallinfo2 does not see it");
        mallocBlocks(); // taken and freed: malloc keeps them for the next
        const std::int64_t before = liveAllocatedBytes();
        const auto recycled = mallocBlocks();
        QVERIFY(liveAllocatedBytes() - before >= std::int64_t(kBlocks * kBlockBytes));
    }

    void aBigMallocBlockCounts() {
        if (kSanitized) QSKIP("the sanitizer's malloc is not glibc's: mallinfo2 does not see it");
        const std::int64_t before = liveAllocatedBytes();
        const MallocBlock big(std::malloc(std::size_t(8) << 20)); // mmapped on its own
        shown = big.get();
        QVERIFY(liveAllocatedBytes() - before >= std::int64_t(8) << 20);
    }
};

QTEST_GUILESS_MAIN(TstLiveMemory)
#include "tst_live_memory.moc"
