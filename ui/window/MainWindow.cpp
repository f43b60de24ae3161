#include "MainWindow.h"

#include "canvas/TreeCanvas.h"
#include "charts/RestartChart.h"
#include "io/AtomicFile.h"
#include "io/EventRecorder.h"
#include "lanes/CompareWindow.h"
#include "log/EventLogModel.h"
#include "log/EventLogPanel.h"
#include "repl/ConsoleInput.h"
#include "repl/ConsolePanel.h"
#include "resilience/AnalysisPanel.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"
#include "snapshot/TreeExport.h"
#include "snapshot/TreeFormats.h"
#include "state/TreeState.h"
#include "timeline/LifeTimeline.h"
#include "timeline/ScriptTimeline.h"
#include "window/ExampleCatalog.h"
#include "window/FindBar.h"
#include "window/ImportDialog.h"
#include "window/NoticeBar.h"
#include "window/ProcessMenu.h"
#include "window/StartChildDialog.h"

#include <QApplication>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace suplab {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
/// How many workers one poll of live state asks at most (the rest wait their turn).
constexpr int kPollBatch = 64;
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("SupLab"));
    resize(1400, 900);
    // The notice and find bars lie over the canvas' top: showing one does not move the tree.
    auto* centre = new QWidget(this);
    auto* cell = new QGridLayout(centre);
    cell->setContentsMargins(0, 0, 0, 0);
    canvas_ = new TreeCanvas(centre);
    notice_ = new NoticeBar(centre);
    find_ = new FindBar(centre);
    find_->setMinimumWidth(440);
    find_->setAutoFillBackground(true);
    cell->addWidget(canvas_, 0, 0);
    cell->addWidget(notice_, 0, 0, Qt::AlignTop);
    cell->addWidget(find_, 0, 0, Qt::AlignTop | Qt::AlignRight);
    notice_->raise();
    find_->raise();
    setCentralWidget(centre);
    buildDocks();
    buildFileMenu();
    buildRunMenu();
    buildViewMenu();
    clockLabel_ = new QLabel(this);
    statusBar()->addPermanentWidget(clockLabel_);

    connect(&controller_, &RunController::eventsArrived, this, &MainWindow::onEvents);
    // What the user asked for and could not be done is said once, without blocking.
    connect(&controller_, &RunController::actionFinished, this,
            [this](const QString& what, bool ok, const QString& msg) {
                if (ok)
                    statusBar()->showMessage(what, 4000);
                else
                    notice_->say(tr("%1: %2").arg(what, msg));
            });
    connect(&controller_, &RunController::inspected, this,
            [this](const QString& path, const QString& text, const std::vector<ChildInfo>& children,
                   const ChildCounts& counts) {
                const ProcessNode* n = state_ ? state_->find(path.toStdString()) : nullptr;
                if (n && !n->isSupervisor() && liveText_.value(path) != text) {
                    liveText_.insert(path, text);
                    state_->touch(n->path);
                }
                if (path == selected_) {
                    inspected_ = {true, text, children, counts};
                    updateInspector();
                }
            });
    // A process polled or inspected that is gone: the inspector says so, nobody else.
    connect(&controller_, &RunController::inspectionMissed, this, [this](const QString& path) {
        if (path != selected_) return;
        inspected_ = {};
        updateInspector();
    });
    connect(canvas_, &TreeCanvas::processSelected, this, &MainWindow::onSelected);
    connect(canvas_, &TreeCanvas::contextMenuRequested, this, &MainWindow::showContextMenu);
    connect(find_, &FindBar::found, this, [this](const QString& path) {
        canvas_->reveal(path); // selects it, which announces it
    });

    frame_.setInterval(33);
    connect(&frame_, &QTimer::timeout, this, &MainWindow::onFrame);
    frame_.start();
    poll_.setInterval(400);
    connect(&poll_, &QTimer::timeout, this, &MainWindow::pollLiveState);
    poll_.start();

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        // First start: the docks' shares, once the window has its size.
        QTimer::singleShot(0, this, [this] {
            auto* inspector = findChild<QDockWidget*>(QStringLiteral("inspector"));
            auto* charts = findChild<QDockWidget*>(QStringLiteral("charts"));
            auto* log = findChild<QDockWidget*>(QStringLiteral("eventlog"));
            resizeDocks({inspector, charts}, {250, 330}, Qt::Vertical);
            resizeDocks({inspector}, {380}, Qt::Horizontal);
            auto* console = findChild<QDockWidget*>(QStringLiteral("console"));
            resizeDocks({log}, {270}, Qt::Vertical);
            resizeDocks({log, console}, {1, 1}, Qt::Horizontal);
        });
    }
    // Preferences: the clock and its speed as they were last time.
    speed_->setValue(settings.value(QStringLiteral("prefs/speed"), 1.0).toDouble());
    canvas_->setLegendVisible(settings.value(QStringLiteral("prefs/legend"), false).toBool());
    if (settings.value(QStringLiteral("prefs/virtualClock"), false).toBool()) {
        const QSignalBlocker quiet(virtualAction_);
        virtualAction_->setChecked(true);
        useVirtualClock(true);
    }
}

