// The main window's menus and tool bars: what each entry does is MainWindow's;
// here is only where it sits, its key and its words.
#include "MainWindow.h"

#include "canvas/TreeCanvas.h"
#include "io/EventRecorder.h"
#include "repl/ConsolePanel.h"
#include "snapshot/TreeSnapshot.h"
#include "timeline/ScriptTimeline.h"
#include "window/ExampleCatalog.h"
#include "window/FindBar.h"
#include "window/ImportDialog.h"
#include "window/NoticeBar.h"
#include "window/Theme.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenuBar>
#include <QSettings>
#include <QShortcut>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QToolBar>

namespace suplab {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

void MainWindow::buildFileMenu() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open..."), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open scenario"), QString(),
            tr("Scenarios (*.json);;Elixir supervisors (*.ex *.exs *.ex.eex);;All files (*)"));
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
    file->addAction(tr("Import Elixir &project..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I),
                    this, [this] { importProjectDialog(); })
        ->setToolTip(tr("Choose a Mix project's folder: its application's whole tree, each "
                        "supervisor followed into its own file"));
    // Spelled out: the platform's SaveAs is empty on some desktops (X11 without a theme).
    file->addAction(tr("Save scenario &as..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                    this, [this] { saveScenarioDialog(); });
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
                notice_->say(tr("Export failed: %1. Nothing was written.").arg(problem));
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
        if (!error.isEmpty()) notice_->say(tr("Cannot record: %1").arg(error));
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::quit);
    updateRecentMenu();

    QMenu* examples = menuBar()->addMenu(tr("&Examples"));
    for (const auto& ex : kScenarioExamples) {
        const QString resource = QString::fromLatin1(ex.resource);
        examples->addAction(tr(ex.title), this, [this, resource] { openExample(resource); });
    }
    // The lesson's sessions, typed line by line into the console.
    QMenu* steps = examples->addMenu(tr("The lesson, &step by step"));
    for (std::size_t i = 0; i < std::size(kLessonSessions); ++i)
        steps->addAction(tr(kLessonSessions[i].title), this, [this, i] { openLesson(i); });
    // The lesson's modules as written in Elixir, opened in the importer.
    QMenu* elixir = examples->addMenu(tr("The lesson in &Elixir (import)"));
    for (const auto& ex : kElixirExamples) {
        const QString resource = QString::fromLatin1(ex.resource);
        elixir->addAction(tr(ex.title), this, [this, resource] {
            ImportDialog dialog(this);
            const QString error = dialog.openFile(resource);
            if (!error.isEmpty()) return;
            if (dialog.exec() == QDialog::Accepted)
                runImported(dialog.result(), dialog.label(), dialog.source());
        });
    }
}

void MainWindow::buildRunMenu() {
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
                                  "Off: the threaded real clock (wall time).\n"
                                  "Switching starts the run again."));
    connect(virtualAction_, &QAction::toggled, this, [this](bool on) {
        useVirtualClock(on);
        // A run cannot change clocks midway: say that it started again.
        notice_->say(on ? tr("Now on the virtual clock: the run started again from t = 0 "
                             "(deterministic; Space pauses, N steps).")
                        : tr("Now on the real clock: the run started again from t = 0."));
    });
    bar->addAction(virtualAction_);
    pauseAction_ = run->addAction(tr("&Pause"), QKeySequence(Qt::Key_Space));
    pauseAction_->setCheckable(true);
    pauseAction_->setEnabled(false);
    connect(pauseAction_, &QAction::toggled, this, [this](bool on) { controller_.setPaused(on); });
    bar->addAction(pauseAction_);
    stepAction_ = run->addAction(tr("&Step to next event"), QKeySequence(Qt::Key_N), this, [this] {
        // A step is taken from a paused clock: pause first, as a debugger does.
        if (!pauseAction_->isChecked()) pauseAction_->setChecked(true);
        controller_.stepToNextEvent();
    });
    stepAction_->setEnabled(false);
    bar->addAction(stepAction_);
    speed_ = new QDoubleSpinBox(this);
    speed_->setRange(0.1, 10.0);
    speed_->setSingleStep(0.1);
    speed_->setValue(1.0);
    speed_->setSuffix(QStringLiteral("\u00D7"));
    speed_->setToolTip(tr("Virtual clock speed against the wall clock (set it before or after "
                          "switching to the virtual clock)"));
    speed_->setAccessibleName(tr("Speed"));
    connect(speed_, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { controller_.setSpeed(v); });
    bar->addWidget(speed_);
    QMenu* speeds = run->addMenu(tr("Spee&d"));
    auto* speedGroup = new QActionGroup(this);
    for (double s : {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0}) {
        QAction* a = speeds->addAction(QStringLiteral("%1\u00D7").arg(s));
        a->setCheckable(true);
        speedGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, s] { speed_->setValue(s); });
        connect(speed_, &QDoubleSpinBox::valueChanged, a,
                [a, s](double v) { a->setChecked(qFuzzyCompare(v, s)); });
    }
    speeds->setToolTip(tr("The virtual clock's speed"));
    speedMenu_ = speeds;

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
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &MainWindow::onEscape);

    run->addSeparator();
    run->addAction(tr("&Compare strategies..."), QKeySequence(Qt::CTRL | Qt::Key_M), this,
                   [this] { openCompare(); });
    run->addAction(tr("&Analyze resilience"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this,
                   [this] { analyze(); });

    addToolBarBreak();
    QToolBar* scriptBar = addToolBar(tr("Script"));
    scriptBar->setObjectName(QStringLiteral("scriptbar"));
    timeline_ = new ScriptTimeline(this);
    timeline_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    scriptBar->addWidget(timeline_);
}

