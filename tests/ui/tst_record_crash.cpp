// A crash of the app mid-run loses at most the last batch of a recording: start
// the real `suplab` recording a busy scenario, kill it with SIGKILL, and read the
// file back. Every complete line must be an event, with seq 1, 2, 3, ... and no gap.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TstRecordCrash : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aKilledAppLeavesEveryWrittenEventReadable() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run.jsonl"));
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(SUPLAB_GUI_BINARY),
                  {QStringLiteral(SUPLAB_SOURCE_DIR "/tests/data/busy.json"),
                   QStringLiteral("--record"), file});
        QVERIFY2(app.waitForStarted(), qPrintable(app.errorString()));
        // Until a few hundred events are on disk (twenty workers failing every 40 ms).
        QTRY_VERIFY_WITH_TIMEOUT(QFile(file).size() > 60'000, 30'000);
        app.kill(); // SIGKILL: no destructor, no flush
        QVERIFY(app.waitForFinished(10'000));

        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = f.readAll().split('\n');
        lines.removeLast(); // after the last newline: empty, or a line cut by the kill
        QVERIFY(lines.size() > 200);
        qint64 expected = 1;
        for (const QByteArray& line : lines) {
            QJsonParseError error{};
            const QJsonObject event = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QCOMPARE(event.value(QLatin1String("seq")).toInteger(), expected++);
        }
    }
};

QTEST_GUILESS_MAIN(TstRecordCrash)
#include "tst_record_crash.moc"
