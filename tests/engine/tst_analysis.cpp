// The resilience analysis, read off runs of small trees whose answers are worked out
// by hand from OTP's rules (docs/semantics.md): what one crash takes down, the
// downtime it costs, the crash rate at which a supervisor gives up and how far up that
// goes, crash loops that stop the root alone or in pairs, and dependency findings.
#include "analysis/Analysis.h"
#include "analysis/AnalysisFormat.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"
#include "json/Json.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <map>

using namespace suplab;

namespace {

Scenario load(const QString& rootJson) {
    const std::string text = "{\"name\":\"t\",\"root\":" + rootJson.toStdString() + "}";
    auto loaded = loadScenarioText(text, "t.json");
    if (!loaded.ok()) qFatal("%s", loaded.errors.front().c_str());
    return *loaded.scenario;
}

AnalysisOptions opts(int pairs, unsigned threads) {
    AnalysisOptions o;
    o.pairs = pairs;
    o.threads = threads;
    return o;
}

/// The entries of one of tests/data's records of what Elixir/OTP did (an array).
std::vector<json::Value> otpRecord(const char* name) {
    QFile f(QStringLiteral(SUPLAB_SOURCE_DIR "/tests/data/") + QString::fromUtf8(name));
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot read tests/data/%s", name);
    auto parsed = json::parse(f.readAll().toStdString());
    if (!parsed.value || !parsed.value->isArray()) qFatal("tests/data/%s is not an array", name);
    return std::move(parsed.value->items);
}

QString textOf(const json::Value& entry, const char* key) {
    const json::Value* v = entry.find(key);
    return v ? QString::fromStdString(v->text) : QString();
}

QStringList list(const std::vector<std::string>& items) {
    QStringList out;
    for (const auto& i : items)
        out << QString::fromStdString(i);
    return out;
}

const ProcessAnalysis& at(const AnalysisReport& r, const char* path) {
    const ProcessAnalysis* p = r.find(path);
    if (!p) qFatal("no %s in the report", path);
    return *p;
}

const char* kThree(const char* strategy) {
    static std::string text;
    text = std::string(R"({"id":"R","type":"supervisor","strategy":")") + strategy +
           R"(","children":[{"id":"a"},{"id":"b","init_ms":20},{"id":"c"}]})";
    return text.c_str();
}

} // namespace