void MainWindow::buildViewMenu() {
    viewMenu_ = menuBar()->addMenu(tr("&View"));
    QMenu* view = viewMenu_;
    view->addAction(tr("&Find a process..."), QKeySequence::Find, this,
                    [this] { find_->open(state_.get()); });
    view->addSeparator();
    view->addAction(tr("&Fit tree"), QKeySequence(Qt::CTRL | Qt::Key_0), this,
                    [this] { canvas_->fit(); });
    view->addAction(tr("Zoom to &selection"), QKeySequence(Qt::Key_Z), this,
                    [this] { canvas_->zoomToSelection(); });
    QAction* zoomIn = view->addAction(tr("Zoom &in"), this, [this] { canvas_->zoomBy(1.2); });
    // Ctrl+= as well as Ctrl++: on most keyboards + needs Shift.
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    view->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, this,
                    [this] { canvas_->zoomBy(1 / 1.2); });
    view->addSeparator();
    QAction* legend = view->addAction(tr("&Legend"));
    legend->setCheckable(true);
    legend->setShortcut(QKeySequence(Qt::Key_L));
    connect(legend, &QAction::toggled, canvas_, &TreeCanvas::setLegendVisible);
    connect(view, &QMenu::aboutToShow, legend, [this, legend] {
        const QSignalBlocker quiet(legend);
        legend->setChecked(canvas_->legendVisible());
    });
    QAction* uses = view->addAction(tr("&Dependencies (uses)"));
    uses->setCheckable(true);
    uses->setChecked(true);
    uses->setToolTip(tr("Draw each worker's `uses` as a dashed arrow to the sibling it calls"));
    connect(uses, &QAction::toggled, canvas_, &TreeCanvas::setShowUses);
    view->addAction(tr("Go to the &console"), QKeySequence(Qt::CTRL | Qt::Key_QuoteLeft), this,
                    [this] { showConsole(); });
    QMenu* panels = view->addMenu(tr("&Panels"));
    for (auto* dock : findChildren<QDockWidget*>())
        panels->addAction(dock->toggleViewAction());
    for (auto* bar : findChildren<QToolBar*>())
        panels->addAction(bar->toggleViewAction());
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

} // namespace suplab
