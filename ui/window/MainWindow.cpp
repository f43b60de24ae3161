#include "MainWindow.h"

#include "canvas/TreeCanvas.h"
#include "charts/RestartChart.h"
#include "elixir/ElixirSkeleton.h"
#include "events/EventFormat.h"
#include "export/TreeFormats.h"
#include "export/TreeImage.h"
#include "export/TreeSnapshot.h"
#include "help/OtpHelp.h"
#include "io/AtomicFile.h"
#include "io/EventRecorder.h"
#include "lanes/CompareWindow.h"
#include "log/EventFilterProxy.h"
#include "log/EventLogModel.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"
#include "state/TreeState.h"
#include "timeline/LifeTimeline.h"
#include "timeline/ScriptTimeline.h"
#include "window/ImportDialog.h"
#include "window/Theme.h"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

namespace suplab {

namespace {
struct Example {
    const char* resource;
    const char* title;
};
constexpr Example kExamples[] = {
    {":/scenarios/01_counter_kvstore.json", "Counter and KVStore (one_for_one)"},
    {":/scenarios/02_database_cache_webserver.json", "Database, Cache, WebServer (rest_for_one)"},
    {":/scenarios/03_application_tree.json", "Application tree: three subsystems"},
    {":/scenarios/04_session_supervisor.json", "SessionSupervisor (DynamicSupervisor)"},
    {":/scenarios/05_chat_app.json", "ChatApp: Logger and RoomSupervisor"},
};
constexpr Example kElixirExamples[] = {
    {":/elixir/lesson_counter_kvstore.ex", "MyApp.Supervisor: Counter and KVStore"},
    {":/elixir/lesson_rest_for_one.ex", "MyApp.Supervisor: Database, Cache, WebServer"},
    {":/elixir/lesson_application.ex", "MyApp.Application: three subsystems"},
    {":/elixir/lesson_session_supervisor.ex", "MyApp.SessionSupervisor"},
    {":/elixir/lesson_chat_app.ex", "ChatApp.Supervisor"},
    {":/elixir/lesson_temporary_worker.ex", "MyTemporaryWorker"},
    {":/elixir/lesson_child_spec_map.exs", "A child spec map"},
};
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("SupLab"));
    resize(1400, 900);
    canvas_ = new TreeCanvas(this);
    setCentralWidget(canvas_);
    buildDocks();
    buildMenus();
    clockLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(clockLabel_);

    connect(&controller_, &RunController::eventsArrived, this, &MainWindow::onEvents);
    connect(&controller_, &RunController::actionFinished, this,
            [this](const QString& what, bool ok, const QString& msg) {
                if (ok)
                    statusBar()->showMessage(what, 4000);
                else
                    QMessageBox::information(this, tr("Nothing done"),
                                             what + QStringLiteral(":\n") + msg);
            });
    connect(&controller_, &RunController::inspected, this,
            [this](const QString& path, const QString& text, const std::vector<ChildInfo>& children,
                   const ChildCounts& counts) {
                const ProcessNode* n = state_ ? state_->find(path.toStdString()) : nullptr;
                if (n && !n->isSupervisor()) liveText_.insert(path, text);
                if (path == selected_) {
                    inspectedText_ = text;
                    inspectedChildren_ = children;
                    inspectedCounts_ = counts;
                    updateInspector();
                }
                dirty_ = true;
            });
    connect(canvas_, &TreeCanvas::processSelected, this, &MainWindow::onSelected);
    connect(canvas_, &TreeCanvas::contextMenuRequested, this, &MainWindow::showContextMenu);

    frame_.setInterval(33);
    connect(&frame_, &QTimer::timeout, this, &MainWindow::onFrame);
    frame_.start();
    poll_.setInterval(400);
    connect(&poll_, &QTimer::timeout, this, [this] {
        if (!state_ || !controller_.running()) return;
        int asked = 0;
        for (const auto& [path, node] : state_->nodes()) {
            if (node.state != ProcessState::Running || node.isSupervisor() || !node.spec ||
                node.spec->behaviour == "generic")
                continue;
            controller_.inspect(path);
            if (++asked > 200) break;
        }
        if (!selected_.isEmpty()) controller_.inspect(selected_.toStdString());
    });
    poll_.start();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    // Preferences: the clock and its speed as they were last time.
    speed_->setValue(settings.value(QStringLiteral("prefs/speed"), 1.0).toDouble());
    if (settings.value(QStringLiteral("prefs/virtualClock"), false).toBool()) useVirtualClock(true);
}

MainWindow::~MainWindow() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("prefs/speed"), speed_->value());
    settings.setValue(QStringLiteral("prefs/virtualClock"), virtualAction_->isChecked());
    controller_.stop();
}

