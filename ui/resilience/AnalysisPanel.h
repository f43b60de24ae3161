#pragma once
// The Analysis panel: runs the resilience analysis (engine/analysis) of the current
// tree on a thread of its own, so the window never waits, and shows what it found:
// every process's blast radius, downtime, give-up rate and escalation, the findings
// and the cut sets. Picking a row rings what that process takes down on the canvas;
// picking a finding or a cut set rings its processes. The canvas can be coloured by
// blast radius (a heat map, with its legend here); the report exports as Markdown or
// JSON.

#include "analysis/Analysis.h"

#include <QHash>
#include <QSet>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <memory>
#include <optional>
#include <thread>

class QCheckBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace suplab {

class HeatLegend;

class AnalysisPanel final : public QWidget {
    Q_OBJECT
  public:
    explicit AnalysisPanel(QWidget* parent = nullptr);
    /// Stops an analysis under way (what it has done is dropped) and waits for its threads.
    ~AnalysisPanel() override;

    /// The tree the next analysis runs on, with what its import assumed; the report
    /// already shown is kept, marked as being of the tree before.
    void setScenario(const Scenario& scenario, const QStringList& assumptions = {});
    /// Runs the analysis in the background (a no-op while one runs).
    void start();
    bool running() const { return worker_.joinable() && !finished_; }
    /// The report shown, or nullptr.
    const AnalysisReport* report() const { return report_.get(); }
    /// Writes the report as "markdown" or "json"; an error message, or empty.
    QString exportTo(const QString& file, const QString& format) const;

    // For tests and screenshots.
    QTableWidget& table() { return *table_; }
    QListWidget& findings() { return *findings_; }
    QListWidget& cutSets() { return *cutSets_; }
    QTabWidget& tabs() { return *tabs_; }
    QString status() const;
    void setHeatShown(bool on);

  Q_SIGNALS:
    /// A row was picked: select this process.
    void processActivated(const QString& path);
    /// Ring these processes on the canvas (empty: none).
    void processesHighlighted(const QSet<QString>& paths);
    /// The canvas' heat map: each process's share of the tree one fault of it takes
    /// down; empty to go back to the usual colours.
    void heatChanged(const QHash<QString, double>& share);
    void finished();

  private:
    void onFinished(std::shared_ptr<AnalysisReport> report, int generation);
    void showReport();
    void emitHeat();
    void exportDialog(const QString& format);
    void join();

    std::optional<Scenario> scenario_;
    QStringList assumptions_;
    int generation_ = 0; // bumped by setScenario: a late report is of an older tree
    int reportGeneration_ = -1;
    std::shared_ptr<AnalysisReport> report_;
    std::thread worker_;
    std::atomic<bool> cancel_{false};
    bool finished_ = true;

    QPushButton* run_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QLabel* status_ = nullptr;
    QCheckBox* heat_ = nullptr;
    HeatLegend* legend_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QTableWidget* table_ = nullptr;
    QListWidget* findings_ = nullptr;
    QListWidget* cutSets_ = nullptr;
    QListWidget* assumed_ = nullptr;
    QPushButton* exportMarkdown_ = nullptr;
    QPushButton* exportJson_ = nullptr;
};

} // namespace suplab