MainWindow::~MainWindow() {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("prefs/speed"), speed_->value());
    settings.setValue(QStringLiteral("prefs/virtualClock"), virtualAction_->isChecked());
    settings.setValue(QStringLiteral("prefs/legend"), canvas_->legendVisible());
    controller_.stop();
}

EventLogModel& MainWindow::logModel() {
    return log_->model();
}

void MainWindow::buildDocks() {
    inspector_ = new QTextBrowser(this);
    inspector_->setAccessibleName(tr("Inspector"));
    inspector_->setOpenLinks(false);
    auto* inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspector"));
    inspectorDock->setWidget(inspector_);
    inspectorDock->setMinimumWidth(320);
    addDockWidget(Qt::RightDockWidgetArea, inspectorDock);

    log_ = new EventLogPanel(this);
    auto* logDock = new QDockWidget(tr("Event log"), this);
    logDock->setObjectName(QStringLiteral("eventlog"));
    logDock->setWidget(log_);
    addDockWidget(Qt::BottomDockWidgetArea, logDock);
    connect(log_, &EventLogPanel::pathActivated, this, [this](const QString& path) {
        if (state_ && state_->find(path.toStdString())) canvas_->reveal(path);
    });

    console_ = new ConsolePanel(this);
    auto* consoleDock = new QDockWidget(tr("Console"), this);
    consoleDock->setObjectName(QStringLiteral("console"));
    consoleDock->setWidget(console_);
    addDockWidget(Qt::BottomDockWidgetArea, consoleDock);
    splitDockWidget(logDock, consoleDock, Qt::Horizontal);
    connect(console_, &ConsolePanel::submitted, &controller_, &RunController::evaluate);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget* old, QWidget* now) {
        if (now && (now == canvas_ || canvas_->isAncestorOf(now))) focusBeforeCanvas_ = old;
    });
    // Each answer: printed, and the process it touched selected, so that the inspector
    // shows its state as it is after the line.
    connect(&controller_, &RunController::evaluated, this,
            [this](const QString&, bool ok, const QString& text, const QString& focus) {
                console_->showReply(ok, text);
                if (!focus.isEmpty() && focus != selected_)
                    select(focus);
                else if (!selected_.isEmpty())
                    controller_.inspect(selected_.toStdString());
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

    analysis_ = new AnalysisPanel(this);
    auto* analysisDock = new QDockWidget(tr("Analysis"), this);
    analysisDock->setObjectName(QStringLiteral("analysis"));
    analysisDock->setWidget(analysis_);
    // Beside the event log: the table of every process wants the width.
    addDockWidget(Qt::BottomDockWidgetArea, analysisDock);
    tabifyDockWidget(logDock, analysisDock);
    logDock->raise();
    connect(analysis_, &AnalysisPanel::processActivated, this, [this](const QString& path) {
        if (state_ && state_->find(path.toStdString())) canvas_->reveal(path);
    });
    connect(analysis_, &AnalysisPanel::processesHighlighted, canvas_, &TreeCanvas::setHighlighted);
    connect(analysis_, &AnalysisPanel::heatChanged, canvas_, &TreeCanvas::setHeat);
}

void MainWindow::analyze() {
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("analysis"))) {
        dock->show();
        dock->raise();
    }
    analysis_->start();
}