void MainWindow::buildDocks() {
    inspector_ = new QTextBrowser(this);
    inspector_->setAccessibleName(tr("Inspector"));
    auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspector"));
    inspectorDock->setWidget(inspector_);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    logModel_ = new EventLogModel(this);
    logProxy_ = new EventFilterProxy(this);
    logProxy_->setSourceModel(logModel_);
    auto* logPanel = new QWidget(this);
    auto* logLayout = new QVBoxLayout(logPanel);
    logLayout->setContentsMargins(2, 2, 2, 2);
    auto* filterRow = new QHBoxLayout();
    logText_ = new QLineEdit(logPanel);
    logText_->setPlaceholderText(tr("Filter: text in any column"));
    logText_->setAccessibleName(tr("Event log filter"));
    logKind_ = new QComboBox(logPanel);
    logKind_->setAccessibleName(tr("Event kind"));
    logKind_->setToolTip(tr("Show one kind of event, or the conformance trace (the events a "
                            "real Elixir/OTP runtime is compared on)"));
    logKind_->addItem(tr("all events"), -1);
    logKind_->addItem(tr("conformance trace"), -2);
    for (int k = 0; k <= int(EventKind::Call); ++k)
        logKind_->addItem(QString::fromLatin1(toString(EventKind(k))), k);
    logSubtree_ = new QCheckBox(tr("selected subtree only"), logPanel);
    logFollow_ = new QCheckBox(tr("follow"), logPanel);
    logFollow_->setChecked(true);
    filterRow->addWidget(logText_, 1);
    filterRow->addWidget(logKind_);
    filterRow->addWidget(logSubtree_);
    filterRow->addWidget(logFollow_);
    logLayout->addLayout(filterRow);
    logView_ = new QTableView(logPanel);
    logView_->setModel(logProxy_);
    logView_->setAccessibleName(tr("Event log"));
    logView_->verticalHeader()->hide();
    logView_->verticalHeader()->setDefaultSectionSize(20);
    logView_->horizontalHeader()->setStretchLastSection(true);
    logView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    logView_->setColumnWidth(EventLogModel::Seq, 60);
    logView_->setColumnWidth(EventLogModel::Time, 80);
    logView_->setColumnWidth(EventLogModel::Path, 300);
    logLayout->addWidget(logView_);
    auto* logDock = new QDockWidget(tr("Event log"), this);
    logDock->setObjectName(QStringLiteral("eventlog"));
    logDock->setWidget(logPanel);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    connect(logText_, &QLineEdit::textChanged, this, &MainWindow::applyLogFilter);
    connect(logKind_, &QComboBox::currentIndexChanged, this, &MainWindow::applyLogFilter);
    connect(logSubtree_, &QCheckBox::toggled, this, &MainWindow::applyLogFilter);
    connect(logView_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        const QString path = index.data(EventLogModel::PathRole).toString();
        if (state_ && state_->find(path.toStdString())) {
            canvas_->setSelected(path);
            onSelected(path);
        }
    });

    chart_ = new RestartChart(this);
    lives_ = new LifeTimeline(this);
    auto* tabs = new QTabWidget(this);
    tabs->addTab(chart_, tr("Restarts"));
    tabs->addTab(lives_, tr("Up/down"));
    auto* chartDock = new QDockWidget(tr("Charts"), this);
    chartDock->setObjectName(QStringLiteral("charts"));
    chartDock->setWidget(tabs);
    addDockWidget(Qt::RightDockWidgetArea, chartDock);
}

