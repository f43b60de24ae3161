#include "CompareWindow.h"

#include "canvas/TreeCanvas.h"
#include "events/EventFormat.h"
#include "io/AtomicFile.h"
#include "lanes/CompareChart.h"
#include "lanes/CompareTable.h"
#include "state/TreeState.h"

#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace suplab {

namespace {

QString seconds(std::int64_t us) {
    return QString::number(double(us) / 1e6, 'f', 1);
}

} // namespace

QStringList CompareWindow::defaultLanes(const Scenario& scenario) {
    if (scenario.root && scenario.root->type == NodeType::DynamicSupervisor)
        return {QStringLiteral("max_restarts=3"), QStringLiteral("max_restarts=10")};
    return {QStringLiteral("strategy=one_for_one"), QStringLiteral("strategy=rest_for_one"),
            QStringLiteral("strategy=one_for_all")};
}

CompareWindow::CompareWindow(const Scenario& scenario, QWidget* parent)
    : QMainWindow(parent), scenario_(scenario) {
    setWindowTitle(tr("Compare strategies: %1").arg(QString::fromStdString(scenario.name)));
    resize(1500, 950);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    auto* setup = new QHBoxLayout();
    const QStringList defaults = defaultLanes(scenario);
    for (int i = 0; i < 4; ++i) {
        auto* edit = new QLineEdit(i < defaults.size() ? defaults[i] : QString(), central);
        edit->setPlaceholderText(i < 2 ? tr("lane %1 overrides").arg(i + 1)
                                       : tr("lane %1 (optional)").arg(i + 1));
        edit->setToolTip(tr("Overrides for this lane, comma-separated:\nstrategy=rest_for_one, "
                            "max_restarts=10, max_seconds=1,\n"
                            "PATH.strategy=..., PATH.restart=transient"));
        edit->setAccessibleName(tr("Lane %1 overrides").arg(i + 1));
        laneEdits_.push_back(edit);
        setup->addWidget(edit, 1);
    }
    layout->addLayout(setup);

    auto* chaosRow = new QHBoxLayout();
    rate_ = new QDoubleSpinBox(central);
    rate_->setRange(0, 1000);
    rate_->setDecimals(2);
    rate_->setSingleStep(0.05);
    rate_->setValue(kDefaultRate);
    rate_->setSuffix(tr(" faults/s"));
    rate_->setToolTip(
        tr("Seeded chaos: faults per second over the whole target, not per process.\n"
           "0.1 is one fault every 10 s on average, at random instants, each a kill or a crash\n"
           "of one worker of the target picked at random. 0: none, only the script and your "
           "clicks.\nA supervisor gives up after more than max_restarts restarts in max_seconds "
           "(3 in 5 s by default),\nso from about 0.5 faults/s most roots give up within "
           "seconds."));
    duration_ = new QDoubleSpinBox(central);
    duration_->setRange(0.1, 3600);
    duration_->setValue(kDefaultDuration);
    duration_->setSuffix(tr(" s"));
    seed_ = new QSpinBox(central);
    seed_->setRange(0, 1'000'000);
    seed_->setPrefix(tr("seed "));
    target_ = new QLineEdit(central);
    target_->setPlaceholderText(tr("target subtree (empty: every worker)"));
    target_->setToolTip(tr("Chaos faults land only on workers at or below this path"));
    speed_ = new QDoubleSpinBox(central);
    speed_->setRange(0.1, 10);
    speed_->setValue(1);
    speed_->setSuffix(QStringLiteral("\u00D7"));
    connect(speed_, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { controller_.setSpeed(v); });
    auto* startButton = new QPushButton(tr("Start / restart lanes"), central);
    startButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    startButton->setToolTip(tr("Start every lane again from t = 0 with these settings (Ctrl+R)"));
    connect(startButton, &QPushButton::clicked, this, [this] {
        QString problem;
        if (!startLanes(&problem)) QMessageBox::warning(this, tr("Lanes not started"), problem);
    });
    pause_ = new QPushButton(tr("Pause"), central);
    pause_->setCheckable(true);
    pause_->setShortcut(QKeySequence(Qt::Key_Space));
    pause_->setToolTip(tr("Stop or resume the lanes' clock (Space); faults you click still land"));
    connect(pause_, &QPushButton::toggled, this, &CompareWindow::setPaused);
    auto* exportCsv = new QPushButton(tr("Export table (CSV)..."), central);
    connect(exportCsv, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Export comparison"), QStringLiteral("comparison.csv"), tr("CSV (*.csv)"));
        if (f.isEmpty()) return;
        const QString problem = exportTable(f);
        if (!problem.isEmpty()) QMessageBox::warning(this, tr("Export failed"), problem);
    });
    auto* exportPng = new QPushButton(tr("Export chart (PNG)..."), central);
    connect(exportPng, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(
            this, tr("Export chart"), QStringLiteral("comparison.png"), tr("PNG (*.png)"));
        if (f.isEmpty()) return;
        const QString problem = exportChart(f);
        if (!problem.isEmpty()) QMessageBox::warning(this, tr("Export failed"), problem);
    });
    auto* exportLogs = new QPushButton(tr("Export lane logs..."), central);
    exportLogs->setToolTip(tr("Each lane's events up to the window's end as JSON Lines, one file "
                              "per lane: the records the table was measured from"));
    connect(exportLogs, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export lane logs to"));
        if (dir.isEmpty()) return;
        const QString problem = exportLaneLogs(dir);
        if (!problem.isEmpty()) QMessageBox::warning(this, tr("Export failed"), problem);
    });
    withScript_ = new QCheckBox(tr("script"), central);
    withScript_->setChecked(true);
    withScript_->setToolTip(tr("Play the scenario's own script beside the chaos; unticked, the "
                               "lanes get the chaos only"));
    auto* closeButton = new QPushButton(tr("Close"), central);
    closeButton->setToolTip(tr("Close compare mode (Ctrl+W, Esc)"));
    connect(closeButton, &QPushButton::clicked, this, &QWidget::close);
    for (const QKeySequence& key :
         {QKeySequence(Qt::CTRL | Qt::Key_W), QKeySequence(Qt::Key_Escape)})
        connect(new QShortcut(key, this), &QShortcut::activated, this, &QWidget::close);
    rate_->setAccessibleName(tr("Chaos rate"));
    duration_->setAccessibleName(tr("Chaos duration"));
    duration_->setToolTip(tr("How long the chaos goes on; the table measures this window (or up "
                             "to the script's end and settle_ms, if that is later)"));
    seed_->setAccessibleName(tr("Seed"));
    seed_->setToolTip(tr("Seeds the chaos: the same seed gives the same faults in every lane"));
    target_->setAccessibleName(tr("Chaos target subtree"));
    speed_->setAccessibleName(tr("Lane speed"));
    speed_->setToolTip(tr("Virtual clock speed of the lanes against the wall clock"));
    for (QWidget* w : std::initializer_list<QWidget*>{rate_, duration_, seed_, target_, withScript_,
                                                      speed_, startButton, pause_, exportCsv,
                                                      exportPng, exportLogs, closeButton})
        chaosRow->addWidget(w);
    layout->addLayout(chaosRow);

    auto* clockRow = new QHBoxLayout();
    clock_ = new QLabel(central);
    clock_->setAccessibleName(tr("Lane clock"));
    clock_->setMinimumWidth(clock_->fontMetrics().horizontalAdvance(
        QStringLiteral("t = 0000.0 s (window ended at 0000.0 s), paused")));
    progress_ = new QProgressBar(central);
    progress_->setAccessibleName(tr("Measured window progress"));
    progress_->setRange(0, 1000);
    progress_->setToolTip(tr("How far the lanes are through the window the table measures"));
    clockRow->addWidget(clock_);
    clockRow->addWidget(progress_, 1);
    layout->addLayout(clockRow);

    auto* split = new QSplitter(Qt::Vertical, central);
    lanesStack_ = new QStackedWidget(split);
    hint_ = new QLabel(lanesStack_);
    hint_->setWordWrap(true);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setMargin(24);
    lanesStack_->addWidget(hint_);
    auto* lanesPage = new QWidget(lanesStack_);
    auto* lanesColumn = new QVBoxLayout(lanesPage);
    lanesColumn->setContentsMargins(0, 0, 0, 0);
    auto* intro = new QLabel(
        tr("Each lane is this scenario with the overrides above; one clock drives them all and "
           "every fault lands in every lane at the same instant. Right-click a process to break "
           "it in every lane."),
        lanesPage);
    intro->setWordWrap(true);
    lanesColumn->addWidget(intro);
    lanesBox_ = new QWidget(lanesPage);
    new QHBoxLayout(lanesBox_);
    lanesColumn->addWidget(lanesBox_, 1);
    lanesStack_->addWidget(lanesPage);

    auto* bottom = new QSplitter(Qt::Horizontal, split);
    auto* tableBox = new QWidget(bottom);
    auto* tableColumn = new QVBoxLayout(tableBox);
    tableColumn->setContentsMargins(0, 0, 0, 0);
    windowLabel_ = new QLabel(tableBox);
    windowLabel_->setWordWrap(true);
    tableColumn->addWidget(windowLabel_);
    notes_ = new QLabel(tableBox);
    notes_->setWordWrap(true);
    notes_->setAccessibleName(tr("Notes on the numbers"));
    tableColumn->addWidget(notes_);
    table_ = new CompareTable(tableBox);
    tableColumn->addWidget(table_, 1);
    chart_ = new CompareChart(bottom);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({1100, 400}); // the table, whose columns say most, gets the room
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({560, 320});
    layout->addWidget(split, 1);
    setCentralWidget(central);

    connect(&controller_, &CompareController::eventsArrived, this, &CompareWindow::onEvents);
    connect(&controller_, &CompareController::commandFailed, this,
            [this](int lane, const QString& what, const QString& message) {
                const QString label = lane < overrides_.size() ? overrides_[lane] : QString();
                statusBar()->showMessage(
                    tr("%1 in lane %2 (%3): %4").arg(what).arg(lane + 1).arg(label, message),
                    10000);
            });
    frame_.setInterval(100);
    connect(&frame_, &QTimer::timeout, this, &CompareWindow::refresh);
    frame_.start();

    // Never a blank window: the default lanes run at once, or the hint says why not.
    QString problem;
    if (!startLanes(&problem)) showHint(problem);
}

