// The engine's slab pool: blocks of every size come back intact, a block freed on
// another thread is used again, liveBytes() stays exact under many threads, free
// memory past the high-water mark goes back to the OS and below it is kept, and
// under AddressSanitizer a free block is poisoned.
#include "base/SlabPool.h"

#include <QTest>

#include <cstdint>
#include <cstring>
#include <random>
#include <thread>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#define TST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TST_ASAN 1
#endif
#endif
#ifdef TST_ASAN
#include <sanitizer/asan_interface.h>
#endif

using namespace suplab;

namespace {
constexpr std::size_t kLargest = 4096, kSmallestLarge = 8192;

/// What the pool counts for a block of `bytes`: its class, worked out here on its own.
std::int64_t classBytes(std::size_t bytes) {
    if (bytes <= kLargest) return std::int64_t((bytes + 15) / 16 * 16);
    std::size_t size = kSmallestLarge;
    while (size < bytes)
        size *= 2;
    return std::int64_t(size);
}

struct Block {
    void* at;
    std::size_t bytes;
};
} // namespace

class TstSlabPool : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        if (slab::liveBytes() < 0)
            QSKIP("the pool passes through to operator new (SUPLAB_SLAB_UNDER_SANITIZERS off)");
    }

    void blocksOfEverySizeClassRoundTrip_data() {
        QTest::addColumn<qulonglong>("bytes");
        // The smallest and the largest size of each class.
        for (std::size_t top = 16; top <= kLargest; top += 16) {
            QTest::addRow("%zu bytes", top - 15) << qulonglong(top - 15);
            QTest::addRow("%zu bytes", top) << qulonglong(top);
        }
        for (std::size_t top = kSmallestLarge; top <= (std::size_t(2) << 20); top *= 2) {
            QTest::addRow("%zu bytes", top / 2 + 1) << qulonglong(top / 2 + 1);
            QTest::addRow("%zu bytes", top) << qulonglong(top);
        }
    }
    void blocksOfEverySizeClassRoundTrip() {
        QFETCH(qulonglong, bytes);
        const std::int64_t live0 = slab::liveBytes();
        std::vector<unsigned char*> blocks;
        for (int i = 0; i < 3; ++i) {
            blocks.push_back(static_cast<unsigned char*>(slab::allocate(bytes)));
            std::memset(blocks.back(), 0xA0 + i, bytes);
        }
        QCOMPARE(slab::liveBytes(), live0 + 3 * classBytes(bytes));
        for (int i = 0; i < 3; ++i) // (no block overlaps another)
            for (std::size_t at = 0; at < bytes; at += 1 + bytes / 64)
                QCOMPARE(int(blocks[i][at]), 0xA0 + i);
        slab::deallocate(blocks[1], bytes);
        auto* again = static_cast<unsigned char*>(slab::allocate(bytes));
        QCOMPARE(static_cast<void*>(again), static_cast<void*>(blocks[1]));
        for (unsigned char* b : blocks)
            slab::deallocate(b, bytes);
        QCOMPARE(slab::liveBytes(), live0);
    }

    void aBlockFreedOnAnotherThreadIsReused_data() {
        QTest::addColumn<qulonglong>("bytes");
        QTest::addColumn<bool>("freerEnds");
        QTest::newRow("small, by the thread that freed it") << qulonglong(208) << false;
        QTest::newRow("large, by the thread that freed it") << qulonglong(40000) << false;
        QTest::newRow("small, by the allocating thread after the freer ended")
            << qulonglong(208) << true;
        QTest::newRow("large, by the allocating thread after the freer ended")
            << qulonglong(40000) << true;
    }
    void aBlockFreedOnAnotherThreadIsReused() {
        QFETCH(qulonglong, bytes);
        QFETCH(bool, freerEnds);
        const std::int64_t live0 = slab::liveBytes();
        bool reused = false;
        std::thread owner([&] {
            void* block = slab::allocate(bytes);
            std::thread freer([&] {
                slab::deallocate(block, bytes);
                if (freerEnds) return;
                void* again = slab::allocate(bytes);
                reused = again == block;
                slab::deallocate(again, bytes);
            });
            freer.join();
            if (!freerEnds) return;
            // The freer's list went to the shared one: it is among the next ones taken.
            std::vector<void*> taken;
            for (int i = 0; i < 1100 && !reused; ++i) {
                taken.push_back(slab::allocate(bytes));
                reused = taken.back() == block;
            }
            for (void* b : taken)
                slab::deallocate(b, bytes);
        });
        owner.join();
        QVERIFY(reused);
        QCOMPARE(slab::liveBytes(), live0);
    }

    void liveBytesStayExactWhileManyThreadsAllocateAndFree_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("freedByNeighbour");
        QTest::newRow("4 threads, each one's blocks freed by a new thread of its own")
            << 4 << false;
        QTest::newRow("4 threads, each one's blocks freed by a neighbour") << 4 << true;
        QTest::newRow("8 threads, each one's blocks freed by a neighbour") << 8 << true;
    }
    void liveBytesStayExactWhileManyThreadsAllocateAndFree() {
        QFETCH(int, threads);
        QFETCH(bool, freedByNeighbour);
        const std::int64_t live0 = slab::liveBytes();
        const auto n = std::size_t(threads);
        std::vector<std::vector<Block>> kept(n, std::vector<Block>{});
        std::vector<std::int64_t> keptBytes(n, 0);
        std::atomic<int> done{0};
        std::atomic<bool> release{false};
        std::vector<std::thread> pool;
        // Each allocates and frees at random, keeps what is left and waits.
        for (std::size_t t = 0; t < n; ++t)
            pool.emplace_back([&, t] {
                std::mt19937 random(std::uint32_t(t + 1));
                std::vector<Block>& mine = kept[t];
                for (int i = 0; i < 20000; ++i) {
                    if (!mine.empty() && random() % 2) {
                        const std::size_t at = random() % mine.size();
                        slab::deallocate(mine[at].at, mine[at].bytes);
                        mine[at] = mine.back();
                        mine.pop_back();
                    } else {
                        const std::size_t bytes =
                            random() % 64 ? 1 + random() % kLargest : 1 + random() % 100000;
                        mine.push_back({slab::allocate(bytes), bytes});
                    }
                }
                for (const Block& b : mine)
                    keptBytes[t] += classBytes(b.bytes);
                done.fetch_add(1);
                while (!release.load())
                    std::this_thread::yield();
            });
        while (done.load() < threads)
            (void)slab::liveBytes(); // (read while they run)
        std::int64_t expected = live0;
        for (std::int64_t bytes : keptBytes)
            expected += bytes;
        QCOMPARE(slab::liveBytes(), expected); // while they live
        release.store(true);
        for (std::thread& t : pool)
            t.join();
        QCOMPARE(slab::liveBytes(), expected); // once they ended
        // Other threads free what they kept, concurrently.
        pool.clear();
        for (std::size_t t = 0; t < n; ++t)
            pool.emplace_back([&, t] {
                for (const Block& b : kept[freedByNeighbour ? (t + 1) % n : t])
                    slab::deallocate(b.at, b.bytes);
            });
        for (std::thread& t : pool)
            t.join();
        QCOMPARE(slab::liveBytes(), live0);
    }

    void freeMemoryAboveTheHighWaterMarkIsGivenBackAndBelowItKept_data() {
        QTest::addColumn<qulonglong>("bytes");
        QTest::addColumn<int>("count");
        QTest::addColumn<qulonglong>("mark");
        QTest::addColumn<bool>("givenBack");
        constexpr qulonglong MiB = 1 << 20;
        QTest::newRow("32 MiB of large blocks above an 8 MiB mark")
            << qulonglong(65536) << 512 << 8 * MiB << true;
        QTest::newRow("8 MiB of large blocks below a 1 GiB mark")
            << qulonglong(65536) << 128 << 1024 * MiB << false;
        QTest::newRow("32 MiB of small blocks above an 8 MiB mark")
            << qulonglong(256) << 131072 << 8 * MiB << true;
        QTest::newRow("4 MiB of small blocks below a 1 GiB mark")
            << qulonglong(256) << 16384 << 1024 * MiB << false;
    }
    void freeMemoryAboveTheHighWaterMarkIsGivenBackAndBelowItKept() {
        QFETCH(qulonglong, bytes);
        QFETCH(int, count);
        QFETCH(qulonglong, mark);
        QFETCH(bool, givenBack);
        const std::size_t markBefore = slab::setHighWaterMark(mark);
        const std::int64_t live0 = slab::liveBytes();
        std::int64_t heldWithBlocks = 0;
        // On a thread that then ends, so that its small blocks reach the shared lists.
        std::thread([&] {
            std::vector<void*> blocks;
            for (int i = 0; i < count; ++i)
                blocks.push_back(slab::allocate(bytes));
            heldWithBlocks = slab::heldBytes();
            for (void* b : blocks)
                slab::deallocate(b, bytes);
        }).join();
        const std::int64_t heldAfter = slab::heldBytes();
        QCOMPARE(slab::liveBytes(), live0);
        const std::int64_t freed = std::int64_t(bytes) * count;
        if (givenBack)
            QVERIFY2(heldWithBlocks - heldAfter >= freed / 2,
                     qPrintable(QString("held %1 -> %2").arg(heldWithBlocks).arg(heldAfter)));
        else
            QCOMPARE(heldAfter, heldWithBlocks);
        slab::setHighWaterMark(markBefore);
        QCOMPARE(slab::liveBytes(), live0);
    }

    void memoryGivenBackIsCarvedAgainEachByteOnce() {
        constexpr std::size_t kBlock = 65536;
        constexpr int kCount = 512;
        const std::size_t markBefore = slab::setHighWaterMark(std::size_t(4) << 20);
        const std::int64_t live0 = slab::liveBytes();
        std::thread([&] {
            std::vector<void*> blocks;
            for (int i = 0; i < kCount; ++i)
                blocks.push_back(slab::allocate(kBlock));
            // Long runs first (long regions, deep in the list given back), then
            // every other block (short regions on top of them).
            for (int i = 0; i < kCount / 4; ++i)
                slab::deallocate(blocks[std::size_t(i)], kBlock);
            for (int i = kCount / 4; i < kCount; i += 2)
                slab::deallocate(blocks[std::size_t(i)], kBlock);
            for (int i = kCount / 4 + 1; i < kCount; i += 2)
                slab::deallocate(blocks[std::size_t(i)], kBlock);
        }).join();
        // Blocks too big for the short regions: the long ones are taken from
        // under them.
        std::vector<unsigned char*> again;
        for (int i = 0; i < kCount / 4; ++i) {
            again.push_back(static_cast<unsigned char*>(slab::allocate(4 * kBlock)));
            std::memset(again.back(), i % 251, 4 * kBlock);
        }
        for (int i = 0; i < kCount / 4; ++i)
            for (std::size_t at = 0; at < 4 * kBlock; at += 61)
                QCOMPARE(int(again[std::size_t(i)][at]), i % 251);
        for (unsigned char* b : again)
            slab::deallocate(b, 4 * kBlock);
        slab::setHighWaterMark(markBefore);
        QCOMPARE(slab::liveBytes(), live0);
    }

    void aFreedBlockIsPoisonedUnderAddressSanitizer_data() {
        QTest::addColumn<qulonglong>("bytes");
        QTest::newRow("small") << qulonglong(200);
        QTest::newRow("large") << qulonglong(40000);
    }
    void aFreedBlockIsPoisonedUnderAddressSanitizer() {
#ifdef TST_ASAN
        QFETCH(qulonglong, bytes);
        auto* block = static_cast<char*>(slab::allocate(bytes));
        QVERIFY(!__asan_address_is_poisoned(block));
        QVERIFY(!__asan_address_is_poisoned(block + bytes - 1));
        QVERIFY(__asan_address_is_poisoned(block + bytes)); // (the rest of its class)
        slab::deallocate(block, bytes);
        QVERIFY(__asan_address_is_poisoned(block));
        QVERIFY(__asan_address_is_poisoned(block + bytes - 1));
        auto* again = static_cast<char*>(slab::allocate(bytes));
        QCOMPARE(again, block);
        QVERIFY(!__asan_address_is_poisoned(again));
        slab::deallocate(again, bytes);
#else
        QSKIP("only under AddressSanitizer");
#endif
    }
};

QTEST_GUILESS_MAIN(TstSlabPool)
#include "tst_slab_pool.moc"