bool MainWindow::openFile(const QString& path) {
    const QString suffix = QFileInfo(path).suffix();
    const bool project = QFileInfo(path).isDir();
    const bool template_ = path.endsWith(QLatin1String(".ex.eex")); // a generator's template
    if (project || template_ || suffix == QLatin1String("ex") || suffix == QLatin1String("exs"))
        return importElixirPath(path, false);
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

void MainWindow::showConsole() {
    if (auto* dock = findChild<QDockWidget*>(QStringLiteral("console"))) {
        dock->show();
        dock->raise();
    }
    console_->setFocus();
}

bool MainWindow::openLesson(std::size_t index) {
    if (index >= std::size(kLessonSessions)) return false;
    const LessonSession& lesson = kLessonSessions[index];
    QFile sourceFile(QString::fromLatin1(lesson.source));
    QFile transcriptFile(QString::fromLatin1(lesson.transcript));
    if (!sourceFile.open(QIODevice::ReadOnly) || !transcriptFile.open(QIODevice::ReadOnly))
        return false;
    const std::string source = sourceFile.readAll().toStdString();
    const QString label = QFileInfo(sourceFile.fileName()).fileName();
    std::optional<Scenario> scenario;
    RunStart how;
    if (label.endsWith(QLatin1String(".json"))) {
        LoadResult loaded = loadScenarioText(source, label.toStdString());
        if (!loaded.ok()) return false;
        scenario = std::move(loaded.scenario);
        scenario->script.clear(); // the session is the script
    } else {
        ImportResult imported = suplab::importElixir(source, label.toStdString());
        if (!imported.scenario) return false;
        scenario = std::move(imported.scenario);
        how = RunStart{false, source}; // the session's first line starts the tree
    }
    if (lesson.moreModules) {
        QFile more(QString::fromLatin1(lesson.moreModules));
        if (!more.open(QIODevice::ReadOnly)) return false;
        how.modules += "\n" + more.readAll().toStdString();
    }
    scenario->stop_at_end = false;
    scenario->name = tr(lesson.title).toStdString(); // the window and the console say which
    use(std::move(*scenario), label, {}, std::move(how));
    console_->setTranscript(console::parseTranscript(transcriptFile.readAll().toStdString()),
                            tr(lesson.title));
    showConsole();
    return true;
}

void MainWindow::use(Scenario scenario, const QString& label, const QString& fileForRecent,
                     RunStart how) {
    scenario_ = std::move(scenario);
    runStart_ = std::move(how);
    console_->clearTranscript();
    scenarioLabel_ = label;
    currentFile_ = fileForRecent;
    if (!fileForRecent.isEmpty()) rememberRecent(fileForRecent);
    analysis_->setScenario(*scenario_, std::exchange(importAssumed_, {}));
    log_->reset(); // a filter set for the last scenario would hide this one's events
    restart();
}

void MainWindow::restart() {
    if (!scenario_) return;
    controller_.stop();
    lives_->refresh(nullptr, 0, {}); // nothing of the old tree is kept
    // A new run starts its seq again at 1: it does not belong in the same file.
    stopRecording(tr("Recording stopped as the run restarted"));
    state_ = std::make_unique<TreeState>(*scenario_, runStart_.treeUp);
    log_->model().clear();
    liveText_.clear();
    canvas_->clear();
    chart_->clear();
    timeline_->clearMarks();
    notice_->dismiss();
    selected_.clear();
    inspected_ = {};
    log_->setSelected({});
    pollCursor_ = 0;
    updateInspector();
    const bool virt = virtualAction_->isChecked();
    controller_.start(*scenario_, virt ? ClockKind::Virtual : ClockKind::Real, speed_->value(),
                      runStart_);
    console_->runRestarted(q(scenario_->name));
    controller_.setPaused(pauseAction_->isChecked() && virt);
    setWindowTitle(tr("SupLab: %1").arg(q(scenario_->name)));
    timeline_->setScript(scenario_->script, scenario_->settle_ms);
    lives_->refresh(state_.get(), 0, {});
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
    {
        const QSignalBlocker quiet(virtualAction_);
        virtualAction_->setChecked(on);
    }
    pauseAction_->setEnabled(on);
    stepAction_->setEnabled(on);
    if (!on) pauseAction_->setChecked(false);
    restart();
}

QString MainWindow::startRecording(const QString& file) {
    if (recorder_) stopRecording(tr("Recording stopped"));
    std::string error;
    recorder_ = EventRecorder::open(file.toStdString(), error);
    if (!recorder_) return q(error);
    // The run so far, then each batch as it comes.
    const EventStore& store = log_->model().store();
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
        notice_->say(tr("Recording to %1 stopped after %2 events: %3. The event log in the "
                        "window is complete; export it to keep it.")
                         .arg(file)
                         .arg(written)
                         .arg(q(*error)));
        statusBar()->showMessage(tr("Recording to %1 failed: %2").arg(file, q(*error)));
        return;
    }
    statusBar()->showMessage(tr("%1: %2 events in %3").arg(why).arg(written).arg(file), 8000);
}