const QTableWidget& CompareWindow::table() const {
    return *table_;
}

CompareWindow::~CompareWindow() {
    controller_.stop();
}

void CompareWindow::setLanes(const QStringList& overrides) {
    for (int i = 0; i < 4; ++i)
        laneEdits_[std::size_t(i)]->setText(i < overrides.size() ? overrides[i] : QString());
}

void CompareWindow::setChaos(double rate, double seconds, quint64 seed, const QString& target) {
    rate_->setValue(rate);
    duration_->setValue(seconds);
    seed_->setValue(int(seed));
    target_->setText(target);
}

void CompareWindow::setPaused(bool paused) {
    controller_.setPaused(paused);
    if (pause_->isChecked() != paused) pause_->setChecked(paused);
    pause_->setText(paused ? tr("Resume") : tr("Pause"));
    updateClock();
}

void CompareWindow::showHint(const QString& problem) {
    QString text =
        tr("<p><b>Compare strategies</b> runs this scenario in 2 to 4 lanes side by side, each "
           "with the overrides written above it (for example <tt>strategy=rest_for_one</tt> or "
           "<tt>max_restarts=10,max_seconds=1</tt>), on one clock. The same faults (the "
           "script's, the seeded chaos's and those you click) land in every lane at the same "
           "instant, and the table below says what each lane's supervisors made of them.</p>"
           "<p>Write the lanes' overrides and press <b>Start / restart lanes</b> (Ctrl+R).</p>");
    if (!problem.isEmpty())
        text +=
            tr("<p><b>The lanes could not start:</b><br>%1</p>")
                .arg(problem.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    hint_->setText(text);
    lanesStack_->setCurrentWidget(hint_);
}

QString CompareWindow::hintText() const {
    return lanesStack_->currentWidget() == hint_ ? hint_->text() : QString();
}

bool CompareWindow::startLanes(QString* problem) {
    std::vector<std::string> errors;
    std::vector<LaneSpec> lanes;
    QStringList overrides;
    for (auto* edit : laneEdits_)
        if (!edit->text().trimmed().isEmpty()) {
            overrides << edit->text().trimmed();
            lanes.push_back(parseLane(overrides.back().toStdString(), errors));
        }
    if (lanes.size() < 2) errors.push_back("compare needs at least two lanes");
    std::vector<Scenario> scenarios;
    std::optional<ChaosOptions> chaos;
    if (rate_->value() > 0) {
        chaos.emplace();
        chaos->ratePerSecond = rate_->value();
        chaos->durationSeconds = duration_->value();
        chaos->seed = std::uint64_t(seed_->value());
        chaos->subtree = target_->text().trimmed().toStdString();
        if (chaosTargets(*scenario_.root, *chaos).empty())
            errors.push_back("the chaos target \"" + chaos->subtree +
                             "\" has no workers in this tree");
    }
    CompareOptions options;
    options.chaos = chaos;
    options.withScript = withScript_->isChecked();
    for (const auto& lane : lanes) // stop_at_end off: the lanes stay up to be broken by hand
        scenarios.push_back(playedScenario(applyLane(scenario_, lane, errors), options));
    if (!errors.empty()) {
        QStringList lines;
        for (const auto& e : errors)
            lines << QString::fromStdString(e);
        if (problem) *problem = lines.join(QLatin1Char('\n'));
        return false;
    }
    controller_.stop();
    // One tree view per lane, titled with its overrides and how its root is doing.
    auto* row = static_cast<QHBoxLayout*>(lanesBox_->layout());
    while (auto* item = row->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    titles_.clear();
    canvases_.clear();
    states_.clear();
    lanes_.assign(lanes.size(), {});
    overrides_ = overrides;
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        auto* column = new QWidget(lanesBox_);
        auto* v = new QVBoxLayout(column);
        v->setContentsMargins(0, 0, 0, 0);
        auto* title = new QLabel(column);
        title->setTextFormat(Qt::RichText);
        title->setWordWrap(true);
        v->addWidget(title);
        auto* canvas = new TreeCanvas(column);
        canvas->setAccessibleName(tr("Lane %1 tree").arg(i + 1));
        v->addWidget(canvas, 1);
        row->addWidget(column, 1);
        titles_.push_back(title);
        canvases_.push_back(canvas);
        states_.push_back(std::make_unique<TreeState>(scenarios[i]));
        connect(canvas, &TreeCanvas::contextMenuRequested, this,
                [this](const QString& path, const QPoint& at) {
                    QMenu menu(this);
                    menu.addAction(tr("Kill %1 in every lane").arg(path), this,
                                   [=, this] { mirror(path, Action::Kind::Kill); });
                    menu.addAction(tr("Crash (boom) in every lane"), this, [=, this] {
                        mirror(path, Action::Kind::Crash, QStringLiteral("boom"));
                    });
                    menu.addAction(tr("Exit signal shutdown in every lane"), this, [=, this] {
                        mirror(path, Action::Kind::Exit, QStringLiteral("shutdown"));
                    });
                    menu.exec(at);
                });
    }
    lanesStack_->setCurrentIndex(1);
    baseEndUs_ = measuredWindowEndUs(scenarios.front(), chaos);
    const std::int64_t chaosEndUs =
        chaos ? std::int64_t(chaos->durationSeconds * 1e6) : std::int64_t(0);
    const std::int64_t lastStepUs =
        scenarios.front().script.empty() ? 0 : scenarios.front().script.back().at_ms * 1000;
    baseEndReason_ = chaos && chaosEndUs >= lastStepUs
                         ? tr("the chaos's %1 s, then settle_ms").arg(seconds(chaosEndUs))
                         : tr("the script's end, then settle_ms");
    played_ = scenarios;
    QStringList notes;
    for (const std::string& note : comparisonNotes(scenarios.front()))
        notes << QString::fromStdString(note);
    notes_->setText(notes.join(QLatin1Char(' ')));
    notes_->setVisible(!notes.isEmpty());
    shownUs_ = 0;
    measuredUs_ = -1;
    chart_->setLanes(overrides_);
    table_->setLanes(overrides_);
    controller_.start(std::move(scenarios), speed_->value());
    setPaused(false);
    refresh();
    return true;
}

void CompareWindow::mirror(const QString& path, Action::Kind kind, const QString& reason) {
    controller_.apply(
        Action::signal(kind, path.toStdString(),
                       reason.isEmpty() ? Reason::kill() : Reason::parse(reason.toStdString()))
            .from("the GUI", kPersonCallTimeoutMs));
}

void CompareWindow::onEvents(int lane, const std::vector<Event>& events) {
    if (lane < 0 || std::size_t(lane) >= lanes_.size()) return;
    auto& l = lanes_[std::size_t(lane)];
    l.log.insert(l.log.end(), events.begin(), events.end());
    l.pending.insert(l.pending.end(), events.begin(), events.end());
}

std::int64_t CompareWindow::windowEndUs() const {
    // A fault clicked late is measured as a scripted one would be: to settle_ms after it.
    const std::int64_t clicked = controller_.lastCommandUs();
    return clicked < 0 ? baseEndUs_ : std::max(baseEndUs_, clicked + scenario_.settle_ms * 1000);
}

std::vector<LaneResult> CompareWindow::measure(std::int64_t untilUs) const {
    std::vector<LaneResult> out;
    const std::int64_t end = std::min(untilUs, windowEndUs());
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        MeasureWindow window = measureWindowOf(played_[i], end);
        window.faultsInjected += controller_.faultsApplied(); // clicked: in every lane
        out.push_back(
            {overrides_[int(i)].toStdString(), computeMetrics(lanes_[i].log, window), {}});
    }
    return out;
}

