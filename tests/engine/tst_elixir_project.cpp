// A whole Mix project imports as one tree: the application mix.exs names, each
// supervisor followed into its own file, each note with the file it is about.

#include "elixir/ElixirProject.h"
#include "scenario/ScenarioWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace suplab;

namespace {

/// Writes `files` ("path" -> text) under a fresh folder.
void writeTree(const QTemporaryDir& dir, const QMap<QString, QString>& files) {
    for (auto it = files.begin(); it != files.end(); ++it) {
        const QString path = dir.filePath(it.key());
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(it.value().toUtf8());
    }
}

const QString kMix = QStringLiteral(
    "defmodule App.MixProject do\n  use Mix.Project\n  def project, do: [app: :app]\n"
    "  def application do\n    [mod: {App.Application, []}, extra_applications: [:logger]]\n"
    "  end\nend\n");

const QString kApplication = QStringLiteral(
    "defmodule App.Application do\n  use Application\n  alias App.Workers\n"
    "  def start(_type, _args) do\n    children = [App.Repo, Workers.Supervisor, "
    "{Phoenix.PubSub, name: App.PubSub}, AppWeb.Endpoint]\n"
    "    Supervisor.start_link(children, strategy: :one_for_one, name: App.Supervisor)\n"
    "  end\nend\n");

const QString kWorkers = QStringLiteral(
    "defmodule App.Workers.Supervisor do\n  use Supervisor\n"
    "  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)\n"
    "  def init(_) do\n    Supervisor.init([App.Workers.Cache, {Task.Supervisor, name: "
    "App.Tasks}], strategy: :rest_for_one)\n  end\nend\n");

const QString kCache =
    QStringLiteral("defmodule App.Workers.Cache do\n  use GenServer, restart: :transient\n"
                   "  def init(s), do: {:ok, s}\nend\n");

const QString kRepo = QStringLiteral(
    "defmodule App.Repo do\n  use Ecto.Repo, otp_app: :app, adapter: Ecto.Adapters.Postgres\n"
    "end\n");

const QString kEndpoint = QStringLiteral("defmodule AppWeb.Endpoint do\n  use Sentry.PlugCapture\n"
                                         "  use Phoenix.Endpoint, otp_app: :app\nend\n");

QMap<QString, QString> project() {
    return {{QStringLiteral("mix.exs"), kMix},
            {QStringLiteral("lib/app/application.ex"), kApplication},
            {QStringLiteral("lib/app/workers/supervisor.ex"), kWorkers},
            {QStringLiteral("lib/app/workers/cache.ex"), kCache},
            {QStringLiteral("lib/app/repo.ex"), kRepo},
            {QStringLiteral("lib/app_web/endpoint.ex"), kEndpoint},
            {QStringLiteral("test/app_test.exs"), QStringLiteral("this is not read (")},
            {QStringLiteral("deps/x/lib/x.ex"), QStringLiteral("defmodule X do")}};
}

QString notesOf(const ImportResult& r) {
    QStringList out;
    for (const auto& line : r.lines("project"))
        out << QString::fromStdString(line);
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TstElixirProject : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aProjectImportsAsOneTreeAcrossItsFiles() {
        QTemporaryDir dir;
        writeTree(dir, project());
        const ElixirProjectRead read = readElixirProject(dir.path().toStdString());
        QVERIFY2(read.project, read.error.c_str());
        QCOMPARE(QString::fromStdString(read.project->application),
                 QStringLiteral("App.Application"));
        QCOMPARE(int(read.project->files.size()), 5); // lib/ only: no test/, no deps/
        const ImportResult r = importElixirProject(*read.project);
        QVERIFY2(r.scenario, qPrintable(notesOf(r)));
        QVERIFY2(r.complete(), qPrintable(notesOf(r)));
        QCOMPARE(
            QString::fromStdString(writeNode(*r.scenario->root)),
            QStringLiteral(R"({"id": "App.Supervisor", "type": "supervisor", "children": [)"
                           R"({"id": "App.Repo", "type": "supervisor"}, )"
                           R"({"id": "App.Workers.Supervisor", "type": "supervisor", "strategy": )"
                           R"("rest_for_one", "children": [{"id": "App.Workers.Cache", "restart": )"
                           R"("transient"}, {"id": "App.Tasks", "type": "dynamic_supervisor"}]}, )"
                           R"({"id": "Phoenix.PubSub.Supervisor", "type": "supervisor"}, )"
                           R"({"id": "AppWeb.Endpoint", "type": "supervisor"}]})"));
    }

    // The lesson's three subsystems, one supervisor per file (it runs as is on Elixir).
    void theLessonsApplicationAsAProjectImportsWhole() {
        const ElixirProjectRead read =
            readElixirProject(SUPLAB_SOURCE_DIR "/resources/projects/lesson_app");
        QVERIFY2(read.project, read.error.c_str());
        const ImportResult r = importElixirProject(*read.project);
        QVERIFY2(r.scenario && r.complete(), qPrintable(notesOf(r)));
        QString shape;
        for (const auto& sub : r.scenario->root->children) {
            shape += QString::fromStdString(sub->id) + QStringLiteral("(");
            for (const auto& w : sub->children)
                shape += QString::fromStdString(w->id) + QStringLiteral(" ");
            shape += QStringLiteral(") ");
        }
        QCOMPARE(shape, QStringLiteral("MyApp.Database.Supervisor(MyApp.Database.Repo "
                                       "MyApp.Database.Pool ) MyApp.Cache.Supervisor("
                                       "MyApp.Cache.Store MyApp.Cache.TTL ) MyApp.Web.Supervisor("
                                       "MyApp.Web.Router MyApp.Web.Handler ) "));
    }

    // Each note is about a line of one file, and says which.
    void aNoteNamesItsFile_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("note");
        QTest::newRow("a construct in a supervisor's own file")
            << "lib/app/workers/supervisor.ex"
            << QString(kWorkers).replace(QStringLiteral(":rest_for_one"),
                                         QStringLiteral(":rest_for_one, max_restart: 1"))
            << "lib/app/workers/supervisor.ex:5: not read: supervisor option max_restart: 1";
        QTest::newRow("a syntax error in a file of the tree")
            << "lib/app/workers/cache.ex" << kCache + QStringLiteral("defmodule Broken do\n  (")
            << "lib/app/workers/cache.ex:6: not read: the file does not parse here (expected "
               "')', found '')";
        QTest::newRow("mix.exs naming a module no file defines")
            << "mix.exs"
            << QString(kMix).replace(QStringLiteral("App.Application"),
                                     QStringLiteral("App.Missing"))
            << "project: not read: mix.exs names App.Missing as the application, but no file "
               "read defines it";
    }
    void aNoteNamesItsFile() {
        QFETCH(QString, path);
        QFETCH(QString, text);
        QFETCH(QString, note);
        QTemporaryDir dir;
        auto files = project();
        files[path] = text;
        writeTree(dir, files);
        const ElixirProjectRead read = readElixirProject(dir.path().toStdString());
        QVERIFY2(read.project, read.error.c_str());
        ImportResult r = importElixirProject(*read.project);
        QVERIFY2(notesOf(r).split(QLatin1Char('\n')).contains(note), qPrintable(notesOf(r)));
    }