void MainWindow::onEvents(const std::vector<Event>& events) {
    if (!state_) return;
    if (recorder_) recorder_->append(events);
    for (const auto& e : events) {
        state_->apply(e);
        if (e.kind == EventKind::GiveUp) // on the script bar too, until the next reset
            timeline_->addMark(e.tUs, tr("%1 gave up").arg(q(e.path).section(QLatin1Char('/'), -1)),
                               tr("%1 gave up at %2 s").arg(q(e.path)).arg(e.tUs / 1e6, 0, 'f', 2));
    }
    log_->append(events);
}

void MainWindow::onFrame() {
    if (recorder_ && recorder_->error()) stopRecording(tr("Recording failed"));
    if (!state_) return;
    const std::int64_t now = controller_.nowUs();
    // Only what changed is drawn again; a flash fading or a budget draining counts.
    canvas_->refresh(*state_, now, liveText_);
    if (++chartTick_ % 8 == 0) {
        chart_->sample(*state_, now, selected_);
        lives_->refresh(state_.get(), now, selected_);
    }
    timeline_->setNow(now);
    if (chartTick_ % 15 == 0 && !selected_.isEmpty()) updateInspector();
    updateStatus();
}

void MainWindow::pollLiveState() {
    // Workers' live state for their boxes: those drawn, a batch at a time, round robin.
    if (!state_ || !controller_.running()) return;
    const auto& nodes = state_->nodes();
    if (pollCursor_ >= nodes.size()) pollCursor_ = 0;
    auto it = std::next(nodes.begin(), std::ptrdiff_t(pollCursor_));
    int asked = 0;
    for (std::size_t seen = 0; seen < nodes.size() && asked < kPollBatch; ++seen) {
        if (it == nodes.end()) it = nodes.begin();
        const auto& [path, node] = *it++;
        if (node.state != ProcessState::Running || node.isSupervisor() || !node.spec ||
            node.spec->behaviour == "generic" || !canvas_->item(q(path)))
            continue;
        controller_.inspect(path);
        ++asked;
    }
    pollCursor_ = std::size_t(std::distance(nodes.begin(), it));
    if (!selected_.isEmpty()) controller_.inspect(selected_.toStdString());
}