void MainWindow::applyLogFilter() {
    const int kind = logKind_->currentData().toInt();
    QSet<int> kinds;
    if (kind == -2)
        for (auto k : {EventKind::Up, EventKind::Down, EventKind::StartFailed, EventKind::GiveUp,
                       EventKind::Error})
            kinds.insert(int(k));
    else if (kind >= 0)
        kinds.insert(kind);
    logProxy_->setFilter(logText_->text(), kinds, logSubtree_->isChecked() ? selected_ : QString());
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open scenario"), QString(),
            tr("Scenarios (*.json);;Elixir supervisors (*.ex *.exs);;All files (*)"));
        if (!path.isEmpty()) openFile(path);
    });
    recentMenu_ = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Re&load"), QKeySequence::Refresh, this, [this] {
        if (!currentFile_.isEmpty())
            openFile(currentFile_);
        else
            restart();
    });
    file->addAction(tr("&Import Elixir..."), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                    [this] { importDialog(); })
        ->setToolTip(tr("Paste or open an Elixir module that uses Supervisor or "
                        "DynamicSupervisor, and run it"));
    file->addAction(tr("Save scenario &as..."), QKeySequence::SaveAs, this,
                    [this] { saveScenarioDialog(); });
    file->addSeparator();
    QMenu* tree = file->addMenu(tr("Export &tree"));
    const struct {
        const char* format;
        const char* title;
        const char* filter;
    } kTreeMenu[] = {
        {"svg", QT_TR_NOOP("SVG image..."), QT_TR_NOOP("SVG (*.svg)")},
        {"png", QT_TR_NOOP("PNG image..."), QT_TR_NOOP("PNG (*.png)")},
        {"mermaid", QT_TR_NOOP("Mermaid (Livebook, GitHub)..."), QT_TR_NOOP("Mermaid (*.mmd)")},
        {"dot", QT_TR_NOOP("Graphviz DOT..."), QT_TR_NOOP("DOT (*.dot *.gv)")},
        {"elixir", QT_TR_NOOP("Elixir module skeleton..."), QT_TR_NOOP("Elixir (*.ex)")},
    };
    for (const auto& f : kTreeMenu) {
        const QString format = QString::fromLatin1(f.format);
        const QString filter = tr(f.filter);
        tree->addAction(tr(f.title), this, [this, format, filter] {
            if (!state_) return;
            const QString target = QFileDialog::getSaveFileName(this, tr("Export the tree"),
                                                                suggestedName(format), filter);
            if (target.isEmpty()) return;
            rememberDir(target);
            const QString problem = exportTree(target, format);
            if (problem.isEmpty())
                statusBar()->showMessage(tr("Exported the tree to %1").arg(target), 5000);
            else
                QMessageBox::warning(this, tr("Export failed"), problem);
        });
    }
    tree->addAction(tr("Copy as &Mermaid"), this, [this] {
        if (!state_) return;
        DiagramStates states;
        const NodePtr root = liveTree(*state_, &states);
        QGuiApplication::clipboard()->setText(q(treeMermaid(*root, states)));
        statusBar()->showMessage(tr("The tree is on the clipboard as Mermaid"), 4000);
    });
    file->addAction(tr("Export event log (all)..."), QKeySequence::Save, this,
                    [this] { exportDialog(false); });
    file->addAction(tr("Export event log (filtered)..."), this, [this] { exportDialog(true); });
    recordAction_ = file->addAction(tr("&Record to file..."));
    recordAction_->setCheckable(true);
    recordAction_->setToolTip(tr("Stream every event to a JSON Lines file while the run goes on "
                                 "(written every %1 ms, so a crash loses almost nothing)")
                                  .arg(EventRecorder::kFlushMs));
    connect(recordAction_, &QAction::triggered, this, [this](bool on) {
        if (!on) {
            stopRecording(tr("Recording stopped"));
            return;
        }
        recordAction_->setChecked(false); // until a file is open
        const QString target = QFileDialog::getSaveFileName(this, tr("Record the event log to"),
                                                            QString(), tr("JSON Lines (*.jsonl)"));
        if (target.isEmpty()) return;
        const QString error = startRecording(target);
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Cannot record"), error);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    updateRecentMenu();

    QMenu* examples = menuBar()->addMenu(tr("&Examples"));
    for (const auto& ex : kExamples) {
        const QString resource = QString::fromLatin1(ex.resource);
        examples->addAction(tr(ex.title), this, [this, resource] { openExample(resource); });
    }
    // The lesson's modules as written in Elixir, opened in the importer.
    QMenu* elixir = examples->addMenu(tr("The lesson in &Elixir (import)"));
    for (const auto& ex : kElixirExamples) {
        const QString resource = QString::fromLatin1(ex.resource);
        elixir->addAction(tr(ex.title), this, [this, resource] {
            ImportDialog dialog(this);
            const QString error = dialog.openFile(resource);
            if (!error.isEmpty()) return;
            if (dialog.exec() == QDialog::Accepted) runImported(dialog.result(), dialog.label());
        });
    }

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QToolBar* bar = addToolBar(tr("Run"));
    bar->setObjectName(QStringLiteral("runbar"));
    auto* reset = run->addAction(tr("&Reset"), QKeySequence(Qt::CTRL | Qt::Key_R), this,
                                 &MainWindow::restart);
    reset->setToolTip(tr("Start the scenario again from the beginning"));
    bar->addAction(reset);
    virtualAction_ = run->addAction(tr("&Virtual clock"));
    virtualAction_->setCheckable(true);
    virtualAction_->setToolTip(tr("Virtual clock: deterministic, pausable and steppable.\n"
                                  "Off: the threaded real clock (wall time)."));
    connect(virtualAction_, &QAction::toggled, this, &MainWindow::useVirtualClock);
    bar->addAction(virtualAction_);
    pauseAction_ = run->addAction(tr("&Pause"), QKeySequence(Qt::Key_Space));
    pauseAction_->setCheckable(true);
    pauseAction_->setEnabled(false);
    connect(pauseAction_, &QAction::toggled, this, [this](bool on) { controller_.setPaused(on); });
    bar->addAction(pauseAction_);
    stepAction_ = run->addAction(tr("&Step to next event"), QKeySequence(Qt::Key_N), this,
                                 [this] { controller_.stepToNextEvent(); });
    stepAction_->setEnabled(false);
    bar->addAction(stepAction_);
    speed_ = new QDoubleSpinBox(this);
    speed_->setRange(0.1, 10.0);
    speed_->setSingleStep(0.1);
    speed_->setValue(1.0);
    speed_->setSuffix(QStringLiteral("\u00D7"));
    speed_->setToolTip(tr("Virtual clock speed against the wall clock"));
    speed_->setAccessibleName(tr("Speed"));
    speed_->setEnabled(false);
    connect(speed_, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { controller_.setSpeed(v); });
    bar->addWidget(speed_);

    addToolBarBreak();
    QToolBar* scriptBar = addToolBar(tr("Script"));
    scriptBar->setObjectName(QStringLiteral("scriptbar"));
    timeline_ = new ScriptTimeline(this);
    scriptBar->addWidget(timeline_);

    // Shortcuts on the selected process.
    auto* killKey = new QShortcut(QKeySequence(Qt::Key_K), this);
    connect(killKey, &QShortcut::activated, this, [this] {
        if (!selected_.isEmpty()) performAction(selected_, QStringLiteral("kill"));
    });
    auto* crashKey = new QShortcut(QKeySequence(Qt::Key_C), this);
    connect(crashKey, &QShortcut::activated, this, [this] {
        if (!selected_.isEmpty())
            performAction(selected_, QStringLiteral("crash"), QStringLiteral("boom"));
    });

    run->addSeparator();
    run->addAction(tr("&Compare strategies..."), QKeySequence(Qt::CTRL | Qt::Key_M), this,
                   [this] { openCompare(); });

    QMenu* view = menuBar()->addMenu(tr("&View"));
    auto* fit = view->addAction(tr("&Fit tree"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                                [this] { canvas_->fit(); });
    bar->addAction(fit);
    view->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, this, [this] { canvas_->zoomBy(1.2); });
    view->addSeparator();
    QMenu* themeMenu = view->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const theme::Choice current =
        theme::fromName(QSettings().value(QStringLiteral("prefs/theme")).toString());
    for (const auto& [choice, title] : {std::pair{theme::Choice::System, tr("Follow the &system")},
                                        std::pair{theme::Choice::Light, tr("&Light")},
                                        std::pair{theme::Choice::Dark, tr("&Dark")}}) {
        QAction* a = themeMenu->addAction(title);
        a->setCheckable(true);
        a->setChecked(choice == current);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [choice] {
            theme::apply(choice);
            QSettings().setValue(QStringLiteral("prefs/theme"), theme::name(choice));
        });
    }
    if (current != theme::Choice::System) theme::apply(current);
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this,
                    [this] { canvas_->zoomBy(1 / 1.2); });
}

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList files = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString& f : files)
        recentMenu_->addAction(f, this, [this, f] { openFile(f); });
    recentMenu_->setEnabled(!files.isEmpty());
}

