// OTP's restart intensity arithmetic (otp-semantics.md §6).
#include "supervision/RestartIntensity.h"

#include <QTest>

using namespace suplab;

class TstRestartIntensity : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void restartIsAdmittedOrRefused_data() {
        QTest::addColumn<int>("maxRestarts");
        QTest::addColumn<int>("period");
        QTest::addColumn<QList<int>>("seconds");
        QTest::addColumn<bool>("lastAdmitted");
        QTest::newRow("three restarts fit in three") << 3 << 5 << QList<int>{0, 0, 0} << true;
        QTest::newRow("the fourth within the window gives up")
            << 3 << 5 << QList<int>{0, 1, 2, 3} << false;
        QTest::newRow("intensity zero refuses the first") << 0 << 5 << QList<int>{0} << false;
        QTest::newRow("a stamp exactly period old still counts")
            << 1 << 1 << QList<int>{4, 5} << false;
        QTest::newRow("a stamp period+1 old no longer counts")
            << 1 << 1 << QList<int>{4, 6} << true;
        QTest::newRow("old stamps go when a new one comes")
            << 2 << 5 << QList<int>{0, 1, 10, 11} << true;
        QTest::newRow("the window slides over bursts")
            << 2 << 5 << QList<int>{0, 1, 10, 11, 12} << false;
    }
    void restartIsAdmittedOrRefused() {
        QFETCH(int, maxRestarts);
        QFETCH(int, period);
        QFETCH(QList<int>, seconds);
        QFETCH(bool, lastAdmitted);
        RestartIntensity intensity(maxRestarts, period);
        bool admitted = true;
        for (int s : seconds)
            admitted = intensity.record(s);
        QCOMPARE(admitted, lastAdmitted);
    }

    void budgetShowsWhatStillCounts() {
        RestartIntensity intensity(3, 5);
        intensity.record(0);
        intensity.record(2);
        QCOMPARE(intensity.countAt(2), 2);
        QCOMPARE(intensity.countAt(5), 2);
        QCOMPARE(intensity.countAt(6), 1);
        QCOMPARE(intensity.countAt(8), 0);
    }
};

QTEST_GUILESS_MAIN(TstRestartIntensity)
#include "tst_restart_intensity.moc"
