// A scenario written back by ScenarioWriter loads again and plays exactly the same
// trace: every built-in example and every conformance case.

#include "events/EventFormat.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"

#include <QDir>
#include <QTest>

using namespace suplab;

class TstScenarioWriter : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aSavedScenarioPlaysTheSameTrace_data();
    void aSavedScenarioPlaysTheSameTrace();
    void writingIsAFixedPoint_data() { aSavedScenarioPlaysTheSameTrace_data(); }
    void writingIsAFixedPoint();
    void defaultsAreLeftOut();
    void aNoteIsWrittenBack();
};

// Every example and conformance case is a scenario that loads: the table holds no
// error case (the loader's errors are tst_scenario_loader's), so one that no longer
// loads is a failure here, never a skip.
void TstScenarioWriter::aSavedScenarioPlaysTheSameTrace_data() {
    QTest::addColumn<QString>("file");
    const QStringList dirs{QStringLiteral(SUPLAB_SOURCE_DIR "/resources/scenarios"),
                           QStringLiteral(SUPLAB_SOURCE_DIR "/tests/conformance/cases")};
    int rows = 0;
    for (const QString& dir : dirs)
        for (const QFileInfo& f :
             QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
            QTest::newRow(qPrintable(f.fileName())) << f.absoluteFilePath();
            ++rows;
        }
    QVERIFY2(rows > 10, "the examples and conformance cases were not found");
}

static QString errorsOf(const LoadResult& r) {
    QStringList all;
    for (const auto& e : r.errors)
        all << QString::fromStdString(e);
    return all.join(QLatin1Char('\n'));
}

static Scenario loadOrFail(const std::string& text, const std::string& label) {
    LoadResult r = loadScenarioText(text, label);
    if (!r.ok()) {
        std::string all;
        for (const auto& e : r.errors)
            all += e + "\n";
        qFatal("%s", all.c_str());
    }
    return std::move(*r.scenario);
}

void TstScenarioWriter::aSavedScenarioPlaysTheSameTrace() {
    QFETCH(QString, file);
    LoadResult original = loadScenarioFile(file.toStdString());
    QVERIFY2(original.ok(), qPrintable(errorsOf(original)));
    const Scenario again = loadOrFail(writeScenario(*original.scenario), "written");
    QCOMPARE(conformanceTrace(playScenario(again, ClockKind::Virtual)),
             conformanceTrace(playScenario(*original.scenario, ClockKind::Virtual)));
}

void TstScenarioWriter::writingIsAFixedPoint() {
    QFETCH(QString, file);
    LoadResult original = loadScenarioFile(file.toStdString());
    QVERIFY2(original.ok(), qPrintable(errorsOf(original)));
    const std::string once = writeScenario(*original.scenario);
    QCOMPARE(writeScenario(loadOrFail(once, "written")), once);
}

void TstScenarioWriter::defaultsAreLeftOut() {
    const Scenario s = loadOrFail(R"({"name": "n", "root": {"id": "R", "type": "supervisor",
        "children": [{"id": "w", "restart": "transient", "shutdown": 5000}]}})",
                                  "inline");
    QCOMPARE(QString::fromStdString(writeScenario(s)),
             QStringLiteral("{\n  \"name\": \"n\",\n  \"root\": {\n    \"id\": \"R\",\n"
                            "    \"type\": \"supervisor\",\n    \"children\": [\n"
                            "      {\"id\": \"w\", \"restart\": \"transient\"}\n    ]\n  }\n}\n"));
}

void TstScenarioWriter::aNoteIsWrittenBack() {
    const Scenario s = loadOrFail("{\"name\": \"n\", \"root\": {\"id\": \"R\", \"type\": "
                                  "\"supervisor\", \"children\": [{\"id\": \"w\", "
                                  "\"note\": \"conditional: starts only if x\"}]}}",
                                  "inline");
    QCOMPARE(QString::fromStdString(s.root->children[0]->note),
             QStringLiteral("conditional: starts only if x"));
    QVERIFY(writeScenario(s).find("\"note\": \"conditional: starts only if x\"") !=
            std::string::npos);
}

QTEST_GUILESS_MAIN(TstScenarioWriter)
#include "tst_scenario_writer.moc"