std::vector<LaneResult> CompareWindow::results() const {
    return measure(controller_.deliveredUs());
}

QString CompareWindow::laneNow(int lane) const {
    const Lane& l = lanes_[std::size_t(lane)];
    if (l.rootGaveUpUs >= 0) // to the canvas' precision: both say 3.05 s
        return tr("root gave up at t = %1 s").arg(double(l.rootGaveUpUs) / 1e6, 0, 'f', 2);
    if (l.rootDownUs >= 0) return tr("root down at t = %1 s").arg(seconds(l.rootDownUs));
    return tr("running");
}

QString CompareWindow::laneTitle(int lane) const {
    return titles_.at(std::size_t(lane))->text();
}

void CompareWindow::refresh() {
    // Trees, table and chart are drawn from the same events at the same instant.
    shownUs_ = std::max<std::int64_t>(0, controller_.deliveredUs());
    const std::string& root = scenario_.root->id;
    bool changed = false;
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        Lane& l = lanes_[i];
        for (const Event& e : l.pending) {
            states_[i]->apply(e);
            if (e.path == root && e.kind == EventKind::GiveUp && l.rootGaveUpUs < 0)
                l.rootGaveUpUs = e.tUs;
            if (e.path == root && e.kind == EventKind::Down && l.rootDownUs < 0)
                l.rootDownUs = e.tUs;
        }
        changed = changed || !l.pending.empty();
        l.pending.clear();
        canvases_[i]->refresh(*states_[i], shownUs_, {});
        const bool failed = l.rootGaveUpUs >= 0 || l.rootDownUs >= 0;
        titles_[i]->setText(
            QStringLiteral("<b>%1: %2</b> \u2014 <span style=\"color:%3\">%4</span>")
                .arg(i + 1)
                .arg(overrides_[int(i)].toHtmlEscaped(),
                     failed ? QStringLiteral("#c0392b") : QStringLiteral("#2e8b57"),
                     laneNow(int(i)).toHtmlEscaped()));
    }
    // Past the window's end the numbers no longer change: measure only while inside.
    const std::int64_t at = std::min(shownUs_, windowEndUs());
    if (at != measuredUs_ || changed) {
        const auto res = measure(at);
        measuredUs_ = at;
        updateTable(res);
        chart_->setResults(res);
    }
    for (int r = 0; r < int(lanes_.size()); ++r)
        table_->showLaneNow(r, laneNow(r));
    updateClock();
    Q_EMIT refreshed();
}

