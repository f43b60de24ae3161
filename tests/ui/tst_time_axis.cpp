// Time <-> pixel arithmetic of the timelines.
#include "run/PacedClock.h"
#include "timeline/TimeAxis.h"

#include <QTest>

using namespace suplab;

class TstTimeAxis : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void timeMapsToPixel_data() {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<qint64>("t");
        QTest::addColumn<double>("x");
        QTest::newRow("the start is the left edge")
            << qint64(0) << qint64(10'000'000) << qint64(0) << 100.0;
        QTest::newRow("the end is the right edge")
            << qint64(0) << qint64(10'000'000) << qint64(10'000'000) << 500.0;
        QTest::newRow("the middle is the middle")
            << qint64(0) << qint64(10'000'000) << qint64(5'000'000) << 300.0;
        QTest::newRow("a shifted window")
            << qint64(60'000'000) << qint64(70'000'000) << qint64(62'500'000) << 200.0;
        QTest::newRow("an empty window maps to the left edge")
            << qint64(5) << qint64(5) << qint64(9) << 100.0;
    }
    void timeMapsToPixel() {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(qint64, t);
        QFETCH(double, x);
        const TimeAxis axis{start, end, 100, 400};
        QCOMPARE(axis.toX(t), x);
        if (end > start) QCOMPARE(axis.toTime(x), t);
    }

    void pacedClockFollowsTheWallTimesTheSpeed_data() {
        QTest::addColumn<double>("wallUs");
        QTest::addColumn<double>("speed");
        QTest::addColumn<bool>("paused");
        QTest::addColumn<int>("ticks");
        QTest::addColumn<qint64>("virtualUs");
        QTest::newRow("1x keeps wall time") << 1000.0 << 1.0 << false << 10 << qint64(10'000);
        QTest::newRow("10x runs ten times faster")
            << 1000.0 << 10.0 << false << 10 << qint64(100'000);
        QTest::newRow("0.1x keeps fractions of a microsecond")
            << 3.0 << 0.1 << false << 10 << qint64(3);
        QTest::newRow("paused does not move") << 1000.0 << 1.0 << true << 10 << qint64(0);
    }
    void pacedClockFollowsTheWallTimesTheSpeed() {
        QFETCH(double, wallUs);
        QFETCH(double, speed);
        QFETCH(bool, paused);
        QFETCH(int, ticks);
        QFETCH(qint64, virtualUs);
        PacedClock clock;
        for (int i = 0; i < ticks; ++i)
            clock.tick(wallUs, speed, paused);
        QCOMPARE(clock.nowUs(), virtualUs);
        clock.catchUp(virtualUs - 1); // never backwards
        QCOMPARE(clock.nowUs(), virtualUs);
    }

    void followingWindowEndsAtNow_data() {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<qint64>("start");
        QTest::newRow("before a full window has passed it starts at zero")
            << qint64(20'000'000) << qint64(0);
        QTest::newRow("afterwards it slides with the clock")
            << qint64(90'000'000) << qint64(30'000'000);
    }
    void followingWindowEndsAtNow() {
        QFETCH(qint64, now);
        QFETCH(qint64, start);
        const TimeAxis axis = TimeAxis::following(now, 60'000'000, 0, 600);
        QCOMPARE(axis.startUs, start);
        QCOMPARE(axis.endUs - axis.startUs, std::int64_t(60'000'000));
    }
};

QTEST_GUILESS_MAIN(TstTimeAxis)
#include "tst_time_axis.moc"