void MainWindow::updateStatus() {
    const double t = double(controller_.nowUs()) / 1e6;
    QString clock = controller_.clock() == ClockKind::Virtual
                        ? tr("virtual clock %1\u00D7%2")
                              .arg(controller_.speed())
                              .arg(controller_.paused() ? tr(", paused") : QString())
                        : tr("real clock");
    clockLabel_->setText(
        tr("%1  t = %2 s  %3 events").arg(clock).arg(t, 0, 'f', 2).arg(log_->model().rowCount()));
}

void MainWindow::select(const QString& path) {
    canvas_->setSelected(path, true);
}

void MainWindow::onSelected(const QString& path) {
    selected_ = path;
    inspected_ = {};
    if (!path.isEmpty()) controller_.inspect(path.toStdString());
    log_->setSelected(path);
    updateInspector();
}

void MainWindow::onEscape() {
    if (find_->isVisible()) {
        find_->hide();
        canvas_->setFocus();
    } else if (!selected_.isEmpty()) {
        canvas_->setSelected({}, true);
    } else {
        notice_->dismiss();
    }
}

QString MainWindow::inspectorText() const {
    return inspector_->toPlainText();
}

void MainWindow::updateInspector() {
    const ProcessNode* n = state_ ? state_->find(selected_.toStdString()) : nullptr;
    const QString html =
        n ? inspectorHtml(*state_, *n, controller_.nowUs(), inspected_)
          : tr("<p>Click a process to inspect it; right-click to break it. Esc or a click on "
               "the empty canvas selects nothing.</p><p>Ctrl+F finds a process; L shows what "
               "the marks mean.</p>");
    if (html == inspectorHtml_) return;
    inspectorHtml_ = html;
    // Keep the reader's place: the page is written again every half second.
    const int scroll = inspector_->verticalScrollBar()->value();
    inspector_->setHtml(html);
    inspector_->verticalScrollBar()->setValue(scroll);
}

