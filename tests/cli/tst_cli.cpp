// suplab-cli's contract (docs/man/suplab-cli.1): exit statuses, messages, whole-or-nothing output.
#include "CliCommands.h"
#include "base/SlabPool.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

using namespace suplab;

namespace {
struct Outcome {
    int status;
    std::string out, err;
};
Outcome cli(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int status = runCli(args, out, err);
    return {status, out.str(), err.str()};
}
Outcome cliWithInput(std::vector<std::string> args, const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out, err;
    const int status = runCli(args, in, out, err);
    return {status, out.str(), err.str()};
}
const std::string kCase =
    SUPLAB_SOURCE_DIR "/tests/conformance/cases/one_for_one_restarts_only_the_crashed_worker.json";
} // namespace

class TstCli : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void commandLineGivesItsStatus_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errFragment");
        const QString c = QString::fromStdString(kCase);
        QTest::newRow("validate of a good file prints nothing")
            << QStringList{"validate", c} << 0 << "";
        QTest::newRow("no command") << QStringList{} << 2 << "expected a command";
        QTest::newRow("an unknown command") << QStringList{"frobnicate"} << 2 << "unknown command";
        QTest::newRow("a bad clock") << QStringList{"run", c, "--clock", "sundial"} << 2
                                     << "--clock: expected virtual or real";
        QTest::newRow("a bad trace") << QStringList{"run", c, "--trace", "xml"} << 2
                                     << "--trace: expected conformance, jsonl or csv";
        QTest::newRow("a bad seed") << QStringList{"run", c, "--seed", "-3"} << 2
                                    << "--seed: expected a non-negative integer";
        QTest::newRow("a missing file") << QStringList{"run", "/nonexistent/s.json"} << 2
                                        << "/nonexistent/s.json: (file): expected a readable file";
        QTest::newRow("validate of a missing file")
            << QStringList{"validate", "/nonexistent/s.json"} << 2 << "cannot open it";
        QTest::newRow("parse of the lesson's modules finds no syntax error")
            << QStringList{"parse", SUPLAB_SOURCE_DIR "/resources/elixir"} << 0
            << "8 of 8 files read with no syntax error";
        QTest::newRow("parse of a file that is not Elixir says where")
            << QStringList{"parse", SUPLAB_SOURCE_DIR "/tests/fuzz/elixir/binary-junk.ex"} << 3
            << "0 of 1 files read with no syntax error";
        QTest::newRow("parse of nothing")
            << QStringList{"parse", "/nonexistent/dir"} << 2 << "cannot open it";
        QTest::newRow("analyze with a bad format") << QStringList{"analyze", c, "--format", "xml"}
                                                   << 2 << "--format: expected text, json or csv";
        QTest::newRow("analyze with too many pairs")
            << QStringList{"analyze", c, "--pairs", "5000"} << 2
            << "--pairs: expected an integer from 0 to 1000";
        QTest::newRow("analyze of a missing file")
            << QStringList{"analyze", "/nonexistent/s.json"} << 2 << "/nonexistent/s.json";
        QTest::newRow("analyze into a folder that is not there")
            << QStringList{"analyze", c, "--out", "/nonexistent/dir/a.txt"} << 1
            << "/nonexistent/dir/a.txt";
        QTest::newRow("analyze of a tree that does not start")
            << QStringList{"analyze", SUPLAB_SOURCE_DIR
                           "/tests/conformance/cases/"
                           "init_failure_stops_the_started_children_in_reverse.json"}
            << 1 << "the tree does not start";
        QTest::newRow("compare without lanes")
            << QStringList{"compare", c} << 2 << "expected at least one --lane";
        QTest::newRow("compare with a bad lane")
            << QStringList{"compare", c, "--lane", "strategy=sideways"} << 2
            << "expected one_for_one, one_for_all or rest_for_one";
        QTest::newRow("compare with a bad chaos rate")
            << QStringList{"compare", c, "--lane", "strategy=one_for_all", "--chaos", "-1"} << 2
            << "--chaos: expected faults per second";
        QTest::newRow("compare with a target that has no workers")
            << QStringList{"compare", c,   "--lane",   "strategy=one_for_all",
                           "--chaos", "1", "--target", "Nope"}
            << 2 << "--target: expected a path with workers";
        QTest::newRow("compare seeds without chaos")
            << QStringList{"compare", c, "--lane", "strategy=one_for_all", "--seeds", "3"} << 2
            << "--seeds: only meaningful with --chaos";
        QTest::newRow("compare of two lanes says where restarts cost no time")
            << QStringList{"compare", c,
                           "--lane",  "strategy=one_for_one",
                           "--lane",  "strategy=one_for_all"}
            << 0 << "note: Every worker declares init_ms 0";
        QTest::newRow("compare per-seed rows without seeds")
            << QStringList{"compare", c,   "--lane",     "strategy=one_for_all",
                           "--chaos", "1", "--per-seed", "x.csv"}
            << 2 << "--per-seed: only meaningful with --seeds";
        QTest::newRow("compare without the script and without chaos")
            << QStringList{"compare", c, "--lane", "strategy=one_for_all", "--no-script"} << 2
            << "--no-script: only meaningful with --chaos";
        QTest::newRow("compare events into a folder it cannot make")
            << QStringList{"compare",          c, "--lane", "strategy=one_for_all", "--events",
                           "/proc/no/such/dir"}
            << 2 << "--events: cannot make the folder /proc/no/such/dir";
        QTest::newRow("compare lists what each metric means")
            << QStringList{"compare", "--metrics"} << 0 << "";
        QTest::newRow("an unwritable output")
            << QStringList{"run", c, "--out", "/nonexistent/dir/out.txt"} << 1
            << "/nonexistent/dir/out.txt: cannot create a temporary file";
        QTest::newRow("bench of an unknown workload")
            << QStringList{"bench", "--only", "start,warp"} << 2 << "unknown workload \"warp\"";
        QTest::newRow("bench on no threads")
            << QStringList{"bench", "--threads", "0"} << 2 << "a count from 1 to 256";
        QTest::newRow("bench scaling with other sizes")
            << QStringList{"bench", "--scaling", "--quick"} << 2 << "takes only --threads";
        QTest::newRow("a quick bench of one workload")
            << QStringList{"bench", "--quick", "--only", "restart"} << 0 << "";
        QTest::newRow("bench scaling observed")
            << QStringList{"bench", "--scaling", "--observed"} << 2 << "takes only --threads";
        const QString ex = QStringLiteral(SUPLAB_SOURCE_DIR "/resources/elixir/");
        QTest::newRow("import of a lesson module that reads whole")
            << QStringList{"import", ex + "lesson_rest_for_one.ex"} << 0 << "assumed: Database";
        QTest::newRow("import that leaves a construct out gives its line and status 3")
            << QStringList{"import", SUPLAB_SOURCE_DIR "/tests/fuzz/elixir/invalid-alias.ex"} << 3
            << "invalid-alias.ex:11: not read: the file does not parse here (invalid alias";
        QTest::newRow("import of a snippet whose children are computed marks a placeholder")
            << QStringList{"import", ex + "lesson_restart_intensity.exs"} << 0
            << "lesson_restart_intensity.exs:1: assumed: children: children is computed at run "
               "time: shown as one placeholder child, ?children";
        QTest::newRow("import of a Mix project's folder")
            << QStringList{"import", SUPLAB_SOURCE_DIR "/resources/projects/lesson_app", "--to",
                           "mermaid"}
            << 0 << "";
        QTest::newRow("import of a folder with no Elixir in it")
            << QStringList{"import", SUPLAB_SOURCE_DIR "/tests/data"} << 2
            << "tests/data: no mix.exs and no .ex file here";
        QTest::newRow("import of a missing file") << QStringList{"import", "/nonexistent/a.ex"} << 2
                                                  << "/nonexistent/a.ex: cannot read it";
        QTest::newRow("import to an unknown format")
            << QStringList{"import", ex + "lesson_rest_for_one.ex", "--to", "pdf"} << 2
            << "--to: expected scenario, elixir, mermaid, dot";
        QTest::newRow("import of a file with no supervisor in it")
            << QStringList{"import", c} << 2 << "not read: no supervisor";
        QTest::newRow("export of a scenario as Mermaid")
            << QStringList{"export", c, "--to", "mermaid"} << 0 << "";
        QTest::newRow("export without a format") << QStringList{"export", c, "--to", "svg"} << 2
                                                 << "--to: expected elixir, mermaid, dot";
    }
    void importedLessonModuleRunsAsAScenario() {
        const Outcome imported =
            cli({"import", SUPLAB_SOURCE_DIR "/resources/elixir/lesson_chat_app.ex"});
        QCOMPARE(imported.status, 0);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("chat.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(imported.out.c_str());
        f.close();
        const Outcome run = cli({"run", file.toStdString()});
        QCOMPARE(run.status, 0);
        QVERIFY2(QString::fromStdString(run.out).contains(
                     QStringLiteral("up ChatApp.Supervisor/ChatApp.RoomSupervisor")),
                 run.out.c_str());
    }
    void commandLineGivesItsStatus() {
        QFETCH(QStringList, args);
        QFETCH(int, status);
        QFETCH(QString, errFragment);
        std::vector<std::string> a;
        for (const auto& s : args)
            a.push_back(s.toStdString());
        const Outcome o = cli(a);
        QCOMPARE(o.status, status);
        if (errFragment.isEmpty())
            QVERIFY(o.err.empty());
        else
            QVERIFY2(QString::fromStdString(o.err).contains(errFragment), o.err.c_str());
    }

    void compareWritesEachLanesEventsAndPerSeedRows() {
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        const Outcome o =
            cli({"compare", kCase, "--lane", "strategy=one_for_one", "--lane",
                 "strategy=one_for_all", "--chaos", "2", "--duration", "2", "--seeds", "3",
                 "--events", d + "/ev", "--per-seed", d + "/seeds.csv", "--format", "json"});
        QCOMPARE(o.status, 0);
        for (const char* seed : {"0", "1", "2"})
            for (const char* lane : {"lane1-strategy=one_for_one", "lane2-strategy=one_for_all"}) {
                QFile log(dir.filePath(QStringLiteral("ev/seed%1-%2.jsonl")
                                           .arg(QLatin1String(seed), QLatin1String(lane))));
                QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(log.fileName()));
                QVERIFY(log.readAll().startsWith("{\"seq\":"));
            }
        QFile rows(dir.filePath(QStringLiteral("seeds.csv")));
        QVERIFY(rows.open(QIODevice::ReadOnly));
        QCOMPARE(rows.readAll().count('\n'), 1 + 3 * 2); // a header, then a row per seed and lane
        QVERIFY(o.out.find("\"per_seed\":[{\"seed\":0,") != std::string::npos);
        QVERIFY(o.out.find("\"ci95\":[") != std::string::npos);
    }

    void analyzeOfAProjectListsWhatTheImportAssumedFirst() {
        // A mix project of the lesson's tree, one supervisor per file.
        const Outcome o = cli(
            {"analyze", SUPLAB_SOURCE_DIR "/resources/projects/lesson_app", "--format", "json"});
        QCOMPARE(o.status, 0);
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(o.out)).object();
        QCOMPARE(json.value(QLatin1String("processes")).toArray().size(), 10);
        QVERIFY(json.contains(QLatin1String("assumptions")));
        QVERIFY(json.value(QLatin1String("cut_sets")).isArray());

        // An Elixir file with a module it does not define: that assumption comes first.
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.ex"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("defmodule S do\n  use Supervisor\n  def init(_) do\n    Supervisor.init([Ext], "
                "strategy: :one_for_one)\n  end\nend\n");
        f.close();
        const Outcome text = cli({"analyze", file.toStdString()});
        QCOMPARE(text.status, 0);
        const QString shown = QString::fromStdString(text.out);
        QVERIFY2(shown.indexOf(QStringLiteral("Assumed by the import:")) <
                     shown.indexOf(QStringLiteral("Weakest points:")),
                 text.out.c_str());
        QVERIFY2(shown.contains(QStringLiteral("Ext is not defined in this file")),
                 text.out.c_str());
    }

    void quickBenchPrintsEveryKeyOfTheSpec() {
        const Outcome o = cli({"bench", "--quick"});
        QCOMPARE(o.status, 0);
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(o.out)).object();
        QVERIFY(json.value(QLatin1String("bytes_per_worker")).isDouble());
        // Every timing is a measurement: something took time (a workload that ran no
        // round would print 0), and the 99th percentile is no less than the median.
        for (const char* key : {"start_10k_us", "shutdown_10k_us", "restart_p50_us",
                                "restart_p99_us", "one_for_all_1k_us", "dynamic_start_100k_us",
                                "dynamic_shutdown_20k_us", "analyze_1k_ms"}) {
            QVERIFY2(json.value(QLatin1String(key)).isDouble(), key);
            QVERIFY2(json.value(QLatin1String(key)).toDouble() > 0,
                     qPrintable(QStringLiteral("%1 in %2")
                                    .arg(QLatin1String(key), QString::fromStdString(o.out))));
        }
        QVERIFY(json.value(QLatin1String("restart_p99_us")).toDouble() >=
                json.value(QLatin1String("restart_p50_us")).toDouble());
        // Restart latencies with two decimals, as beam_bench.exs prints them; the
        // other figures whole.
        const QString text = QString::fromStdString(o.out);
        for (const char* key : {"restart_p50_us", "restart_p99_us"})
            QVERIFY2(QRegularExpression(
                         QStringLiteral("\"%1\":\\d+\\.\\d\\d[,}]").arg(QLatin1String(key)))
                         .match(text)
                         .hasMatch(),
                     o.out.c_str());
        QVERIFY2(QRegularExpression(QStringLiteral("\"bytes_per_worker\":\\d+[,}]"))
                     .match(text)
                     .hasMatch(),
                 o.out.c_str());
        // Live bytes of the pool and malloc: a started worker takes some (not
        // under sanitizers, where the pool hands everything to theirs).
        if (slab::liveBytes() >= 0)
            QVERIFY(json.value(QLatin1String("bytes_per_worker")).toDouble() > 0);
        QCOMPARE(json.value(QLatin1String("quick")).toBool(), true);
        QVERIFY(!json.contains(QLatin1String("observed")));
        QVERIFY(
            json.value(QLatin1String("runtime")).toString().startsWith(QLatin1String("suplab")));
    }

    void anObservedBenchSaysSo() {
        const Outcome o = cli({"bench", "--quick", "--observed", "--only", "start,dynamic_start"});
        QCOMPARE(o.status, 0);
        const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(o.out)).object();
        QCOMPARE(json.value(QLatin1String("observed")).toBool(), true);
        QVERIFY(json.value(QLatin1String("dynamic_start_100k_us")).toDouble() > 0);
    }

    void invalidScenarioPrintsOneLinePerProblemAndRunsNothing() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            R"({"name":"x","root":{"id":"R","type":"supervisor","strategy":"nope","children":[{"id":"a","restart":"forever"}]}})");
        f.close();
        const Outcome o = cli({"run", path.toStdString()});
        QCOMPARE(o.status, 2);
        QVERIFY(o.out.empty());
        QCOMPARE(std::count(o.err.begin(), o.err.end(), '\n'), 2);
        QVERIFY(o.err.rfind(path.toStdString() + ": root.strategy: expected", 0) == 0);
    }

    void outputFileIsWrittenWhole() {
        QTemporaryDir dir;
        const std::string out = dir.filePath(QStringLiteral("t.csv")).toStdString();
        QCOMPARE(cli({"run", kCase, "--trace", "csv", "--out", out}).status, 0);
        QFile f(QString::fromStdString(out));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("seq,t_us,event,path,pid,reason,op,detail\r\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temporary left
    }

    void jsonlFilteredToConformanceKindsIsTheTrace() {
        const Outcome trace = cli({"run", kCase});
        const Outcome jsonl = cli({"run", kCase, "--trace", "jsonl"});
        QCOMPARE(trace.status, 0);
        std::istringstream in(jsonl.out);
        std::string line, rebuilt;
        std::uint64_t seq = 0;
        while (std::getline(in, line)) {
            QVERIFY(line.find("\"seq\":" + std::to_string(++seq) + ",") != std::string::npos);
            auto field = [&](const std::string& key) -> std::string {
                const auto at = line.find("\"" + key + "\":\"");
                if (at == std::string::npos) return {};
                const auto start = at + key.size() + 4;
                return line.substr(start, line.find('"', start) - start);
            };
            const std::string kind = field("event");
            if (kind != "up" && kind != "down" && kind != "start_failed" && kind != "give_up" &&
                kind != "error")
                continue;
            rebuilt += kind + " " + field("path");
            if (!field("reason").empty()) rebuilt += " " + field("reason");
            rebuilt += "\n";
        }
        QCOMPARE(QString::fromStdString(rebuilt), QString::fromStdString(trace.out));
    }

    // The lesson's iex sessions pasted as they are (prompts and printed results): only
    // the iex> lines run, and each prints what the lesson shows, pids aside.
    void aPastedIexSessionRunsInTheConsole_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("transcript");
        QTest::addColumn<QString>("printed");
        QTest::addColumn<int>("status");
        QTest::newRow("Counter and KVStore")
            << "resources/elixir/lesson_counter_kvstore.ex"
            << "iex> MyApp.Supervisor.start_link(:ok)\n{:ok, #PID<0.200.0>}\n"
               "iex> Counter.get_count()\n0\niex> Counter.increment(10)\n:ok\n"
               "iex> Counter.get_count()\n10\n"
               "iex> Process.exit(Process.whereis(Counter), :kill)\ntrue\n"
               "iex> Counter.get_count()\n0\n"
            << "{:ok, #PID<>}\n0\n:ok\n10\ntrue\n0\n"
            << 0;
        QTest::newRow("SessionSupervisor")
            << "resources/elixir/lesson_session_supervisor.ex"
            << "iex> MyApp.SessionSupervisor.start_link(:ok)\n{:ok, #PID<0.300.0>}\n"
               "iex> {:ok, session1} = MyApp.SessionSupervisor.start_session(\"user_1\")\n"
               "{:ok, #PID<0.301.0>}\n"
               "iex> {:ok, session2} = MyApp.SessionSupervisor.start_session(\"user_2\")\n"
               "{:ok, #PID<0.302.0>}\n"
               "iex> DynamicSupervisor.count_children(MyApp.SessionSupervisor)\n"
               "%{active: 2, specs: 2, supervisors: 0, workers: 2}\n"
            << "{:ok, #PID<>}\n{:ok, #PID<>}\n{:ok, #PID<>}\n"
               "%{active: 2, specs: 2, supervisors: 0, workers: 2}\n"
            << 0;
        QTest::newRow("plain lines, one of them wrong")
            << "resources/scenarios/01_counter_kvstore.json"
            << "Counter.increment(2)\n\nCounter.get_count()\nCounter.reset()\n"
            << ":ok\n2\n** (UndefinedFunctionError) function Counter.reset/0 is undefined or "
               "private\n"
            << 1;
    }
    void aPastedIexSessionRunsInTheConsole() {
        QFETCH(QString, file);
        QFETCH(QString, transcript);
        QFETCH(QString, printed);
        QFETCH(int, status);
        const Outcome o = cliWithInput({"console", SUPLAB_SOURCE_DIR "/" + file.toStdString()},
                                       transcript.toStdString());
        QCOMPARE(QString::fromStdString(o.out).replace(
                     QRegularExpression(QStringLiteral("#PID<[0-9.]+>")), QStringLiteral("#PID<>")),
                 printed);
        QCOMPARE(o.status, status);
    }

    void theConsoleSaysWhatIsWrongWithItsCommandLine_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList{"console"}
                                 << "console: expected SCENARIO.json or FILE.ex";
        QTest::newRow("a missing .ex") << QStringList{"console", "/nonexistent/app.ex"}
                                       << "/nonexistent/app.ex: (file): expected a readable file";
        QTest::newRow("a bad clock") << QStringList{"console", "x.json", "--clock", "sundial"}
                                     << "--clock: expected virtual or real";
    }
    void theConsoleSaysWhatIsWrongWithItsCommandLine() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        std::vector<std::string> a;
        for (const QString& s : args)
            a.push_back(s.toStdString());
        const Outcome o = cliWithInput(a, "");
        QCOMPARE(o.status, 2);
        QVERIFY2(QString::fromStdString(o.err).contains(message), o.err.c_str());
    }
};

QTEST_GUILESS_MAIN(TstCli)
#include "tst_cli.moc"
