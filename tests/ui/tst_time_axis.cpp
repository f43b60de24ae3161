// Time <-> pixel arithmetic of the timelines.
#include "control/PacedClock.h"
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

    void niceTicksFallOnRoundSeconds_data() {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("decimals");
        const qint64 s = 1'000'000, ms = 1'000;
        QTest::newRow("ten seconds in at most six ticks go by two seconds")
            << 0 * s << 10 * s << 6 << 0 * s << 2 * s << 6 << 0;
        QTest::newRow("ten seconds with room for eleven go by one second")
            << 0 * s << 10 * s << 11 << 0 * s << 1 * s << 11 << 0;
        QTest::newRow("a window from 4.8 s to 14.5 s still ticks on even seconds")
            << 4'800 * ms << 14'500 * ms << 5 << 6 * s << 2 * s << 5 << 0;
        QTest::newRow("a minute in five ticks goes by twenty seconds")
            << 0 * s << 60 * s << 5 << 0 * s << 20 * s << 4 << 0;
        QTest::newRow("a sliding minute starts at the first multiple inside it")
            << 73'300 * ms << 133'300 * ms << 7 << 80 * s << 10 * s << 6 << 0;
        QTest::newRow("an hour in six ticks goes by a thousand seconds, one-two-five")
            << 0 * s << 3'600 * s << 6 << 0 * s << 1'000 * s << 4 << 0;
        QTest::newRow("half a second goes by tenths, labelled with one decimal")
            << 0 * s << 500 * ms << 6 << 0 * s << 100 * ms << 6 << 1;
        QTest::newRow("a few milliseconds go no finer than one millisecond")
            << 0 * s << 2 * ms << 10 << 0 * s << 1 * ms << 3 << 3;
        QTest::newRow("a window across zero rounds both ends inwards")
            << -3'500 * ms << 3'500 * ms << 8 << -3 * s << 1 * s << 7 << 0;
        QTest::newRow("a window wholly before zero rounds both ends inwards too")
            << -7'500 * ms << -2'500 * ms << 6 << -7 * s << 1 * s << 5 << 0;
        QTest::newRow("an empty window on a round time has that one tick")
            << 3 * s << 3 * s << 4 << 3 * s << 1 * ms << 1 << 3;
        QTest::newRow("a window that ends before it starts has no ticks")
            << 5 * s << 3 * s << 4 << 5 * s << 1 * s << 0 << 0;
        QTest::newRow("no ticks wanted, none given")
            << 0 * s << 10 * s << 0 << 0 * s << 1 * s << 0 << 0;
    }
    void niceTicksFallOnRoundSeconds() {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(int, maxTicks);
        QFETCH(qint64, first);
        QFETCH(qint64, step);
        QFETCH(int, count);
        QFETCH(int, decimals);
        const Ticks ticks = niceTicks(start, end, maxTicks);
        QCOMPARE(ticks.count, count);
        if (count == 0) return;
        QCOMPARE(ticks.firstUs, first);
        QCOMPARE(ticks.stepUs, step);
        QCOMPARE(ticks.decimals(), decimals);
        // Whatever the row: inside the window, on multiples of the step, and none missed.
        QVERIFY(ticks.at(0) >= start && ticks.at(0) - ticks.stepUs < start);
        QVERIFY(ticks.at(count - 1) <= end && ticks.at(count) > end);
        QCOMPARE(ticks.firstUs % ticks.stepUs, 0);
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
