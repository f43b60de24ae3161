#include "AnalysisPanel.h"

#include "analysis/AnalysisFormat.h"
#include "io/AtomicFile.h"
#include "resilience/HeatLegend.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace suplab {

namespace {

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QStringList texts(const std::vector<std::string>& items) {
    QStringList out;
    for (const auto& i : items)
        out << text(i);
    return out;
}

/// What one fault of the process takes down: a worker's crash, a supervisor's kill.
const FaultOutcome& ownFault(const ProcessAnalysis& p) {
    return p.supervisor ? p.kill : p.crash;
}

/// Sorts by the number behind the text.
class NumberItem final : public QTableWidgetItem {
  public:
    bool operator<(const QTableWidgetItem& other) const override {
        return data(Qt::UserRole).toDouble() < other.data(Qt::UserRole).toDouble();
    }
};

/// A read-only cell showing `shown`; with a `value`, it sorts by that number.
QTableWidgetItem* cell(const QString& shown, std::optional<double> value = std::nullopt) {
    QTableWidgetItem* item = value ? new NumberItem : new QTableWidgetItem;
    item->setData(Qt::DisplayRole, shown);
    if (value) item->setData(Qt::UserRole, *value);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}

QTableWidgetItem* numberCell(const QString& shown, double value) {
    return cell(shown, value);
}

constexpr int kPathRole = Qt::UserRole + 1;  // a row's or an item's process
constexpr int kPathsRole = Qt::UserRole + 2; // the processes an item names

} // namespace

AnalysisPanel::AnalysisPanel(QWidget* parent) : QWidget(parent) {
    run_ = new QPushButton(tr("Analyze"), this);
    run_->setToolTip(tr("Crash and kill every process, find the crash rate at which each "
                        "supervisor gives up, and the crash loops that stop the root, on the "
                        "virtual clock (docs/analysis.md)"));
    progress_ = new QProgressBar(this);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(10);
    progress_->hide();
    status_ = new QLabel(tr("Not analysed yet."), this);
    status_->setWordWrap(true);
    status_->setMinimumWidth(200);
    status_->setAccessibleName(tr("Analysis status"));
    heat_ = new QCheckBox(tr("Colour the tree by blast radius"), this);
    heat_->setEnabled(false);
    legend_ = new HeatLegend(this);
    legend_->hide();

    table_ = new QTableWidget(0, 7, this);
    table_->setHorizontalHeaderLabels({tr("#"), tr("Process"), tr("Crash takes down"),
                                       tr("Kill takes down"), tr("Downtime"), tr("Gives up at"),
                                       tr("Escalates to")});
    const QString tips[] = {
        tr("Weakest first: its give-up stops the application, then the most one kill takes "
           "down, then the lowest give-up rate"),
        QString(),
        tr("Processes that go down after one crash of it (boom); a supervisor cannot crash"),
        tr("Processes that go down after one kill"),
        tr("How long some process is not running after one fault; \"for good\" when one "
           "never comes back"),
        tr("The smallest steady crash rate at which its supervisor gives up, found by running it"),
        tr("The highest supervisor that goes down at that rate (the root: the application stops)")};
    for (int c = 0; c < 7; ++c)
        table_->horizontalHeaderItem(c)->setToolTip(tips[c]);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAccessibleName(tr("Every process"));
    findings_ = new QListWidget(this);
    findings_->setWordWrap(true);
    findings_->setAccessibleName(tr("Findings"));
    cutSets_ = new QListWidget(this);
    cutSets_->setAccessibleName(tr("Cut sets"));
    assumed_ = new QListWidget(this);
    assumed_->setWordWrap(true);
    assumed_->setAccessibleName(tr("What the import assumed"));
    tabs_ = new QTabWidget(this);
    tabs_->addTab(table_, tr("Processes"));
    tabs_->addTab(findings_, tr("Findings"));
    tabs_->addTab(cutSets_, tr("Cut sets"));
    tabs_->addTab(assumed_, tr("Assumed"));

    exportMarkdown_ = new QPushButton(tr("Export Markdown…"), this);
    exportJson_ = new QPushButton(tr("Export JSON…"), this);
    exportMarkdown_->setEnabled(false);
    exportJson_->setEnabled(false);

    auto* top = new QHBoxLayout;
    top->addWidget(run_);
    top->addWidget(status_, 1);
    top->addWidget(exportMarkdown_);
    top->addWidget(exportJson_);
    auto* heatRow = new QHBoxLayout;
    heatRow->addWidget(heat_);
    heatRow->addWidget(legend_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(progress_);
    layout->addLayout(heatRow);
    layout->addWidget(tabs_, 1);

    connect(run_, &QPushButton::clicked, this, &AnalysisPanel::start);
    connect(heat_, &QCheckBox::toggled, this, [this] {
        legend_->setVisible(heat_->isChecked());
        emitHeat();
    });
    connect(table_, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = table_->selectionModel()->selectedRows();
        if (rows.isEmpty() || !report_) return;
        const QString path = table_->item(rows.front().row(), 1)->data(kPathRole).toString();
        const ProcessAnalysis* p = report_->find(path.toStdString());
        if (!p) return;
        const QStringList radius = texts(ownFault(*p).radius());
        Q_EMIT processesHighlighted(QSet<QString>(radius.begin(), radius.end()));
        Q_EMIT processActivated(path);
    });
    auto pick = [this](QListWidgetItem* item) {
        if (!item) return;
        const QStringList paths = item->data(kPathsRole).toStringList();
        Q_EMIT processesHighlighted(QSet<QString>(paths.begin(), paths.end()));
        if (!paths.isEmpty()) Q_EMIT processActivated(paths.front());
    };
    connect(findings_, &QListWidget::currentItemChanged, this, pick);
    connect(cutSets_, &QListWidget::currentItemChanged, this, pick);
    connect(exportMarkdown_, &QPushButton::clicked, this,
            [this] { exportDialog(QStringLiteral("markdown")); });
    connect(exportJson_, &QPushButton::clicked, this,
            [this] { exportDialog(QStringLiteral("json")); });
}