    void aSyntaxErrorInAFileTheTreeDoesNotUseIsNotSaid() {
        QTemporaryDir dir;
        auto files = project();
        files[QStringLiteral("lib/app/unused.ex")] = QStringLiteral("defmodule Unused do\n  (");
        writeTree(dir, files);
        const ElixirProjectRead read = readElixirProject(dir.path().toStdString());
        QVERIFY(read.project);
        const ImportResult r = importElixirProject(*read.project);
        QVERIFY2(r.complete(), qPrintable(notesOf(r)));
    }

    void anUmbrellaStartsFromItsFirstApplicationAndNamesTheOthers() {
        QTemporaryDir dir;
        QMap<QString, QString> files;
        files[QStringLiteral("mix.exs")] =
            QStringLiteral("defmodule U.MixProject do\n  use Mix.Project\n  def project do\n"
                           "    [apps_path: \"apps\"]\n  end\nend\n");
        for (const QString& app : {QStringLiteral("a"), QStringLiteral("b")}) {
            const QString mod = app.toUpper();
            files[QStringLiteral("apps/%1/mix.exs").arg(app)] =
                QStringLiteral("defmodule %1.MixProject do\n  use Mix.Project\n  def "
                               "application, do: [mod: {%1.Application, []}]\nend\n")
                    .arg(mod);
            files[QStringLiteral("apps/%1/lib/application.ex").arg(app)] =
                QStringLiteral("defmodule %1.Application do\n  use Application\n  def start(_, "
                               "_), do: Supervisor.start_link([%1.Worker], strategy: "
                               ":one_for_one, name: %1.Sup)\nend\n")
                    .arg(mod);
        }
        writeTree(dir, files);
        const ElixirProjectRead read = readElixirProject(dir.path().toStdString());
        QVERIFY2(read.project, read.error.c_str());
        const ImportResult r = importElixirProject(*read.project);
        QVERIFY(r.scenario);
        QCOMPARE(QString::fromStdString(r.scenario->root->id), QStringLiteral("A.Sup"));
        QVERIFY2(notesOf(r).contains(QStringLiteral(
                     "mix.exs: assumed: an umbrella: the tree starts from A.Application; the "
                     "other applications start their own trees: B.Application (apps/b)")),
                 qPrintable(notesOf(r)));
    }

