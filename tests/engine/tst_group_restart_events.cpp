// What the event stream says when a supervisor restarts a group: one `restart`
// event for every running bystander, in child order, consecutive in seq, naming
// the child that failed. The events are emitted as one batch (EventBus::emitAll),
// so the tables cross the batch size and mix restart types.
#include "support/EngineFixture.h"

#include <QTest>

using namespace suplab;
using namespace suplab::test;

Q_DECLARE_METATYPE(suplab::Strategy)
Q_DECLARE_METATYPE(suplab::ClockKind)

namespace {
/// Children c0..c(n-1); those with i % temporaryEvery == 1 are temporary (the
/// killed one must not be: its exit would restart nothing).
NodePtr group(Strategy strategy, int children, int temporaryEvery) {
    std::vector<std::shared_ptr<NodeSpec>> list;
    for (int i = 0; i < children; ++i) {
        const bool temporary = temporaryEvery > 0 && i % temporaryEvery == 1;
        list.push_back(w("c" + std::to_string(i),
                         temporary ? RestartType::Temporary : RestartType::Permanent));
    }
    return sup("R", strategy, std::move(list), 1000, 5);
}
} // namespace

class TstGroupRestartEvents : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyRunningBystanderIsAnnouncedOnceInChildOrder_data() {
        QTest::addColumn<Strategy>("strategy");
        QTest::addColumn<int>("children");
        QTest::addColumn<int>("temporaryEvery");
        QTest::addColumn<int>("killed");
        QTest::addColumn<ClockKind>("clock");
        QTest::newRow("one_for_all of three, the first killed")
            << Strategy::OneForAll << 3 << 0 << 0 << ClockKind::Virtual;
        QTest::newRow("one_for_all of 130, more than a batch, some temporary")
            << Strategy::OneForAll << 130 << 7 << 65 << ClockKind::Virtual;
        QTest::newRow("rest_for_one of 130: only those after the killed one")
            << Strategy::RestForOne << 130 << 5 << 40 << ClockKind::Virtual;
        QTest::newRow("one_for_all of 200 on two worker threads")
            << Strategy::OneForAll << 200 << 9 << 198 << ClockKind::Real;
    }
    void everyRunningBystanderIsAnnouncedOnceInChildOrder() {
        QFETCH(Strategy, strategy);
        QFETCH(int, children);
        QFETCH(int, temporaryEvery);
        QFETCH(int, killed);
        QFETCH(ClockKind, clock);
        Tree tree(group(strategy, children, temporaryEvery), clock, 2);
        QVERIFY(tree.started());
        std::vector<Pid> before;
        for (int i = 0; i < children; ++i)
            before.push_back(tree.running("R/c" + std::to_string(i)));
        const std::size_t seen = tree.events().size();
        tree.kill("R/c" + std::to_string(killed));
        // Wait for the group to be back up: every permanent child of the restarted
        // range (all for one_for_all, from the killed one for rest_for_one) runs under
        // a new pid. The supervisor announces the bystanders before it restarts them.
        const int from = strategy == Strategy::RestForOne ? killed : 0;
        const auto groupIsBack = [&] {
            for (int i = from; i < children; ++i) {
                const bool temporary = temporaryEvery > 0 && i % temporaryEvery == 1;
                const Pid now = tree.pid("R/c" + std::to_string(i));
                if (!temporary && (now == kNoPid || now == before[std::size_t(i)])) return false;
            }
            return true;
        };
        QVERIFY2(tree.waitUntil(groupIsBack), "the group did not come back up");

        const std::vector<Event> all = tree.events();
        std::vector<Event> bystanders;
        for (std::size_t i = seen; i < all.size(); ++i)
            if (all[i].kind == EventKind::Restart && all[i].detail.rfind("bystander", 0) == 0)
                bystanders.push_back(all[i]);
        const std::string why =
            "bystander of R/c" + std::to_string(killed) + " (" + toString(strategy) + ")";
        const int first = strategy == Strategy::RestForOne ? killed + 1 : 0;
        std::size_t n = 0;
        for (int i = first; i < children; ++i) {
            if (i == killed) continue;
            QVERIFY2(n < bystanders.size(), qPrintable(QString("no event for c%1").arg(i)));
            const Event& e = bystanders[n];
            QCOMPARE(e.path, "R/c" + std::to_string(i));
            QCOMPARE(e.pid, before[std::size_t(i)]);
            const bool temporary = temporaryEvery > 0 && i % temporaryEvery == 1;
            QCOMPARE(e.detail, temporary ? why + ": temporary, not restarted" : why);
            if (n > 0) QCOMPARE(e.seq, bystanders[n - 1].seq + 1);
            ++n;
        }
        QCOMPARE(bystanders.size(), n);
    }
};

QTEST_GUILESS_MAIN(TstGroupRestartEvents)
#include "tst_group_restart_events.moc"