void MainWindow::rememberRecent(const QString& file) {
    QSettings settings;
    QStringList files = settings.value(QStringLiteral("recentFiles")).toStringList();
    const QString absolute = QFileInfo(file).absoluteFilePath();
    files.removeAll(file);
    files.removeAll(absolute);
    files.prepend(absolute);
    settings.setValue(QStringLiteral("recentFiles"), files.mid(0, 8));
    updateRecentMenu();
}

bool MainWindow::openFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix();
    if (suffix == QLatin1String("ex") || suffix == QLatin1String("exs")) {
        // An Elixir file goes through the importer, which shows what it could not read.
        ImportDialog dialog(this);
        const QString error = dialog.openFile(path);
        if (!error.isEmpty()) {
            QMessageBox::warning(this, tr("Cannot import"), error);
            return false;
        }
        // Read whole: run it. Otherwise show what was not read before running anything.
        if (!dialog.result().complete() || !dialog.result().scenario)
            if (dialog.exec() != QDialog::Accepted) return false;
        if (!runImported(dialog.result(), dialog.label())) return false;
        // Reload reads the file again: edit the module in your editor, then F5.
        currentFile_ = path;
        rememberRecent(path);
        return true;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(
            this, tr("Cannot open scenario"),
            tr("%1: cannot read it (%2). The current run goes on.").arg(path, file.errorString()));
        return false;
    }
    return load(file.read(qint64(kMaxScenarioBytes) + 1), path, path);
}

bool MainWindow::openExample(const QString& resourcePath) {
    QFile file(resourcePath);
    if (!file.open(QIODevice::ReadOnly)) return false;
    return load(file.readAll(), QFileInfo(resourcePath).fileName(), {});
}

bool MainWindow::load(const QByteArray& text, const QString& label, const QString& fileForRecent) {
    LoadResult result = loadScenarioText(
        std::string_view(text.constData(), std::size_t(text.size())), label.toStdString());
    if (!result.ok()) {
        QStringList lines;
        for (const auto& e : result.errors)
            lines << q(e);
        QMessageBox box(
            QMessageBox::Warning, tr("Scenario not loaded"),
            tr("%1 has %n problem(s); nothing in it was run and the current run goes on.", "",
               int(lines.size()))
                .arg(label),
            QMessageBox::Ok, this);
        box.setDetailedText(lines.join(QLatin1Char('\n')));
        box.setInformativeText(lines.mid(0, 8).join(QLatin1Char('\n')));
        box.exec();
        return false;
    }
    use(std::move(*result.scenario), label, fileForRecent);
    return true;
}

void MainWindow::use(Scenario scenario, const QString& label, const QString& fileForRecent) {
    scenario_ = std::move(scenario);
    scenarioLabel_ = label;
    currentFile_ = fileForRecent;
    if (!fileForRecent.isEmpty()) rememberRecent(fileForRecent);
    restart();
}