void MainWindow::performAction(const QString& path, const QString& action,
                               const QString& argument) {
    const std::string p = path.toStdString();
    const ProcessNode* n = state_ ? state_->find(p) : nullptr;
    if (!n || n->state != ProcessState::Running) {
        notice_->say(tr("%1 is not running (%2): nothing done")
                         .arg(path, n ? QString::fromLatin1(toString(n->state)) : tr("unknown")));
        return;
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

void MainWindow::dismissGiveUp(const QString& path) {
    if (!state_ || !state_->dismissGiveUp(path.toStdString())) return;
    timeline_->clearMarks();
    for (const auto& [t, p] : state_->giveUps())
        timeline_->addMark(t, tr("%1 gave up").arg(q(p).section(QLatin1Char('/'), -1)),
                           tr("%1 gave up at %2 s").arg(q(p)).arg(t / 1e6, 0, 'f', 2));
    updateInspector();
}

void MainWindow::showContextMenu(const QString& path, const QPoint& globalPos) {
    if (!state_) return;
    QMenu menu(this);
    ProcessMenuActions actions;
    actions.act = [this](const QString& p, const QString& a, const QString& arg) {
        performAction(p, a, arg);
    };
    actions.startChild = [this](const QString& sup) { startChildDialog(sup); };
    actions.fold = [this](const QString& p, bool fold) { canvas_->setFolded(p, fold); };
    actions.dismissGiveUp = [this](const QString& p) { dismissGiveUp(p); };
    actions.zoomToSelection = [this] { canvas_->zoomToSelection(); };
    actions.refuse = [this](const QString& message) { notice_->say(message); };
    // Typing in the console, a right-click on a process and an action from its menu:
    // the keys typed next go back to the console, not to the canvas' shortcuts.
    const bool typing = focusBeforeCanvas_.data() == static_cast<QWidget*>(&console_->input());
    if (fillProcessMenu(menu, *state_, path, canvas_->isFolded(path), actions))
        menu.exec(globalPos);
    if (typing) console_->setFocus();
}

QString MainWindow::nextChildId(const QString& supervisor) const {
    // The next of its children's own series (user_3 after user_1, user_2), else child_N.
    const ProcessNode* n = state_ ? state_->find(supervisor.toStdString()) : nullptr;
    if (!n) return QStringLiteral("child_1");
    static const QRegularExpression numbered(QStringLiteral("^(.*?)(\\d+)$"));
    QString prefix = QStringLiteral("child_");
    int next = int(n->children.size()) + 1;
    QSet<QString> taken;
    for (const ProcessNode* c : n->childNodes) {
        const QString id = q(c->id);
        taken.insert(id);
        if (const auto m = numbered.match(id); m.hasMatch()) {
            prefix = m.captured(1);
            next = std::max(next, m.captured(2).toInt() + 1);
        }
    }
    while (taken.contains(prefix + QString::number(next)))
        ++next;
    return prefix + QString::number(next);
}

void MainWindow::startChildDialog(const QString& supervisor) {
    StartChildDialog dialog(supervisor, nextChildId(supervisor), this);
    if (dialog.exec() != QDialog::Accepted || !state_) return;
    QStringList errors;
    const NodePtr node = dialog.node(&errors);
    if (!node) {
        notice_->say(tr("Not started: %1").arg(errors.join(QStringLiteral("; "))));
        return;
    }
    state_->expectChild(supervisor.toStdString() + "/" + node->id, node);
    controller_.startChild(supervisor.toStdString(), node);
}

QString MainWindow::exportLog(const QString& file, bool filtered) {
    return log_->exportLog(file, filtered);
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
    return suplab::exportTree(canvas_->scene(), *state_, *scenario_, file, format);
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
        notice_->say(tr("Not saved: %1. Nothing was written.").arg(problem));
}

bool MainWindow::importElixir(const QString& source, const QString& label) {
    return runImported(suplab::importElixir(source.toStdString(), label.toStdString()), label,
                       source);
}

bool MainWindow::runImported(const ImportResult& result, const QString& label,
                             const QString& source) {
    if (!result.scenario) return false;
    // The importer had the loader check it already. Its tree runs at once, as an
    // application's does; the console can call the file's functions.
    importAssumed_.clear();
    for (const auto& line : result.lines(label.toStdString()))
        importAssumed_ << q(line);
    use(*result.scenario, label, {}, RunStart{true, source.toStdString()});
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
    if (dialog.exec() == QDialog::Accepted)
        runImported(dialog.result(), dialog.label(), dialog.source());
}

void MainWindow::importProjectDialog() {
    QSettings settings;
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Import Elixir project"),
        settings.value(QStringLiteral("paths/importProject")).toString());
    if (folder.isEmpty()) return;
    settings.setValue(QStringLiteral("paths/importProject"), folder);
    importElixirPath(folder, true);
}

bool MainWindow::importElixirPath(const QString& path, bool askFirst) {
    // Elixir goes through the importer, which shows what it could not read.
    ImportDialog dialog(this);
    const QString error =
        QFileInfo(path).isDir() ? dialog.openProject(path) : dialog.openFile(path);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Cannot import"), error);
        return false;
    }
    // Read whole: run it. Otherwise show what was not read before running anything.
    if (askFirst || !dialog.result().complete() || !dialog.result().scenario)
        if (dialog.exec() != QDialog::Accepted) return false;
    if (!runImported(dialog.result(), dialog.label(), dialog.source())) return false;
    // Reload reads the file or folder again: edit it in your editor, then F5.
    currentFile_ = path;
    rememberRecent(path);
    return true;
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
        notice_->say(tr("Export failed: %1. The log is kept; nothing was written.").arg(problem));
}

} // namespace suplab