class TstAnalysis : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void oneCrashTakesDownWhatTheStrategySays_data() {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("crashed");
        QTest::addColumn<QStringList>("restarted");
        QTest::addColumn<QStringList>("stopped");
        QTest::newRow("one_for_one restarts the crashed worker only")
            << kThree("one_for_one") << "R/a" << QStringList{"R/a"} << QStringList{};
        QTest::newRow("rest_for_one restarts it and those started after it")
            << kThree("rest_for_one") << "R/b" << QStringList{"R/b", "R/c"} << QStringList{};
        QTest::newRow("one_for_all restarts every sibling")
            << kThree("one_for_all") << "R/c" << QStringList{"R/a", "R/b", "R/c"} << QStringList{};
        QTest::newRow("a temporary worker that crashes stays down")
            << R"({"id":"R","type":"supervisor","children":[{"id":"a","restart":"temporary"},{"id":"b"}]})"
            << "R/a" << QStringList{} << QStringList{"R/a"};
    }
    void oneCrashTakesDownWhatTheStrategySays() {
        QFETCH(QString, tree);
        QFETCH(QString, crashed);
        QFETCH(QStringList, restarted);
        QFETCH(QStringList, stopped);
        const AnalysisReport r = analyze(load(tree), opts(0, 1));
        const ProcessAnalysis& p = at(r, crashed.toUtf8().constData());
        QCOMPARE(list(p.crash.restarted), restarted);
        QCOMPARE(list(p.crash.stopped), stopped);
    }

    void downtimeLastsUntilEveryProcessRunsAgain_data() {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("crashed");
        QTest::addColumn<double>("downtimeMs"); // negative: none (one stays down)
        QTest::newRow("a worker with init_ms 20 is back after 20 ms")
            << kThree("one_for_one") << "R/b" << 20.0;
        QTest::newRow("a rest_for_one group restart waits for each init in turn")
            << R"({"id":"R","type":"supervisor","strategy":"rest_for_one","children":[{"id":"a","init_ms":10},{"id":"b","init_ms":20},{"id":"c","init_ms":30}]})"
            << "R/b" << 50.0;
        QTest::newRow("a trapping worker's terminate step counts too")
            << R"({"id":"R","type":"supervisor","strategy":"one_for_all","children":[{"id":"a","trap_exit":true,"stop_ms":15},{"id":"b","init_ms":5}]})"
            << "R/b" << 20.0;
        QTest::newRow("a temporary worker's crash has no end")
            << R"({"id":"R","type":"supervisor","children":[{"id":"a","restart":"temporary"}]})"
            << "R/a" << -1.0;
    }
    void downtimeLastsUntilEveryProcessRunsAgain() {
        QFETCH(QString, tree);
        QFETCH(QString, crashed);
        QFETCH(double, downtimeMs);
        const AnalysisReport r = analyze(load(tree), opts(0, 1));
        const ProcessAnalysis& p = at(r, crashed.toUtf8().constData());
        if (downtimeMs < 0) {
            QVERIFY(!p.crash.downtimeMs);
        } else {
            QVERIFY(p.crash.downtimeMs);
            QCOMPARE(*p.crash.downtimeMs, downtimeMs);
        }
    }

    void theGiveUpPointIsTheLongestPeriodThatExhaustsTheIntensity_data() {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("path");
        QTest::addColumn<double>("givesUpAt"); // negative: never
        QTest::addColumn<QString>("escalatesTo");
        // 4 crashes 1999 ms apart from a whole second have stamps 0, 1, 3, 5: all count
        // (5 - 0 <= 5); 2000 ms apart they are 0, 2, 4, 6 and the first drops out.
        QTest::newRow("Elixir's default 3 in 5 s gives up at a crash every 1999 ms")
            << kThree("one_for_one") << "R/a" << 1000.0 / 1999 << "R";
        QTest::newRow("1 restart in 1 s: two crashes in one second, or 1999 ms apart")
            << R"({"id":"R","type":"supervisor","max_restarts":1,"max_seconds":1,"children":[{"id":"a"}]})"
            << "R/a" << 1000.0 / 1999 << "R";
        QTest::newRow("max_restarts 0: one crash is enough")
            << R"({"id":"R","type":"supervisor","max_restarts":0,"children":[{"id":"a"}]})"
            << "R/a" << 0.0 << "R";
        QTest::newRow("a temporary child is never restarted, so never counted")
            << R"({"id":"R","type":"supervisor","children":[{"id":"a","restart":"temporary"}]})"
            << "R/a" << -1.0 << "";
        QTest::newRow("a restart slower than the window never fills it")
            << R"({"id":"R","type":"supervisor","max_restarts":1,"max_seconds":1,"children":[{"id":"a","init_ms":2500}]})"
            << "R/a" << -1.0 << "";
        QTest::newRow("a child supervisor's give-up stops at the parent that absorbs it")
            << R"({"id":"R","type":"supervisor","max_restarts":10,"children":[{"id":"S","type":"supervisor","children":[{"id":"w"}]}]})"
            << "R/S/w" << 1000.0 / 1999 << "R/S";
        QTest::newRow("a parent with max_restarts 0 goes down with it")
            << R"({"id":"R","type":"supervisor","max_restarts":0,"children":[{"id":"S","type":"supervisor","children":[{"id":"w"}]}]})"
            << "R/S/w" << 1000.0 / 1999 << "R";
    }
    void theGiveUpPointIsTheLongestPeriodThatExhaustsTheIntensity() {
        QFETCH(QString, tree);
        QFETCH(QString, path);
        QFETCH(double, givesUpAt);
        QFETCH(QString, escalatesTo);
        const AnalysisReport r = analyze(load(tree), opts(0, 1));
        const ProcessAnalysis& p = at(r, path.toUtf8().constData());
        if (givesUpAt < 0) {
            QVERIFY2(!p.givesUpAt, givesUpText(p).c_str());
        } else {
            QVERIFY(p.givesUpAt);
            QCOMPARE(*p.givesUpAt, givesUpAt);
        }
        QCOMPARE(QString::fromStdString(p.escalatesTo.value_or("")), escalatesTo);
    }

    void crashLoopsThatStopTheRootAreCutSets_data() {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QStringList>("cutSets"); // each set's paths joined by " + "
        QTest::newRow("under Elixir's defaults every permanent worker's loop stops the root")
            << kThree("one_for_one") << QStringList{"R/a", "R/b", "R/c"};
        QTest::newRow("a loop slower than every window stops nothing")
            << R"({"id":"R","type":"supervisor","max_restarts":1,"max_seconds":1,"children":[{"id":"a","init_ms":2500}]})"
            << QStringList{};
        // A subsystem whose worker loops gives up and, transient, stays down; the root
        // stops only when all its significant children have (auto_shutdown).
        QTest::newRow("two loops together stop a root that one alone does not")
            << R"({"id":"R","type":"supervisor","auto_shutdown":"all_significant","children":[
                  {"id":"A","type":"supervisor","restart":"transient","significant":true,"max_restarts":0,"children":[{"id":"w"}]},
                  {"id":"B","type":"supervisor","restart":"transient","significant":true,"max_restarts":0,"children":[{"id":"w"}]}]})"
            << QStringList{"R/A", "R/B", "R/A/w + R/B/w"};
    }
    void crashLoopsThatStopTheRootAreCutSets() {
        QFETCH(QString, tree);
        QFETCH(QStringList, cutSets);
        const AnalysisReport r = analyze(load(tree), opts(50, 2));
        QStringList got;
        for (const auto& set : r.cutSets) {
            QStringList paths = list(set);
            got << paths.join(" + ");
        }
        got.sort();
        cutSets.sort();
        QCOMPARE(got, cutSets);
    }

    void dependencyFindingsComeWithACheckedFix_data() {
        QTest::addColumn<QString>("tree");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("fix");
        QTest::newRow("one_for_one leaves a worker holding its dependency's dead pid")
            << R"({"id":"R","type":"supervisor","children":[{"id":"db"},{"id":"web","uses":["db"]}]})"
            << "stale_dependency"
            << "make R rest_for_one";
        QTest::newRow("rest_for_one does not restart a worker placed before its dependency")
            << R"({"id":"R","type":"supervisor","strategy":"rest_for_one","children":[{"id":"web","uses":["db"]},{"id":"db"}]})"
            << "uses_later_sibling"
            << "place db before web";
        QTest::newRow("one_for_one with the dependency after: both changes")
            << R"({"id":"R","type":"supervisor","children":[{"id":"web","uses":["db"]},{"id":"db"}]})"
            << "uses_later_sibling"
            << "place db before web and make R rest_for_one";
    }
    void dependencyFindingsComeWithACheckedFix() {
        QFETCH(QString, tree);
        QFETCH(QString, kind);
        QFETCH(QString, fix);
        const AnalysisReport r = analyze(load(tree), opts(0, 1));
        const ProcessAnalysis& web = at(r, "R/web");
        QCOMPARE(web.findings.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(web.findings[0].kind), kind);
        QVERIFY2(QString::fromStdString(web.findings[0].fix).startsWith(fix),
                 web.findings[0].fix.c_str());
        QVERIFY(web.findings[0].fixChecked);
    }

    void aDependencyTheStrategyHonoursIsNoFinding() {
        const AnalysisReport r = analyze(
            load(
                R"({"id":"R","type":"supervisor","strategy":"rest_for_one","children":[{"id":"db"},{"id":"web","uses":["db"]}]})"),
            opts(0, 1));
        QVERIFY(at(r, "R/web").findings.empty());
    }

    void theReportIsTheSameOnOneThreadAndOnMany_data() {
        QTest::addColumn<QString>("tree");
        QTest::newRow("a tree whose trials reuse it") << QString::fromUtf8(kThree("rest_for_one"));
        // Callers on beats that divide a second, and one that does not (fresh each trial).
        QTest::newRow("workers that call their siblings")
            << R"({"id":"R","type":"supervisor","children":[
                  {"id":"A","type":"supervisor","strategy":"rest_for_one","children":[
                    {"id":"a","init_ms":5},{"id":"b","uses":["a"],"call_ms":250,"init_ms":3},
                    {"id":"c","uses":["b","d"],"call_ms":100},{"id":"d"}]},
                  {"id":"B","type":"supervisor","children":[
                    {"id":"x"},{"id":"y","uses":["x"],"call_ms":300}]}]})";
    }
    void theReportIsTheSameOnOneThreadAndOnMany() {
        QFETCH(QString, tree);
        const Scenario s = load(tree);
        const std::string one = analysisCsv(analyze(s, opts(50, 1)));
        const std::string four = analysisCsv(analyze(s, opts(50, 4)));
        QCOMPARE(QString::fromStdString(four), QString::fromStdString(one));
    }

    void aRestedTreeAnswersAsAFreshOneWould_data() {
        theReportIsTheSameOnOneThreadAndOnMany_data();
        const QDir lessons(QStringLiteral(SUPLAB_SOURCE_DIR "/resources/scenarios"));
        const QStringList files = lessons.entryList({QStringLiteral("*.json")});
        QVERIFY(files.size() >= 5);
        for (const QString& file : files) {
            QFile f(lessons.filePath(file));
            QVERIFY(f.open(QIODevice::ReadOnly));
            auto loaded = loadScenarioText(f.readAll().toStdString(), file.toStdString());
            QVERIFY(loaded.ok());
            // Its root, as the other rows give theirs.
            QTest::newRow(qPrintable(QStringLiteral("the lesson's ") + file))
                << QString::fromStdString(writeNode(*loaded.scenario->root));
        }
    }
    void aRestedTreeAnswersAsAFreshOneWould() {
        QFETCH(QString, tree);
        const Scenario s = load(tree);
        const AnalysisOptions reuse = opts(50, 2);
        AnalysisOptions fresh = reuse;
        fresh.freshEachTrial = true;
        const AnalysisReport a = analyze(s, reuse), b = analyze(s, fresh);
        QVERIFY(b.treeStarts >= b.trials); // it did start afresh for each
        QCOMPARE(QString::fromStdString(analysisCsv(a)), QString::fromStdString(analysisCsv(b)));
    }

    /// tests/data/analysis_otp.json: what Elixir/OTP did with the lesson's trees
    /// (oracle/check-analysis.py): after one fault, which processes went down; faults
    /// every period_gives_up_ms made the supervisor give up, every period_holds_ms not.
    void agreesWithOtpOnTheLessons_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("radius");
        QTest::addColumn<int>("givesUpMs");
        QTest::addColumn<int>("holdsMs");
        const std::vector<json::Value> entries = otpRecord("analysis_otp.json");
        QVERIFY(entries.size() >= 20);
        for (const json::Value& entry : entries) {
            auto str = [&](const char* key) { return textOf(entry, key); };
            auto integer = [&](const char* key) {
                const json::Value* v = entry.find(key);
                return v && v->integer ? int(*v->integer) : -1;
            };
            QStringList radius;
            if (const json::Value* r = entry.find("radius"))
                for (const auto& item : r->items)
                    radius << QString::fromStdString(item.text);
            const QString name =
                str("scenario").section(QLatin1Char('/'), -1) + QStringLiteral(": ") + str("path");
            QTest::newRow(qPrintable(name))
                << str("scenario") << str("path") << radius << integer("period_gives_up_ms")
                << integer("period_holds_ms");
        }
    }
    void agreesWithOtpOnTheLessons() {
        QFETCH(QString, scenario);
        QFETCH(QString, path);
        QFETCH(QStringList, radius);
        QFETCH(int, givesUpMs);
        QFETCH(int, holdsMs);
        static std::map<QString, AnalysisReport> reports; // one analysis per lesson
        if (!reports.count(scenario)) {
            auto loaded = loadScenarioFile(SUPLAB_SOURCE_DIR "/" + scenario.toStdString());
            QVERIFY(loaded.ok());
            reports.emplace(scenario, analyze(*loaded.scenario, opts(0, 2)));
        }
        const ProcessAnalysis& p = at(reports.at(scenario), path.toUtf8().constData());
        if (!radius.isEmpty()) {
            QStringList ours = list((p.supervisor ? p.kill : p.crash).radius());
            ours.sort();
            radius.sort();
            QCOMPARE(ours, radius);
        }
        if (givesUpMs > 0) {
            QVERIFY(p.givesUpPeriodMs);
            // OTP gave up at the shorter period and held at the longer: ours lies between.
            QVERIFY2(*p.givesUpPeriodMs >= givesUpMs && *p.givesUpPeriodMs < holdsMs,
                     givesUpText(p).c_str());
        }
    }

    /// tests/data/analysis_otp_findings.json: for each worker and what it uses, whether
    /// one crash of the dependency made it crash (noproc) on Elixir/OTP, and whether the
    /// tree changed as the finding's fix says did not (oracle/check-analysis.py).
    void findingsAgreeWithOtp_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("worker");
        QTest::addColumn<QString>("uses");
        QTest::addColumn<bool>("crashes");
        QTest::addColumn<bool>("fixHolds");
        const std::vector<json::Value> entries = otpRecord("analysis_otp_findings.json");
        QVERIFY(entries.size() >= 5);
        for (const json::Value& e : entries) {
            auto str = [&](const char* key) { return textOf(e, key); };
            const json::Value* holds = e.find("fix_holds_on_otp");
            QTest::newRow(qPrintable(str("scenario").section(QLatin1Char('/'), -1) +
                                     QStringLiteral(": ") + str("worker") +
                                     QStringLiteral(" uses ") + str("uses")))
                << str("scenario") << str("worker") << str("uses")
                << e.find("crashes_on_otp")->boolean
                << (holds && holds->type == json::Value::Type::Bool && holds->boolean);
        }
    }
    void findingsAgreeWithOtp() {
        QFETCH(QString, scenario);
        QFETCH(QString, worker);
        QFETCH(QString, uses);
        QFETCH(bool, crashes);
        QFETCH(bool, fixHolds);
        auto loaded = loadScenarioFile(SUPLAB_SOURCE_DIR "/" + scenario.toStdString());
        QVERIFY(loaded.ok());
        const AnalysisReport r = analyze(*loaded.scenario, opts(0, 2));
        const Finding* found = nullptr;
        for (const auto& f : at(r, worker.toUtf8().constData()).findings)
            if (QString::fromStdString(f.uses) == uses) found = &f;
        // A finding says the worker crashes (noproc) exactly when it did on OTP.
        const bool saysCrash = found && found->text.find("noproc") != std::string::npos;
        QCOMPARE(saysCrash, crashes);
        if (fixHolds) {
            QVERIFY(found);
            QVERIFY2(found->fixChecked, found->fix.c_str());
        }
    }

    void eachProcessInTheJsonHasExactlyTheDocumentedKeys() {
        const AnalysisReport r = analyze(load(kThree("one_for_all")), opts(0, 1));
        const auto parsed = json::parse(analysisJson(r));
        QVERIFY(parsed.value);
        const json::Value* processes = parsed.value->find("processes");
        QVERIFY(processes);
        QCOMPARE(processes->items.size(), std::size_t(4));
        for (const auto& p : processes->items) {
            QStringList keys;
            for (const auto& member : p.members)
                keys << QString::fromStdString(member.key);
            QCOMPARE(keys, (QStringList{"path", "blast_radius", "downtime_ms", "gives_up_at",
                                        "escalates_to", "findings"}));
        }
        QVERIFY(parsed.value->find("cut_sets"));
    }

    void aTreeThatDoesNotStartIsSaidSo() {
        const AnalysisReport r = analyze(
            load(R"({"id":"R","type":"supervisor","children":[{"id":"a","fail_starts":1}]})"),
            opts(0, 1));
        QVERIFY(r.processes.empty());
        QVERIFY2(r.error.find("R/a failed to start") != std::string::npos, r.error.c_str());
    }
};

QTEST_GUILESS_MAIN(TstAnalysis)
#include "tst_analysis.moc"