void MainWindow::restart() {
    if (!scenario_) return;
    controller_.stop();
    // A new run starts its seq again at 1: it does not belong in the same file.
    stopRecording(tr("Recording stopped as the run restarted"));
    state_ = std::make_unique<TreeState>(*scenario_);
    logModel_->clear();
    liveText_.clear();
    canvas_->clear();
    chart_->clear();
    selected_.clear();
    inspector_->setHtml(tr("<p>Click a process to inspect it; right-click to break it.</p>"));
    const bool virt = virtualAction_->isChecked();
    controller_.start(*scenario_, virt ? RunController::Clock::Virtual : RunController::Clock::Real,
                      speed_->value());
    controller_.setPaused(pauseAction_->isChecked() && virt);
    setWindowTitle(tr("SupLab: %1").arg(q(scenario_->name)));
    timeline_->setScript(scenario_->script, scenario_->settle_ms);
    lives_->refresh(state_.get(), 0, {});
    dirty_ = true;
}

CompareWindow* MainWindow::openCompare() {
    if (!scenario_) return nullptr;
    auto* compare = new CompareWindow(*scenario_, this);
    compare->setAttribute(Qt::WA_DeleteOnClose);
    compare->setWindowFlag(Qt::Window);
    compare->show();
    return compare;
}

void MainWindow::useVirtualClock(bool on) {
    if (virtualAction_->isChecked() != on) virtualAction_->setChecked(on);
    pauseAction_->setEnabled(on);
    stepAction_->setEnabled(on);
    speed_->setEnabled(on);
    if (!on) pauseAction_->setChecked(false);
    restart();
}

QString MainWindow::startRecording(const QString& file) {
    if (recorder_) stopRecording(tr("Recording stopped"));
    std::string error;
    recorder_ = EventRecorder::open(file.toStdString(), error);
    if (!recorder_) return q(error);
    // The run so far, then each batch as it comes.
    const EventStore& store = logModel_->store();
    for (std::size_t from = 0; from < store.size(); from += 65536)
        recorder_->append(store.events(from, std::min(store.size(), from + 65536)));
    const QSignalBlocker quiet(recordAction_);
    recordAction_->setChecked(true);
    statusBar()->showMessage(tr("Recording to %1").arg(file), 5000);
    return {};
}

void MainWindow::stopRecording(const QString& why) {
    if (!recorder_) return;
    recorder_->close();
    const QString file = q(recorder_->path());
    const auto error = recorder_->error();
    const std::uint64_t written = recorder_->written();
    recorder_.reset();
    const QSignalBlocker quiet(recordAction_);
    recordAction_->setChecked(false);
    if (error) {
        // Not modal: the run goes on, and the log in the window is complete.
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Recording stopped"),
                                    tr("Recording to %1 stopped after %2 events: %3\n\nThe event "
                                       "log in the window is complete; export it to keep it.")
                                        .arg(file)
                                        .arg(written)
                                        .arg(q(*error)),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        statusBar()->showMessage(tr("Recording to %1 failed: %2").arg(file, q(*error)));
        return;
    }
    statusBar()->showMessage(tr("%1: %2 events in %3").arg(why).arg(written).arg(file), 8000);
}

void MainWindow::onEvents(const std::vector<Event>& events) {
    if (!state_) return;
    if (recorder_) recorder_->append(events);
    for (const auto& e : events)
        state_->apply(e);
    logModel_->append(events);
    if (logFollow_->isChecked()) logView_->scrollToBottom();
    dirty_ = true;
}

void MainWindow::onFrame() {
    if (recorder_ && recorder_->error()) stopRecording(tr("Recording failed"));
    if (!state_) return;
    const std::int64_t now = controller_.nowUs();
    // Redraw when something happened, and while crash flashes fade and budgets slide.
    if (dirty_ || (++chartTick_ % 3) == 0) {
        canvas_->refresh(*state_, now, liveText_);
        dirty_ = false;
    }
    if (chartTick_ % 8 == 0) {
        chart_->sample(*state_, now, selected_);
        lives_->refresh(state_.get(), now, selected_);
    }
    timeline_->setNow(now);
    if (chartTick_ % 15 == 0 && !selected_.isEmpty()) updateInspector();
    updateStatus();
}

void MainWindow::updateStatus() {
    const double t = double(controller_.nowUs()) / 1e6;
    QString clock = controller_.clock() == RunController::Clock::Virtual
                        ? tr("virtual clock %1\u00D7%2")
                              .arg(controller_.speed())
                              .arg(controller_.paused() ? tr(", paused") : QString())
                        : tr("real clock");
    clockLabel_->setText(
        tr("%1  t = %2 s  %3 events").arg(clock).arg(t, 0, 'f', 2).arg(logModel_->rowCount()));
}

void MainWindow::onSelected(const QString& path) {
    selected_ = path;
    inspectedText_.clear();
    inspectedChildren_.clear();
    inspectedCounts_ = {};
    controller_.inspect(path.toStdString());
    if (logSubtree_->isChecked()) applyLogFilter();
    updateInspector();
    dirty_ = true;
}