void CompareWindow::updateTable(const std::vector<LaneResult>& results) {
    table_->showResults(results);
    windowLabel_->setText(windowText());
}

QString CompareWindow::windowText() const {
    const std::int64_t end = windowEndUs();
    const bool widened = end > baseEndUs_;
    const QString span = tr("0\u2013%1 s").arg(seconds(end));
    const QString why =
        widened
            ? tr("widened by a fault clicked at t = %1 s").arg(seconds(controller_.lastCommandUs()))
            : baseEndReason_;
    if (shownUs_ < end)
        return tr("Measuring over %1 (%2): at t = %3 s").arg(span, why, seconds(shownUs_));
    return tr("Measured over %1 (%2). The lanes run on; the table no longer changes unless you "
              "click a fault.")
        .arg(span, why);
}

QString CompareWindow::clockText() const {
    const std::int64_t end = windowEndUs();
    QString text = shownUs_ < end
                       ? tr("t = %1 s of %2 s").arg(seconds(shownUs_), seconds(end))
                       : tr("t = %1 s (window ended at %2 s)").arg(seconds(shownUs_), seconds(end));
    if (controller_.paused()) text += tr(", paused");
    return text;
}

void CompareWindow::updateClock() {
    clock_->setText(clockText());
    const std::int64_t end = std::max<std::int64_t>(1, windowEndUs());
    progress_->setValue(int(std::min<std::int64_t>(shownUs_, end) * 1000 / end));
    progress_->setFormat(shownUs_ < end ? tr("measuring: %p%") : tr("window measured"));
}

QString CompareWindow::exportTable(const QString& file) const {
    return QString::fromStdString(
        writeFileAtomically(file.toStdString(), comparisonCsv(results())));
}

QString CompareWindow::exportLaneLogs(const QString& dir) const {
    const std::int64_t end = std::min(controller_.deliveredUs(), windowEndUs());
    for (std::size_t i = 0; i < lanes_.size(); ++i) {
        std::vector<Event> measured;
        for (const Event& e : lanes_[i].log)
            if (e.tUs <= end) measured.push_back(e);
        const QString file = QDir(dir).filePath(
            QString::fromStdString(laneLogName(i, overrides_[int(i)].toStdString())));
        const std::string problem = writeFileAtomically(file.toStdString(), jsonl(measured));
        if (!problem.empty()) return QString::fromStdString(problem);
    }
    return {};
}

QString CompareWindow::exportChart(const QString& file) {
    refresh(); // the image shows what the table says now
    return chart_->exportPng(file);
}

} // namespace suplab
