// The soak's invariant checker, on event sequences written by hand (each row one
// way to break an invariant, or one way to keep it), and a short soak on the real
// clock that must come back clean.
#include "soak/Soak.h"
#include "soak/SoakChecker.h"

#include <QTest>

using namespace suplab;

namespace {

struct E {
    EventKind kind;
    const char* path;
    Pid pid;
    const char* reason;
};

/// R is a supervisor; R/p is permanent, R/t transient, R/x temporary.
RestartType restartOf(const std::string& path) {
    if (path == "R/p") return RestartType::Permanent;
    if (path == "R/t") return RestartType::Transient;
    return RestartType::Temporary;
}

/// The number of violations the checker finds in `events` (seq from 1).
int violationsIn(const std::vector<E>& events) {
    SoakChecker checker(restartOf);
    std::uint64_t seq = 1;
    for (const auto& e : events) {
        Event event;
        event.seq = seq++;
        event.kind = e.kind;
        event.path = e.path;
        event.pid = e.pid;
        event.reason = e.reason;
        checker.onEvent(event);
    }
    return int(checker.violations().size() + checker.unresolvedRestarts().size());
}

} // namespace

Q_DECLARE_METATYPE(std::vector<E>)

class TstSoak : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void checkerFindsWhatIsWrong_data() {
        QTest::addColumn<std::vector<E>>("events");
        QTest::addColumn<int>("violations");
        using K = EventKind;
        const E upR{K::Up, "R", 1, ""};
        QTest::newRow("a permanent child restarted is fine")
            << std::vector<E>{upR,
                              {K::Up, "R/p", 2, ""},
                              {K::Down, "R/p", 2, "killed"},
                              {K::Up, "R/p", 3, ""}}
            << 0;
        QTest::newRow("a permanent child never restarted is a violation")
            << std::vector<E>{upR, {K::Up, "R/p", 2, ""}, {K::Down, "R/p", 2, "killed"}} << 1;
        QTest::newRow("a permanent child whose supervisor gave up is fine")
            << std::vector<E>{upR,
                              {K::Up, "R/p", 2, ""},
                              {K::Down, "R/p", 2, "killed"},
                              {K::GiveUp, "R", 1, ""}}
            << 0;
        QTest::newRow("a permanent child whose supervisor went down is fine")
            << std::vector<E>{upR,
                              {K::Up, "R/p", 2, ""},
                              {K::Down, "R/p", 2, "killed"},
                              {K::Down, "R", 1, "shutdown"}}
            << 0;
        QTest::newRow("a transient child that ends normally needs no restart")
            << std::vector<E>{upR, {K::Up, "R/t", 2, ""}, {K::Down, "R/t", 2, "normal"}} << 0;
        QTest::newRow("a transient child that crashes needs one")
            << std::vector<E>{upR, {K::Up, "R/t", 2, ""}, {K::Down, "R/t", 2, "boom"}} << 1;
        QTest::newRow("a temporary child needs none")
            << std::vector<E>{upR, {K::Up, "R/x", 2, ""}, {K::Down, "R/x", 2, "boom"}} << 0;
        QTest::newRow("a down of a process never up is a violation")
            << std::vector<E>{upR, {K::Down, "R/x", 9, "boom"}} << 1;
    }
    void checkerFindsWhatIsWrong() {
        QFETCH(std::vector<E>, events);
        QFETCH(int, violations);
        QCOMPARE(violationsIn(events), violations);
    }

    void aGapInSeqIsAViolation() {
        SoakChecker checker(restartOf);
        for (std::uint64_t seq : {1, 2, 4}) {
            Event e;
            e.seq = seq;
            e.kind = EventKind::Restart;
            checker.onEvent(e);
        }
        QCOMPARE(checker.violations().size(), std::size_t(1));
        QVERIFY(checker.violations()[0].find("seq 4 follows seq 2") != std::string::npos);
    }

    void aShortSoakComesBackClean() {
        SoakOptions options;
        options.seconds = 2;
        options.faultsPerSecond = 10'000;
        options.seed = 7;
        const SoakReport report = runSoak(options);
        QVERIFY2(report.clean(), report.json().c_str());
        QVERIFY(report.faults > 1000); // (sanitizer builds inject fewer in the same time)
        QVERIFY(report.apiCalls > 0);
        QVERIFY(report.events > report.faults);
        QCOMPARE(report.supervisorsCompared, std::uint64_t(11));
        QCOMPARE(report.processObjectsLeft, std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TstSoak)
#include "tst_soak.moc"
