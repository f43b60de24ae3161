// Every input in tests/fuzz/regressions goes through the fuzz target's own check
// (fuzz/FuzzScenario.h) on every test run: what once crashed must stay handled.
#include "FuzzScenario.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TstFuzzRegressions : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyInputThatOnceBrokeSomethingIsHandled_data() {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(SUPLAB_SOURCE_DIR "/tests/fuzz/regressions"));
        const auto names = dir.entryList(QDir::Files, QDir::Name);
        for (const QString& name : names)
            if (!name.endsWith(QLatin1String(".md")))
                QTest::newRow(name.toUtf8().constData()) << dir.filePath(name);
        QVERIFY2(!names.isEmpty(), "no regression inputs");
    }
    void everyInputThatOnceBrokeSomethingIsHandled() {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray bytes = f.readAll();
        // Aborts (and so fails the test) on a broken expectation; sanitizers catch the rest.
        QCOMPARE(suplab::fuzzScenarioInput(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                                           std::size_t(bytes.size())),
                 0);
    }
};

QTEST_GUILESS_MAIN(TstFuzzRegressions)
#include "tst_fuzz_regressions.moc"