    void aFolderWithoutMixExsReadsEveryFile() {
        QTemporaryDir dir;
        writeTree(dir,
                  {{QStringLiteral("sup.ex"), kWorkers}, {QStringLiteral("cache.ex"), kCache}});
        const ElixirProjectRead read = readElixirProject(dir.path().toStdString());
        QVERIFY2(read.project, read.error.c_str());
        const ImportResult r = importElixirProject(*read.project);
        QVERIFY(r.scenario);
        QCOMPARE(QString::fromStdString(r.scenario->root->children.at(0)->id),
                 QStringLiteral("App.Workers.Cache"));
        QCOMPARE(r.scenario->root->children.at(0)->restart, RestartType::Transient);
    }

    void aFolderThatIsNoProjectSaysWhy_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("why");
        QTest::newRow("nothing in it") << QString() << ": no mix.exs and no .ex file here";
        QTest::newRow("a mix.exs and no lib") << "mix.exs"
                                              << ": no .ex file under lib/";
    }
    void aFolderThatIsNoProjectSaysWhy() {
        QFETCH(QString, file);
        QFETCH(QString, why);
        QTemporaryDir dir;
        if (!file.isEmpty()) writeTree(dir, {{file, kMix}});
        const ElixirProjectRead read = readElixirProject(dir.path().toStdString());
        QVERIFY(!read.project);
        QCOMPARE(QString::fromStdString(read.error), dir.path() + why);
    }

    void aPathThatIsNoFolderSaysSo() {
        const ElixirProjectRead read = readElixirProject("/nonexistent/suplab");
        QCOMPARE(QString::fromStdString(read.error),
                 QStringLiteral("/nonexistent/suplab: not a folder"));
    }

    void mixExsNamesItsApplication_data() {
        QTest::addColumn<QString>("mix");
        QTest::addColumn<QString>("application");
        QTest::newRow("mod with arguments") << kMix << "App.Application";
        QTest::newRow("mod as a bare module")
            << "defmodule M do\n  def application do\n    [mod: App.Main]\n  end\nend"
            << "App.Main";
        QTest::newRow("a library without one")
            << "defmodule M do\n  def application, do: [extra_applications: [:logger]]\nend"
            << "";
    }
    void mixExsNamesItsApplication() {
        QFETCH(QString, mix);
        QFETCH(QString, application);
        QCOMPARE(QString::fromStdString(applicationOfMixFile(mix.toStdString())), application);
    }
};

QTEST_GUILESS_MAIN(TstElixirProject)
#include "tst_elixir_project.moc"