void MainWindow::updateInspector() {
    const ProcessNode* n = state_ ? state_->find(selected_.toStdString()) : nullptr;
    if (!n) return;
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(q(n->path).toHtmlEscaped());
    auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
                    .arg(k, v.toHtmlEscaped());
    };
    row(tr("pid"), q(formatPid(n->pid)));
    row(tr("state"), QString::fromLatin1(toString(n->state)));
    if (n->upSinceUs >= 0)
        row(tr("uptime"),
            tr("%1 s").arg(double(controller_.nowUs() - n->upSinceUs) / 1e6, 0, 'f', 2));
    row(tr("restarts"), QString::number(n->restarts));
    row(tr("last exit reason"), n->lastReason.empty() ? tr("(none)") : q(n->lastReason));
    if (n->spec) {
        const NodeSpec& s = *n->spec;
        row(tr("type"), QString::fromLatin1(toString(s.type)));
        row(tr("restart"), QString::fromLatin1(toString(s.restart)));
        row(tr("shutdown"), q(s.shutdown.format()));
        if (s.significant) row(tr("significant"), tr("true"));
        if (s.type == NodeType::Supervisor) {
            row(tr("strategy"), QString::fromLatin1(toString(s.strategy)));
            row(tr("auto_shutdown"), QString::fromLatin1(toString(s.auto_shutdown)));
        }
        if (s.isSupervisor()) {
            const auto [used, max] = state_->budget(n->path, controller_.nowUs());
            row(tr("intensity"), tr("%1 of max_restarts %2 in max_seconds %3")
                                     .arg(used)
                                     .arg(max)
                                     .arg(s.max_seconds));
            if (s.type == NodeType::DynamicSupervisor)
                row(tr("max_children"),
                    s.max_children < 0 ? tr("infinity") : QString::number(s.max_children));
        } else {
            row(tr("behaviour"), q(s.behaviour));
            if (s.trap_exit) row(tr("trap_exit"), tr("true"));
            if (!s.uses.empty()) {
                QStringList deps;
                for (const auto& d : s.uses)
                    deps << q(d);
                row(tr("uses"), deps.join(QStringLiteral(", ")));
            }
        }
    }
    if (!inspectedText_.isEmpty())
        row(n->isSupervisor() ? tr("summary") : tr("live state"), inspectedText_);
    html += QStringLiteral("</table>");
    if (n->spec)
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg(help::node(*n->spec).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                      QStringLiteral("<br>")));
    if (n->isSupervisor() && n->state == ProcessState::Running) {
        html += QStringLiteral("<p><b>which_children</b> (newest first):<br>");
        for (const auto& c : inspectedChildren_)
            html +=
                QStringLiteral("{%1, %2, %3}<br>")
                    .arg(q(c.id).toHtmlEscaped(),
                         c.state == ChildState::Running      ? q(formatPid(c.pid))
                         : c.state == ChildState::Restarting ? QStringLiteral("restarting")
                                                             : QStringLiteral("undefined"),
                         c.supervisor ? QStringLiteral("supervisor") : QStringLiteral("worker"));
        html +=
            QStringLiteral(
                "</p><p><b>count_children</b>: specs %1, active %2, supervisors %3, workers %4</p>")
                .arg(inspectedCounts_.specs)
                .arg(inspectedCounts_.active)
                .arg(inspectedCounts_.supervisors)
                .arg(inspectedCounts_.workers);
    }
    inspector_->setHtml(html);
}

void MainWindow::performAction(const QString& path, const QString& action,
                               const QString& argument) {
    const std::string p = path.toStdString();
    const ProcessNode* n = state_ ? state_->find(p) : nullptr;
    if (!n || n->state != ProcessState::Running) {
        statusBar()->showMessage(
            tr("%1 is not running (%2): nothing done")
                .arg(path, n ? QString::fromLatin1(toString(n->state)) : tr("unknown")),
            6000);
        if (action != QLatin1String("inspect")) return;
    }
    if (action == QLatin1String("kill"))
        controller_.kill(p);
    else if (action == QLatin1String("crash"))
        controller_.crash(p, argument.isEmpty() ? "boom" : argument.toStdString());
    else if (action == QLatin1String("exit"))
        controller_.exitSignal(p, argument.toStdString());
    else if (action == QLatin1String("terminate_child"))
        controller_.terminateChild(p, argument.toStdString());
    else if (action == QLatin1String("restart_child"))
        controller_.restartChild(p, argument.toStdString());
    else if (action == QLatin1String("delete_child"))
        controller_.deleteChild(p, argument.toStdString());
}

