// "Record to file": what is appended reaches the file as JSON Lines, in order; a
// full disk or a folder that cannot be written is reported, never thrown away.
#include "events/EventFormat.h"
#include "io/EventRecorder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace suplab;

namespace {
std::vector<Event> someEvents(int n) {
    std::vector<Event> out;
    for (int i = 1; i <= n; ++i) {
        Event e;
        e.seq = std::uint64_t(i);
        e.tUs = i * 1000;
        e.kind = i % 2 ? EventKind::Down : EventKind::Up;
        e.path = "R/w\"" + std::to_string(i); // a quote, to be escaped
        e.pid = Pid(100 + i);
        e.reason = i % 2 ? "killed" : "";
        out.push_back(e);
    }
    return out;
}
} // namespace

class TstEventRecorder : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyAppendedEventReachesTheFileInOrder() {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("run.jsonl")).toStdString();
        std::string error;
        auto recorder = EventRecorder::open(path, error);
        QVERIFY2(recorder, error.c_str());
        const auto events = someEvents(2500);
        recorder->append({events.begin(), events.begin() + 1000});
        for (auto it = events.begin() + 1000; it != events.end(); ++it)
            recorder->onEvent(*it);
        recorder->close();
        QVERIFY(!recorder->error());
        QCOMPARE(recorder->written(), std::uint64_t(2500));
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().toStdString(), jsonl(events));
    }

    void aFailedWriteIsReported_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("fragment");
        QTest::addColumn<bool>("opens");
        QTest::newRow("a folder that does not exist is refused at once")
            << "/nonexistent/dir/run.jsonl"
            << "cannot record there" << false;
        QTest::newRow("a full disk stops the recording with its reason")
            << "/dev/full"
            << "No space left on device" << true;
    }
    void aFailedWriteIsReported() {
        QFETCH(QString, path);
        QFETCH(QString, fragment);
        QFETCH(bool, opens);
        std::string error;
        auto recorder = EventRecorder::open(path.toStdString(), error);
        QCOMPARE(bool(recorder), opens);
        if (!recorder) {
            QVERIFY2(QString::fromStdString(error).contains(fragment), error.c_str());
            QVERIFY(QString::fromStdString(error).startsWith(path));
            return;
        }
        recorder->append(someEvents(10));
        recorder->close();
        QVERIFY(recorder->error());
        QVERIFY2(QString::fromStdString(*recorder->error()).contains(fragment),
                 recorder->error()->c_str());
        QCOMPARE(recorder->written(), std::uint64_t(0));
    }
};

QTEST_GUILESS_MAIN(TstEventRecorder)
#include "tst_event_recorder.moc"
