#include "CompareWindow.h"

#include "window/Theme.h"

#include "canvas/TreeCanvas.h"
#include "io/AtomicFile.h"
#include "state/TreeState.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <QValueAxis>

namespace suplab {

CompareWindow::CompareWindow(const Scenario& scenario, QWidget* parent)
    : QMainWindow(parent), scenario_(scenario) {
    setWindowTitle(tr("Compare strategies: %1").arg(QString::fromStdString(scenario.name)));
    resize(1500, 950);
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);

    auto* setup = new QHBoxLayout();
    const QStringList defaults{QStringLiteral("strategy=one_for_one"),
                               QStringLiteral("strategy=rest_for_one"),
                               QStringLiteral("strategy=one_for_all"), QString()};
    for (int i = 0; i < 4; ++i) {
        auto* edit = new QLineEdit(defaults[i], central);
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
    rate_->setValue(0.5);
    rate_->setSuffix(tr(" faults/s"));
    rate_->setToolTip(
        tr("Seeded chaos: faults per second (0: none, only the script and your clicks)"));
    duration_ = new QDoubleSpinBox(central);
    duration_->setRange(0.1, 3600);
    duration_->setValue(30);
    duration_->setSuffix(tr(" s"));
    seed_ = new QSpinBox(central);
    seed_->setRange(0, 1'000'000);
    seed_->setPrefix(tr("seed "));
    target_ = new QLineEdit(central);
    target_->setPlaceholderText(tr("target subtree (empty: every worker)"));
    speed_ = new QDoubleSpinBox(central);
    speed_->setRange(0.1, 10);
    speed_->setValue(1);
    speed_->setSuffix(QStringLiteral("\u00D7"));
    connect(speed_, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { controller_.setSpeed(v); });
    auto* startButton = new QPushButton(tr("Start / restart lanes"), central);
    connect(startButton, &QPushButton::clicked, this, [this] {
        QString problem;
        if (!startLanes(&problem)) QMessageBox::information(this, tr("Lanes not started"), problem);
    });
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
    rate_->setAccessibleName(tr("Chaos rate"));
    duration_->setAccessibleName(tr("Chaos duration"));
    duration_->setToolTip(tr("How long the chaos goes on"));
    seed_->setAccessibleName(tr("Seed"));
    seed_->setToolTip(tr("Seeds the chaos: the same seed gives the same faults in every lane"));
    target_->setAccessibleName(tr("Chaos target subtree"));
    speed_->setAccessibleName(tr("Lane speed"));
    speed_->setToolTip(tr("Virtual clock speed of the lanes against the wall clock"));
    for (QWidget* w : std::initializer_list<QWidget*>{rate_, duration_, seed_, target_, speed_,
                                                      startButton, exportCsv, exportPng})
        chaosRow->addWidget(w);
    layout->addLayout(chaosRow);

    auto* split = new QSplitter(Qt::Vertical, central);
    lanesBox_ = new QWidget(split);
    new QHBoxLayout(lanesBox_);
    auto* bottom = new QSplitter(Qt::Horizontal, split);
    table_ = new QTableWidget(bottom);
    table_->setAccessibleName(tr("Comparison table"));
    table_->verticalHeader()->hide();
    chart_ = new QChartView(bottom);
    chart_->setAccessibleName(tr("Comparison chart"));
    chart_->setMinimumWidth(420);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({620, 260});
    layout->addWidget(split, 1);
    setCentralWidget(central);

    connect(&controller_, &CompareController::eventsArrived, this, &CompareWindow::onEvents);
    frame_.setInterval(50);
    connect(&frame_, &QTimer::timeout, this, &CompareWindow::refresh);
    frame_.start();
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

bool CompareWindow::startLanes(QString* problem) {
    std::vector<std::string> errors;
    std::vector<LaneSpec> lanes;
    for (auto* edit : laneEdits_)
        if (!edit->text().trimmed().isEmpty())
            lanes.push_back(parseLane(edit->text().trimmed().toStdString(), errors));
    if (lanes.size() < 2) errors.push_back("compare needs at least two lanes");
    std::vector<Scenario> scenarios;
    std::vector<ScriptStep> faults;
    if (rate_->value() > 0) {
        ChaosOptions chaos;
        chaos.ratePerSecond = rate_->value();
        chaos.durationSeconds = duration_->value();
        chaos.seed = std::uint64_t(seed_->value());
        chaos.subtree = target_->text().trimmed().toStdString();
        if (chaosTargets(*scenario_.root, chaos).empty())
            errors.push_back("the chaos target \"" + chaos.subtree +
                             "\" has no workers in this tree");
        faults = chaosSteps(*scenario_.root, chaos);
    }
    for (const auto& lane : lanes) {
        Scenario s = withFaults(applyLane(scenario_, lane, errors), faults);
        s.stop_at_end = false; // the lanes stay up to be compared and broken by hand
        scenarios.push_back(std::move(s));
    }
    if (!errors.empty()) {
        QStringList lines;
        for (const auto& e : errors)
            lines << QString::fromStdString(e);
        if (problem) *problem = lines.join(QLatin1Char('\n'));
        return false;
    }
    controller_.stop();
    // One tree view per lane.
    auto* row = static_cast<QHBoxLayout*>(lanesBox_->layout());
    while (auto* item = row->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    canvases_.clear();
    states_.clear();
    events_.assign(lanes.size(), {});
    labels_.clear();
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        auto* column = new QWidget(lanesBox_);
        auto* v = new QVBoxLayout(column);
        v->setContentsMargins(0, 0, 0, 0);
        labels_.push_back(QString::fromStdString(lanes[i].label));
        auto* title =
            new QLabel(QStringLiteral("<b>%1</b>").arg(labels_.back().toHtmlEscaped()), column);
        v->addWidget(title);
        auto* canvas = new TreeCanvas(column);
        v->addWidget(canvas, 1);
        row->addWidget(column, 1);
        canvases_.push_back(canvas);
        states_.push_back(std::make_unique<TreeState>(scenarios[i]));
        connect(canvas, &TreeCanvas::contextMenuRequested, this,
                [this](const QString& path, const QPoint& at) {
                    QMenu menu(this);
                    menu.addAction(tr("Kill %1 in every lane").arg(path), this,
                                   [=, this] { mirror(path, LaneCommand::Kind::Kill); });
                    menu.addAction(tr("Crash (boom) in every lane"), this, [=, this] {
                        mirror(path, LaneCommand::Kind::Crash, QStringLiteral("boom"));
                    });
                    menu.addAction(tr("Exit signal shutdown in every lane"), this, [=, this] {
                        mirror(path, LaneCommand::Kind::Exit, QStringLiteral("shutdown"));
                    });
                    menu.exec(at);
                });
    }
    const std::int64_t lastStepMs =
        scenarios.front().script.empty() ? 0 : scenarios.front().script.back().at_ms;
    scriptEndUs_ = (lastStepMs + scenarios.front().settle_ms) * 1000;
    lastManualUs_ = -1;
    controller_.start(std::move(scenarios), speed_->value());
    return true;
}

void CompareWindow::mirror(const QString& path, LaneCommand::Kind kind, const QString& arg) {
    lastManualUs_ = controller_.nowUs();
    controller_.apply(LaneCommand{kind, path.toStdString(), arg.toStdString(), nullptr});
}

void CompareWindow::onEvents(int lane, const std::vector<Event>& events) {
    if (lane < 0 || std::size_t(lane) >= states_.size()) return;
    for (const auto& e : events)
        states_[std::size_t(lane)]->apply(e);
    auto& log = events_[std::size_t(lane)];
    log.insert(log.end(), events.begin(), events.end());
}

std::vector<LaneResult> CompareWindow::results() const {
    std::vector<LaneResult> out;
    // Measured as the CLI measures: up to the script's end plus settle_ms, unless
    // faults were clicked after that.
    std::int64_t now = controller_.nowUs();
    if (lastManualUs_ < scriptEndUs_) now = std::min(now, scriptEndUs_);
    for (std::size_t i = 0; i < events_.size(); ++i)
        out.push_back(
            {labels_[i].toStdString(), computeMetrics(events_[i], scenario_.root->id, now)});
    return out;
}

void CompareWindow::refresh() {
    const std::int64_t now = controller_.nowUs();
    for (std::size_t i = 0; i < canvases_.size(); ++i)
        canvases_[i]->refresh(*states_[i], now, {});
    if (++tick_ % 10 != 0 || events_.empty()) return;
    const auto res = results();
    const QStringList headers{
        tr("lane"),        tr("restarts"),     tr("give-ups"),    tr("bystanders"),
        tr("lost"),        tr("faults"),       tr("recovered"),   tr("mean recovery ms"),
        tr("downtime ms"), tr("availability"), tr("reached root")};
    table_->setColumnCount(int(headers.size()));
    table_->setHorizontalHeaderLabels(headers);
    table_->setRowCount(int(res.size()));
    auto* restarts = new QBarSet(tr("restarts"));
    auto* giveUps = new QBarSet(tr("give-ups"));
    auto* bystanders = new QBarSet(tr("bystanders"));
    auto* lost = new QBarSet(tr("lost"));
    QStringList categories;
    for (int r = 0; r < int(res.size()); ++r) {
        const auto& m = res[std::size_t(r)].metrics;
        const QStringList cells{labels_[std::size_t(r)],
                                QString::number(m.restarts),
                                QString::number(m.giveUps),
                                QString::number(m.bystanders),
                                QString::number(m.lost),
                                QString::number(m.faults),
                                QString::number(m.recovered),
                                QString::number(m.meanRecoveryMs, 'f', 1),
                                QString::number(m.downtimeMs, 'f', 0),
                                QString::number(m.availability * 100, 'f', 2) + QLatin1Char('%'),
                                m.rootFailed ? tr("yes") : tr("no")};
        for (int c = 0; c < int(cells.size()); ++c)
            table_->setItem(r, c, new QTableWidgetItem(cells[c]));
        *restarts << m.restarts;
        *giveUps << m.giveUps;
        *bystanders << m.bystanders;
        *lost << m.lost;
        categories << labels_[std::size_t(r)];
    }
    table_->resizeColumnsToContents();
    auto* series = new QBarSeries();
    series->append({restarts, giveUps, bystanders, lost});
    auto* chart = new QChart();
    chart->setTheme(theme::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->addSeries(series);
    chart->setTitle(tr("What each lane's supervisors did with the same faults"));
    auto* x = new QBarCategoryAxis(chart);
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis(chart);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    y->setMin(0);
    y->applyNiceNumbers();
    QChart* previous = chart_->chart();
    chart_->setChart(chart);
    delete previous;
}

QString CompareWindow::exportTable(const QString& file) const {
    return QString::fromStdString(
        writeFileAtomically(file.toStdString(), comparisonCsv(results())));
}

QString CompareWindow::exportChart(const QString& file) {
    const QPixmap image = chart_->grab();
    const QString tmp = file + QStringLiteral(".part");
    if (!image.save(tmp, "PNG")) {
        QFile::remove(tmp);
        return tr("%1: cannot write the image there").arg(file);
    }
    QFile::remove(file);
    if (!QFile::rename(tmp, file)) {
        QFile::remove(tmp);
        return tr("%1: cannot replace it").arg(file);
    }
    return {};
}

} // namespace suplab
