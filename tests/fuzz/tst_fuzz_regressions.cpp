// Every input in tests/fuzz/regressions (scenario files) and tests/fuzz/elixir
// (Elixir files) goes through its fuzz target's own check (fuzz/FuzzScenario.h,
// fuzz/FuzzElixir.h) on every test run: what once crashed must stay handled. The
// fuzzers' seeds (the lesson's Elixir modules) go through it too, so that a change
// that breaks a check on them fails here, not in the next fuzzing run.
#include "FuzzElixir.h"
#include "FuzzScenario.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TstFuzzRegressions : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void everyInputThatOnceBrokeSomethingIsHandled_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("elixir");
        struct Inputs {
            const char* dir;
            bool elixir;
        };
        for (const Inputs inputs : {Inputs{SUPLAB_SOURCE_DIR "/tests/fuzz/regressions", false},
                                    Inputs{SUPLAB_SOURCE_DIR "/tests/fuzz/elixir", true},
                                    Inputs{SUPLAB_SOURCE_DIR "/resources/elixir", true}}) {
            const bool elixir = inputs.elixir;
            const QDir dir(QString::fromUtf8(inputs.dir));
            const auto names = dir.entryList(QDir::Files, QDir::Name);
            for (const QString& name : names)
                if (!name.endsWith(QLatin1String(".md")))
                    QTest::newRow(name.toUtf8().constData()) << dir.filePath(name) << elixir;
            QVERIFY2(!names.isEmpty(), qPrintable(dir.path() + QStringLiteral(": no inputs")));
        }
    }
    void everyInputThatOnceBrokeSomethingIsHandled() {
        QFETCH(QString, file);
        QFETCH(bool, elixir);
        QFile f(file);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
        const QByteArray bytes = f.readAll();
        const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.constData());
        // Aborts (and so fails the test) on a broken expectation; sanitizers catch the rest.
        QCOMPARE(elixir ? suplab::fuzzElixirInput(data, std::size_t(bytes.size()))
                        : suplab::fuzzScenarioInput(data, std::size_t(bytes.size())),
                 0);
    }
};

QTEST_GUILESS_MAIN(TstFuzzRegressions)
#include "tst_fuzz_regressions.moc"
