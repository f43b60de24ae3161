// The timer heap hands timers out earliest first, ties in start order, and a
// cancelled timer never comes out, wherever it sat in the heap.
#include "sched/TimerHeap.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace suplab;

namespace {
struct Start {
    std::int64_t due;
    Ref ref;
};
} // namespace

Q_DECLARE_METATYPE(std::vector<Start>)
Q_DECLARE_METATYPE(std::vector<Ref>)

class TstTimerHeap : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void timersComeOutEarliestFirstWithoutTheCancelledOnes_data() {
        QTest::addColumn<std::vector<Start>>("started");
        QTest::addColumn<std::vector<Ref>>("cancelled");
        QTest::addColumn<std::vector<Ref>>("expected");
        QTest::newRow("in due order") << std::vector<Start>{{10, 1}, {20, 2}, {30, 3}}
                                      << std::vector<Ref>{} << std::vector<Ref>{1, 2, 3};
        QTest::newRow("in reverse due order") << std::vector<Start>{{30, 1}, {20, 2}, {10, 3}}
                                              << std::vector<Ref>{} << std::vector<Ref>{3, 2, 1};
        QTest::newRow("equal times keep their start order")
            << std::vector<Start>{{5, 7}, {5, 3}, {5, 9}, {1, 4}} << std::vector<Ref>{}
            << std::vector<Ref>{4, 7, 3, 9};
        QTest::newRow("the earliest cancelled") << std::vector<Start>{{10, 1}, {20, 2}, {30, 3}}
                                                << std::vector<Ref>{1} << std::vector<Ref>{2, 3};
        QTest::newRow("the last one cancelled") << std::vector<Start>{{10, 1}, {20, 2}, {30, 3}}
                                                << std::vector<Ref>{3} << std::vector<Ref>{1, 2};
        QTest::newRow("one from the middle of a deep heap cancelled")
            << std::vector<Start>{{50, 1}, {40, 2}, {30, 3}, {20, 4}, {10, 5},
                                  {60, 6}, {70, 7}, {15, 8}, {25, 9}}
            << std::vector<Ref>{3} << std::vector<Ref>{5, 8, 4, 9, 2, 1, 6, 7};
        QTest::newRow("every other cancelled")
            << std::vector<Start>{{8, 1}, {7, 2}, {6, 3}, {5, 4}, {4, 5}, {3, 6}, {2, 7}, {1, 8}}
            << std::vector<Ref>{2, 4, 6, 8} << std::vector<Ref>{7, 5, 3, 1};
        QTest::newRow("all cancelled")
            << std::vector<Start>{{1, 1}, {2, 2}} << std::vector<Ref>{2, 1} << std::vector<Ref>{};
        QTest::newRow("cancelling an unknown ref changes nothing")
            << std::vector<Start>{{2, 1}, {1, 2}} << std::vector<Ref>{99} << std::vector<Ref>{2, 1};
    }
    void timersComeOutEarliestFirstWithoutTheCancelledOnes() {
        QFETCH(std::vector<Start>, started);
        QFETCH(std::vector<Ref>, cancelled);
        QFETCH(std::vector<Ref>, expected);
        TimerHeap heap;
        for (const Start& s : started)
            heap.push(s.due, s.ref, Pid(100 + s.ref));
        for (Ref ref : cancelled) {
            const bool pending = std::any_of(started.begin(), started.end(),
                                             [&](const Start& s) { return s.ref == ref; });
            QCOMPARE(heap.cancel(ref), pending);
            QVERIFY(!heap.cancel(ref)); // a second cancel finds nothing
        }
        QCOMPARE(heap.size(), expected.size());
        std::vector<Ref> out;
        while (!heap.empty()) {
            const TimerHeap::Timer t = heap.pop();
            QCOMPARE(t.target, Pid(100 + t.ref));
            out.push_back(t.ref);
        }
        QCOMPARE(out, expected);
    }

    void aFiredTimerCannotBeCancelled() {
        TimerHeap heap;
        heap.push(1, 1, 1);
        heap.push(2, 2, 1);
        QCOMPARE(heap.pop().ref, Ref(1));
        QVERIFY(!heap.cancel(1));
        QVERIFY(heap.cancel(2));
        QVERIFY(heap.empty());
    }

    void startAndCancelInTurnKeepsTheHeapEmpty() {
        // A supervisor shutting its children down, one timeout each.
        TimerHeap heap;
        for (Ref ref = 1; ref <= 10'000; ++ref) {
            heap.push(std::int64_t(ref) + 5'000'000, ref, 1);
            QVERIFY(heap.cancel(ref));
        }
        QVERIFY(heap.empty());
    }
};

QTEST_GUILESS_MAIN(TstTimerHeap)
#include "tst_timer_heap.moc"