AnalysisPanel::~AnalysisPanel() {
    cancel_ = true;
    join();
}

void AnalysisPanel::join() {
    if (worker_.joinable()) worker_.join();
}

void AnalysisPanel::setScenario(const Scenario& scenario, const QStringList& assumptions) {
    scenario_ = scenario;
    assumptions_ = assumptions;
    ++generation_;
    if (report_)
        status_->setText(tr("The report below is of the tree before; press Analyze for this one."));
}

QString AnalysisPanel::status() const {
    return status_->text();
}

void AnalysisPanel::start() {
    if (!scenario_ || running()) return;
    join(); // the last one's thread has finished: reap it
    cancel_ = false;
    finished_ = false;
    run_->setEnabled(false);
    progress_->setRange(0, 0);
    progress_->show();
    status_->setText(tr("Analysing %1…").arg(text(scenario_->name)));
    const int generation = generation_;
    worker_ = std::thread([this, scenario = *scenario_, generation] {
        AnalysisOptions options;
        options.cancel = &cancel_;
        options.progress = [this](int done, int total) {
            QMetaObject::invokeMethod(
                this,
                [this, done, total] {
                    progress_->setRange(0, total);
                    progress_->setValue(done);
                },
                Qt::QueuedConnection);
        };
        auto report = std::make_shared<AnalysisReport>(analyze(scenario, options));
        QMetaObject::invokeMethod(
            this, [this, report, generation] { onFinished(report, generation); },
            Qt::QueuedConnection);
    });
}

void AnalysisPanel::onFinished(std::shared_ptr<AnalysisReport> report, int generation) {
    finished_ = true;
    join();
    run_->setEnabled(true);
    progress_->hide();
    report->assumptions.clear();
    for (const QString& a : std::as_const(assumptions_))
        report->assumptions.push_back(a.toStdString());
    report_ = std::move(report);
    reportGeneration_ = generation;
    showReport();
    Q_EMIT finished();
}