void MainWindow::showContextMenu(const QString& path, const QPoint& globalPos) {
    const ProcessNode* n = state_ ? state_->find(path.toStdString()) : nullptr;
    if (!n) return;
    QMenu menu(this);
    auto* title = menu.addAction(path);
    title->setEnabled(false);
    menu.addSeparator();
    menu.addAction(tr("&Kill (exit signal kill)"), this,
                   [=, this] { performAction(path, QStringLiteral("kill")); })
        ->setShortcut(QKeySequence(Qt::Key_K));
    if (!n->isSupervisor()) {
        menu.addAction(tr("&Crash (boom)"), this, [=, this] {
            performAction(path, QStringLiteral("crash"), QStringLiteral("boom"));
        });
        menu.addAction(tr("Crash with reason..."), this, [=, this] {
            bool ok = false;
            const QString reason = QInputDialog::getText(
                this, tr("Crash"), tr("Exit reason (a word, or {shutdown,WORD}):"),
                QLineEdit::Normal, QStringLiteral("boom"), &ok);
            if (!ok) return;
            if (!Reason::isValidText(reason.toStdString())) {
                QMessageBox::information(this, tr("Not a reason"),
                                         tr("\"%1\" is not an exit reason: use a word such as "
                                            "boom, normal, shutdown or {shutdown,maint}.")
                                             .arg(reason));
                return;
            }
            performAction(path, QStringLiteral("crash"), reason);
        });
        menu.addAction(tr("Exit &normal"), this, [=, this] {
            performAction(path, QStringLiteral("crash"), QStringLiteral("normal"));
        });
    }
    menu.addAction(tr("Exit signal shutdown"), this, [=, this] {
        performAction(path, QStringLiteral("exit"), QStringLiteral("shutdown"));
    });
    menu.addAction(tr("Exit signal {shutdown,maint}"), this, [=, this] {
        performAction(path, QStringLiteral("exit"), QStringLiteral("{shutdown,maint}"));
    });
    menu.addAction(tr("Send exit signal..."), this, [=, this] {
        bool ok = false;
        const QString reason = QInputDialog::getText(
            this, tr("Exit signal"), tr("Reason:"), QLineEdit::Normal, QStringLiteral("boom"), &ok);
        if (ok && Reason::isValidText(reason.toStdString()))
            performAction(path, QStringLiteral("exit"), reason);
    });
    if (n->isSupervisor()) {
        menu.addSeparator();
        const bool dynamic = n->spec && n->spec->type == NodeType::DynamicSupervisor;
        QMenu* term = menu.addMenu(tr("Terminate child"));
        QMenu* rest = dynamic ? nullptr : menu.addMenu(tr("Restart child"));
        QMenu* del = dynamic ? nullptr : menu.addMenu(tr("Delete child"));
        for (const auto& childPath : n->children) {
            const ProcessNode* c = state_->find(childPath);
            if (!c || c->state == ProcessState::Removed) continue;
            const QString id = q(c->id);
            term->addAction(id, this, [=, this] {
                performAction(path, QStringLiteral("terminate_child"), id);
            });
            if (rest)
                rest->addAction(id, this, [=, this] {
                    performAction(path, QStringLiteral("restart_child"), id);
                });
            if (del)
                del->addAction(id, this, [=, this] {
                    performAction(path, QStringLiteral("delete_child"), id);
                });
        }
        menu.addAction(tr("Start child..."), this, [=, this] { startChildDialog(path); });
    }
    menu.exec(globalPos);
}

void MainWindow::startChildDialog(const QString& supervisor) {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Start child under %1").arg(supervisor));
    auto* form = new QFormLayout(&dialog);
    auto* id = new QLineEdit(QStringLiteral("child_%1").arg(logModel_->rowCount()), &dialog);
    auto* behaviour = new QComboBox(&dialog);
    for (const auto& b : knownBehaviours())
        behaviour->addItem(q(b));
    auto* restartType = new QComboBox(&dialog);
    restartType->addItems(
        {QStringLiteral("permanent"), QStringLiteral("transient"), QStringLiteral("temporary")});
    QStringList restartHelp;
    for (int i = 0; i < 3; ++i) {
        restartHelp << help::restart(RestartType(i));
        restartType->setItemData(i, restartHelp.back(), Qt::ToolTipRole);
    }
    restartType->setToolTip(restartHelp.join(QLatin1Char('\n')));
    // Shutdown: milliseconds, brutal_kill or infinity, as in a child spec.
    auto* shutdown = new QComboBox(&dialog);
    shutdown->setEditable(true);
    shutdown->addItems(
        {QStringLiteral("5000"), QStringLiteral("brutal_kill"), QStringLiteral("infinity")});
    shutdown->setToolTip(help::shutdown(ShutdownSpec::timeout(5000), false) + QLatin1Char('\n') +
                         help::shutdown(ShutdownSpec::brutalKill(), false) + QLatin1Char('\n') +
                         help::shutdown(ShutdownSpec::infinity(), false));
    id->setAccessibleName(tr("Child id"));
    behaviour->setAccessibleName(tr("Behaviour"));
    behaviour->setToolTip(tr("What the worker does and shows (SupLab only: it never changes "
                             "what its supervisor does)"));
    restartType->setAccessibleName(tr("Restart type"));
    shutdown->setAccessibleName(tr("Shutdown"));
    form->addRow(tr("id"), id);
    form->addRow(tr("behaviour"), behaviour);
    form->addRow(tr("restart"), restartType);
    form->addRow(tr("shutdown"), shutdown);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted) return;
    const QString shutdownText = shutdown->currentText().trimmed();
    bool isNumber = false;
    shutdownText.toLongLong(&isNumber);
    const QString json =
        QStringLiteral("{\"id\":%1,\"behaviour\":%2,\"restart\":%3,\"shutdown\":%4}")
            .arg(q(jsonQuote(id->text().toStdString())),
                 q(jsonQuote(behaviour->currentText().toStdString())),
                 q(jsonQuote(restartType->currentText().toStdString())),
                 isNumber ? shutdownText : q(jsonQuote(shutdownText.toStdString())));
    NodePtr node;
    const auto errors = validateNodeText(json.toStdString(), "start_child", &node);
    if (!errors.empty() || !node) {
        QStringList lines;
        for (const auto& e : errors)
            lines << q(e);
        QMessageBox::information(this, tr("Not started"), lines.join(QLatin1Char('\n')));
        return;
    }
    state_->expectChild(supervisor.toStdString() + "/" + node->id, node);
    controller_.startChild(supervisor.toStdString(), node);
}

