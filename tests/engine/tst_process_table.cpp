// The process table keeps every pid findable through any sequence of inserts and
// erases, including pids that all want the same slot (long probe runs that wrap
// around the end of a shard), growth, and shrinking back.
#include "process/Process.h"
#include "process/ProcessTable.h"
#include "run/EngineCore.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <set>

using namespace suplab;

namespace {

/// A process that is only ever looked up, never run.
class Idle final : public Process {
  public:
    using Process::Process;

  protected:
    Task<Reason> body() override { co_return Reason::normal(); }
};

using PidFilter = std::function<bool(Pid)>;
using EraseOrder = std::function<std::vector<Pid>(std::vector<Pid>)>;

std::vector<Pid> everyNth(std::vector<Pid> pids, std::size_t n) {
    std::vector<Pid> out;
    for (std::size_t i = 0; i < pids.size(); i += n)
        out.push_back(pids[i]);
    return out;
}

} // namespace

Q_DECLARE_METATYPE(PidFilter)
Q_DECLARE_METATYPE(EraseOrder)

class TstProcessTable : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyRemainingPidIsFoundAfterErasing_data() {
        QTest::addColumn<int>("processes");
        QTest::addColumn<PidFilter>("kept");
        QTest::addColumn<EraseOrder>("erased");
        const PidFilter all = [](Pid) { return true; };
        // Shard 0 only, and pids 64 shard-strides apart: every one wants the last
        // slot of its shard (up to 64 slots), so the probe run wraps around the end.
        const PidFilter oneHome = [](Pid p) { return p % 32 == 0 && (p / 32) % 64 == 63; };
        const PidFilter twoHomes = [](Pid p) { return p % 32 == 0 && (p / 32) % 64 >= 62; };
        const EraseOrder none = [](std::vector<Pid>) { return std::vector<Pid>{}; };
        const EraseOrder oldestFirst = [](std::vector<Pid> p) { return p; };
        const EraseOrder newestFirst = [](std::vector<Pid> p) {
            std::reverse(p.begin(), p.end());
            return p;
        };
        const EraseOrder everyOther = [](std::vector<Pid> p) { return everyNth(p, 2); };
        const EraseOrder everyThird = [](std::vector<Pid> p) { return everyNth(p, 3); };
        const EraseOrder allButLast = [](std::vector<Pid> p) {
            p.pop_back();
            return p;
        };
        QTest::newRow("many pids, none erased") << 5000 << all << none;
        QTest::newRow("many pids, all erased oldest first") << 5000 << all << oldestFirst;
        QTest::newRow("many pids, all erased newest first") << 5000 << all << newestFirst;
        QTest::newRow("many pids, every other erased") << 5000 << all << everyOther;
        QTest::newRow("many pids, all but the last erased (the table shrinks)")
            << 20000 << all << allButLast;
        QTest::newRow("pids sharing one home, none erased") << 40000 << oneHome << none;
        QTest::newRow("pids sharing one home, every other erased")
            << 40000 << oneHome << everyOther;
        QTest::newRow("pids sharing one home, every third erased")
            << 40000 << oneHome << everyThird;
        QTest::newRow("pids sharing one home, newest first") << 40000 << oneHome << newestFirst;
        QTest::newRow("pids of two homes, interleaved runs, every other erased")
            << 40000 << twoHomes << everyOther;
        QTest::newRow("pids of two homes, oldest first") << 40000 << twoHomes << oldestFirst;
    }
    void everyRemainingPidIsFoundAfterErasing() {
        QFETCH(int, processes);
        QFETCH(PidFilter, kept);
        QFETCH(EraseOrder, erased);
        EngineCore engine(ClockKind::Virtual);
        ProcessTable table;
        std::vector<Pid> inserted;
        for (int i = 0; i < processes; ++i) {
            auto process = std::make_shared<Idle>(engine.runtime(), "x");
            if (!kept(process->pid())) continue;
            inserted.push_back(process->pid());
            table.insert(std::move(process));
        }
        QVERIFY(!inserted.empty());
        std::set<Pid> live(inserted.begin(), inserted.end());
        for (Pid pid : erased(inserted)) {
            QVERIFY(table.take(pid));
            live.erase(pid);
            QVERIFY2(!table.contains(pid), qPrintable(QString::number(pid)));
        }
        QCOMPARE(table.size(), live.size());
        for (Pid pid : inserted) {
            const auto found = table.find(pid);
            QCOMPARE(found != nullptr, live.count(pid) == 1);
            if (found) QCOMPARE(found->pid(), pid);
        }
        auto listed = table.pids();
        std::sort(listed.begin(), listed.end());
        QCOMPARE(listed, std::vector<Pid>(live.begin(), live.end()));
        QCOMPARE(table.takeAll().size(), live.size());
        QCOMPARE(table.size(), std::size_t(0));
    }

    void unknownPidsAreNotFound_data() {
        QTest::addColumn<Pid>("pid");
        QTest::newRow("no process") << kNoPid;
        QTest::newRow("a pid never handed out") << Pid(1'000'000);
        QTest::newRow("a pid in the same shard as a live one") << Pid(1 + 32 * 16);
    }
    void unknownPidsAreNotFound() {
        QFETCH(Pid, pid);
        EngineCore engine(ClockKind::Virtual);
        ProcessTable table;
        QVERIFY(!table.contains(pid)); // the empty table
        for (int i = 0; i < 100; ++i)
            table.insert(std::make_shared<Idle>(engine.runtime(), "x"));
        QVERIFY(!table.contains(pid));
        QVERIFY(!table.find(pid));
        QVERIFY(!table.take(pid)); // taking what is not there changes nothing
        QCOMPARE(table.size(), std::size_t(100));
    }
};

QTEST_GUILESS_MAIN(TstProcessTable)
#include "tst_process_table.moc"
