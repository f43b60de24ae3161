// The event log model and its filter, under QAbstractItemModelTester.
#include "log/EventFilterProxy.h"
#include "log/EventLogModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace suplab;

namespace {
Event ev(std::uint64_t seq, EventKind kind, std::string path, std::string reason = {}) {
    Event e;
    e.seq = seq;
    e.tUs = std::int64_t(seq) * 1000;
    e.kind = kind;
    e.path = std::move(path);
    e.reason = std::move(reason);
    return e;
}
std::vector<Event> sample() {
    return {ev(1, EventKind::Up, "R"),
            ev(2, EventKind::Up, "R/a"),
            ev(3, EventKind::Up, "R/S"),
            ev(4, EventKind::Up, "R/S/x"),
            ev(5, EventKind::Down, "R/S/x", "killed"),
            ev(6, EventKind::Restart, "R/S/x"),
            ev(7, EventKind::Up, "R/S/x"),
            ev(8, EventKind::Down, "R/a", "boom")};
}
} // namespace

class TstEventLogModel : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void batchesAppendInOrder() {
        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto events = sample();
        model.append({events.begin(), events.begin() + 3});
        model.append({events.begin() + 3, events.end()});
        model.append({});
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(model.index(4, EventLogModel::ReasonColumn).data().toString(),
                 QStringLiteral("killed"));
        QCOMPARE(model.index(7, EventLogModel::Seq).data().toULongLong(), 8ull);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void filterKeepsWhatItShould_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("kinds");
        QTest::addColumn<QString>("subtree");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("rowsAfterAppend"); // after a live append of "up R/a"
        QTest::newRow("no filter keeps everything") << "" << QList<int>{} << "" << 8 << 9;
        QTest::newRow("text matches any column") << "killed" << QList<int>{} << "" << 1 << 1;
        QTest::newRow("text is case-insensitive") << "BOOM" << QList<int>{} << "" << 1 << 1;
        QTest::newRow("kind keeps only that kind")
            << "" << QList<int>{int(EventKind::Down)} << "" << 2 << 2;
        QTest::newRow("subtree keeps the node and below") << "" << QList<int>{} << "R/S" << 5 << 5;
        QTest::newRow("subtree is not a name prefix") << "" << QList<int>{} << "R/a" << 2 << 3;
        QTest::newRow("filters combine") << "" << QList<int>{int(EventKind::Up)} << "R/S" << 3 << 3;
        QTest::newRow("text keeps a live append that matches")
            << "r/A" << QList<int>{} << "" << 2 << 3;
    }
    void filterKeepsWhatItShould() {
        QFETCH(QString, text);
        QFETCH(QList<int>, kinds);
        QFETCH(QString, subtree);
        QFETCH(int, rows);
        QFETCH(int, rowsAfterAppend);
        EventLogModel model;
        EventFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(sample());
        proxy.setText(text);
        proxy.setKinds(QSet<int>(kinds.begin(), kinds.end()));
        proxy.setSubtree(subtree);
        QCOMPARE(proxy.rowCount(), rows);
        model.append({ev(9, EventKind::Up, "R/a")}); // live appends go through the filter too
        QCOMPARE(proxy.rowCount(), rowsAfterAppend);
        if (rowsAfterAppend > rows) // the row kept is the new event, at the end
            QCOMPARE(proxy.index(rowsAfterAppend - 1, EventLogModel::Seq).data().toULongLong(),
                     9ull);
    }
};

QTEST_MAIN(TstEventLogModel)
#include "tst_event_log_model.moc"