QString MainWindow::exportLog(const QString& file, bool filtered) {
    // Formatted straight from the compact store: no copy of the log as Event objects.
    const bool asCsv = file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    const char* eol = asCsv ? "\r\n" : "\n"; // as csv() and jsonl() write them
    std::string text = asCsv ? csvHeader() + eol : std::string();
    auto add = [&](int row) {
        const Event e = logModel_->event(row);
        text += asCsv ? csvLine(e) : jsonlLine(e);
        text += eol;
    };
    if (filtered) {
        for (int r = 0; r < logProxy_->rowCount(); ++r)
            add(logProxy_->mapToSource(logProxy_->index(r, 0)).row());
    } else {
        for (int r = 0; r < logModel_->rowCount(); ++r)
            add(r);
    }
    return q(writeFileAtomically(file.toStdString(), text));
}

QString MainWindow::suggestedName(const QString& format) const {
    QString base = scenario_ ? q(scenario_->root->id) : QStringLiteral("tree");
    base.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    const QString dir = QSettings().value(QStringLiteral("paths/export")).toString();
    return (dir.isEmpty() ? QString() : dir + QLatin1Char('/')) + base + QLatin1Char('.') +
           (format == QLatin1String("scenario") ? QStringLiteral("json")
                                                : treeFormatExtension(format));
}

void MainWindow::rememberDir(const QString& file) {
    QSettings().setValue(QStringLiteral("paths/export"), QFileInfo(file).absolutePath());
}

QString MainWindow::exportTree(const QString& file, const QString& format) {
    if (!state_ || !scenario_) return tr("%1: there is no tree to export").arg(file);
    if (format == QLatin1String("svg"))
        return writeTreeSvg(canvas_->scene(), file, q(scenario_->name));
    if (format == QLatin1String("png")) return writeTreePng(canvas_->scene(), file);
    DiagramStates states;
    const NodePtr root = liveTree(*state_, &states);
    std::string text;
    if (format == QLatin1String("mermaid")) {
        text = treeMermaid(*root, states);
    } else if (format == QLatin1String("dot")) {
        text = treeDot(*root, states);
    } else if (format == QLatin1String("elixir")) {
        Scenario now = *scenario_;
        now.root = root;
        text = elixirSkeleton(now);
    } else {
        return tr("%1: no tree format called %2").arg(file, format);
    }
    return q(writeFileAtomically(file.toStdString(), text));
}

QString MainWindow::saveScenario(const QString& file) {
    if (!scenario_) return tr("%1: there is no scenario to save").arg(file);
    const QString problem = q(writeFileAtomically(file.toStdString(), writeScenario(*scenario_)));
    if (problem.isEmpty()) {
        currentFile_ = file;
        rememberRecent(file);
    }
    return problem;
}

void MainWindow::saveScenarioDialog() {
    if (!scenario_) return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Save scenario"),
                                                      suggestedName(QStringLiteral("scenario")),
                                                      tr("Scenarios (*.json)"));
    if (file.isEmpty()) return;
    rememberDir(file);
    const QString problem = saveScenario(file);
    if (problem.isEmpty())
        statusBar()->showMessage(tr("Saved %1").arg(file), 5000);
    else
        QMessageBox::warning(this, tr("Not saved"), problem + tr("\nNothing was written."));
}

bool MainWindow::importElixir(const QString& source, const QString& label) {
    return runImported(suplab::importElixir(source.toStdString(), label.toStdString()), label);
}

bool MainWindow::runImported(const ImportResult& result, const QString& label) {
    if (!result.scenario) return false;
    use(*result.scenario, label, {}); // the importer had the loader check it already
    const int notRead = result.notReadCount();
    statusBar()->showMessage(
        notRead ? tr("Imported %1: %n construct(s) not read (File > Import Elixir lists them)", "",
                     notRead)
                      .arg(label)
                : tr("Imported %1").arg(label),
        8000);
    return true;
}

void MainWindow::importDialog() {
    ImportDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) runImported(dialog.result(), dialog.label());
}

void MainWindow::exportDialog(bool filtered) {
    const QString file = QFileDialog::getSaveFileName(
        this, filtered ? tr("Export filtered log") : tr("Export log"),
        QStringLiteral("suplab-log.jsonl"), tr("JSON Lines (*.jsonl);;CSV (*.csv)"));
    if (file.isEmpty()) return;
    const QString problem = exportLog(file, filtered);
    if (problem.isEmpty())
        statusBar()->showMessage(tr("Exported to %1").arg(file), 5000);
    else
        QMessageBox::warning(this, tr("Export failed"),
                             problem + tr("\nThe log is kept; nothing was written."));
}

} // namespace suplab
