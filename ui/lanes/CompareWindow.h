#pragma once
// Compare mode: 2-4 lanes side by side, each its tree and budgets, one clock,
// faults mirrored; the comparison table and chart live, and exported as CSV and PNG.

#include "compare/Comparison.h"
#include "lanes/CompareController.h"

#include <QMainWindow>
#include <QTimer>
#include <memory>
#include <vector>

class QChartView;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace suplab {

class TreeCanvas;
class TreeState;

class CompareWindow final : public QMainWindow {
    Q_OBJECT
  public:
    explicit CompareWindow(const Scenario& scenario, QWidget* parent = nullptr);
    ~CompareWindow() override;

    /// Sets the lanes' overrides (2-4), e.g. {"strategy=one_for_one", "strategy=rest_for_one"}.
    void setLanes(const QStringList& overrides);
    void setChaos(double rate, double seconds, quint64 seed, const QString& target);
    /// (Re)starts every lane; false with a message when an override is wrong.
    bool startLanes(QString* problem = nullptr);
    std::vector<LaneResult> results() const;
    QString exportTable(const QString& file) const;
    QString exportChart(const QString& file);
    CompareController& controller() { return controller_; }

  private:
    void onEvents(int lane, const std::vector<Event>& events);
    void refresh();
    void mirror(const QString& path, LaneCommand::Kind kind, const QString& arg = {});

    Scenario scenario_;
    CompareController controller_;
    std::vector<QLineEdit*> laneEdits_;
    QDoubleSpinBox* rate_ = nullptr;
    QDoubleSpinBox* duration_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLineEdit* target_ = nullptr;
    QDoubleSpinBox* speed_ = nullptr;
    QWidget* lanesBox_ = nullptr;
    std::vector<TreeCanvas*> canvases_;
    std::vector<std::unique_ptr<TreeState>> states_;
    std::vector<std::vector<Event>> events_;
    std::vector<QString> labels_;
    QTableWidget* table_ = nullptr;
    QChartView* chart_ = nullptr;
    QTimer frame_;
    int tick_ = 0;
    std::int64_t scriptEndUs_ = 0;   // last step (faults included) + settle_ms, as the CLI measures
    std::int64_t lastManualUs_ = -1; // a fault clicked after that widens the window
};

} // namespace suplab