void AnalysisPanel::showReport() {
    const AnalysisReport& r = *report_;
    QString head = r.error.empty()
                       ? tr("%1: %n process(es), %2 trials in %3 s.", "", int(r.processes.size()))
                             .arg(text(r.name))
                             .arg(r.trials)
                             .arg(r.seconds, 0, 'f', 2)
                       : tr("%1: %2").arg(text(r.name), text(r.error));
    if (reportGeneration_ != generation_)
        head += QLatin1Char(' ') + tr("(of the tree before: press Analyze for this one)");
    QString notes;
    for (const auto& note : r.notes)
        notes += (notes.isEmpty() ? QString() : QStringLiteral("\n")) + text(note);
    if (!notes.isEmpty()) head += QLatin1Char(' ') + tr("(see the note)");
    status_->setText(head);
    status_->setToolTip(notes);

    table_->setSortingEnabled(false);
    table_->setRowCount(0);
    std::vector<const ProcessAnalysis*> rows;
    for (const auto& path : r.weakest)
        rows.push_back(r.find(path));
    for (const auto& p : r.processes)
        if (std::find(r.weakest.begin(), r.weakest.end(), p.path) == r.weakest.end())
            rows.push_back(&p); // the root, last
    for (const ProcessAnalysis* p : rows) {
        const int row = table_->rowCount();
        table_->insertRow(row);
        const bool ranked = row < int(r.weakest.size());
        table_->setItem(row, 0,
                        numberCell(ranked ? QString::number(row + 1) : QStringLiteral("root"),
                                   ranked ? row + 1 : 1e9));
        auto* name = cell(text(p->path));
        name->setData(kPathRole, text(p->path));
        name->setToolTip(text(p->path));
        table_->setItem(row, 1, name);
        auto radius = [](const FaultOutcome& o) {
            if (!o.tried) return numberCell(QStringLiteral("–"), -1);
            QString shown = QString::number(o.radius().size());
            if (!o.stopped.empty()) shown += tr(" (%1 for good)").arg(o.stopped.size());
            return numberCell(shown, double(o.radius().size()));
        };
        table_->setItem(row, 2, radius(p->crash));
        table_->setItem(row, 3, radius(p->kill));
        const FaultOutcome& own = ownFault(*p);
        table_->setItem(row, 4, numberCell(text(downtimeText(own)), own.downtimeMs.value_or(1e18)));
        table_->setItem(row, 5, numberCell(text(givesUpText(*p)), p->givesUpAt.value_or(1e18)));
        table_->setItem(row, 6, cell(text(p->escalatesTo.value_or("–"))));
    }
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setSortIndicator(0, Qt::AscendingOrder); // weakest first
    table_->setSortingEnabled(true);

    findings_->clear();
    for (const auto& p : r.processes)
        for (const auto& f : p.findings) {
            auto* item = new QListWidgetItem(
                tr("%1: %2.\nFix: %3 %4")
                    .arg(text(f.path), text(f.text), text(f.fix),
                         f.fixChecked ? tr("(checked: a run of the changed tree has no such crash)")
                                      : tr("(not confirmed by a run)")),
                findings_);
            item->setData(kPathsRole, texts(f.paths()));
        }
    if (findings_->count() == 0)
        new QListWidgetItem(tr("No dependency finding: every worker's uses agree with its "
                               "supervisor's order and strategy."),
                            findings_);
    cutSets_->clear();
    for (const auto& set : r.cutSets) {
        auto* item = new QListWidgetItem(texts(set).join(QStringLiteral(" + ")), cutSets_);
        item->setData(kPathsRole, texts(set));
        item->setToolTip(set.size() == 1 ? tr("Its crash loop alone stops the root")
                                         : tr("Their crash loops together stop the root; "
                                              "either alone does not"));
    }
    if (cutSets_->count() == 0)
        new QListWidgetItem(tr("No crash loop, alone or in pairs among %n process(es), stops "
                               "the root.",
                               "", int(r.pairCandidates.size())),
                            cutSets_);
    int findingCount = 0;
    for (const auto& p : r.processes)
        findingCount += int(p.findings.size());
    tabs_->setTabText(1, tr("Findings (%1)").arg(findingCount));
    tabs_->setTabText(2, tr("Cut sets (%1)").arg(r.cutSets.size()));
    assumed_->clear();
    assumed_->addItems(assumptions_);
    tabs_->setTabVisible(3, !assumptions_.isEmpty());
    if (!assumptions_.isEmpty()) tabs_->setTabText(3, tr("Assumed (%1)").arg(assumptions_.size()));

    const bool any = r.error.empty();
    heat_->setEnabled(any);
    exportMarkdown_->setEnabled(any);
    exportJson_->setEnabled(any);
    legend_->setRange(int(r.processes.size()));
    if (any && !heat_->isChecked())
        heat_->setChecked(true); // the first thing one wants to see
    else
        emitHeat();
}

void AnalysisPanel::setHeatShown(bool on) {
    heat_->setChecked(on);
}

void AnalysisPanel::emitHeat() {
    QHash<QString, double> share;
    if (heat_->isChecked() && report_ && report_->error.empty() && !report_->processes.empty()) {
        const double all = double(report_->processes.size());
        for (const auto& p : report_->processes) {
            // One fault takes down at least the process itself: 1 is the scale's floor.
            const double n = double(ownFault(p).radius().size());
            share.insert(text(p.path), all > 1 ? (n - 1) / (all - 1) : 0.0);
        }
    }
    Q_EMIT heatChanged(share);
}

QString AnalysisPanel::exportTo(const QString& file, const QString& format) const {
    if (!report_) return tr("Nothing to export: no analysis has run yet.");
    std::string body =
        format == QLatin1String("json") ? analysisJson(*report_) : analysisMarkdown(*report_);
    return text(writeFileAtomically(file.toStdString(), body));
}

void AnalysisPanel::exportDialog(const QString& format) {
    const bool json = format == QLatin1String("json");
    const QString file = QFileDialog::getSaveFileName(
        this, json ? tr("Export analysis as JSON") : tr("Export analysis as Markdown"),
        json ? QStringLiteral("analysis.json") : QStringLiteral("analysis.md"),
        json ? tr("JSON (*.json)") : tr("Markdown (*.md)"));
    if (file.isEmpty()) return;
    if (const QString problem = exportTo(file, format); !problem.isEmpty())
        QMessageBox::warning(this, tr("Analysis not exported"),
                             tr("%1\nThe report stays here; choose another place.").arg(problem));
}

} // namespace suplab
