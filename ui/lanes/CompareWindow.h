#pragma once
// Compare mode: 2-4 lanes side by side, each its tree and budgets, one clock,
// faults mirrored; the comparison table and chart, measured over a stated window
// and refreshed together with the lanes' trees, exported as CSV and PNG.

#include "compare/Comparison.h"
#include "lanes/CompareController.h"

#include <QMainWindow>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace suplab {

class CompareChart;
class CompareTable;
class TreeCanvas;
class TreeState;

class CompareWindow final : public QMainWindow {
    Q_OBJECT
  public:
    /// Opens with the default lanes already running (or, if they cannot run on this
    /// scenario, a hint that says why and what to do).
    explicit CompareWindow(const Scenario& scenario, QWidget* parent = nullptr);
    ~CompareWindow() override;

    /// Sets the lanes' overrides (2-4), e.g. {"strategy=one_for_one", "strategy=rest_for_one"}.
    void setLanes(const QStringList& overrides);
    void setChaos(double rate, double seconds, quint64 seed, const QString& target);
    /// (Re)starts every lane; false with a message when an override is wrong.
    bool startLanes(QString* problem = nullptr);
    /// The lanes' metrics over the measured window, as far as the lanes have got.
    std::vector<LaneResult> results() const;
    QString exportTable(const QString& file) const;
    /// Each lane's events up to the window's end, as JSON Lines, one file per lane in `dir`.
    QString exportLaneLogs(const QString& dir) const;
    QString exportChart(const QString& file);
    CompareController& controller() { return controller_; }
    void setPaused(bool paused);

    // What the window shows, for tests.
    int laneCount() const { return int(states_.size()); }
    const TreeState& laneState(int lane) const { return *states_.at(std::size_t(lane)); }
    QString laneTitle(int lane) const;
    /// The lanes' time the trees, the table and the chart were last drawn at.
    std::int64_t shownUs() const { return shownUs_; }
    /// The end of the window the table measures (widened by faults clicked late).
    std::int64_t windowEndUs() const;
    const QTableWidget& table() const;
    const CompareChart& chart() const { return *chart_; }
    QString hintText() const;
    QString clockText() const;
    QString windowText() const;

    /// The lanes a new window starts with: the three strategies on a supervisor,
    /// intensities on a DynamicSupervisor (which has one strategy only).
    static QStringList defaultLanes(const Scenario& scenario);
    static constexpr double kDefaultRate = 0.1;      // faults per second
    static constexpr double kDefaultDuration = 30.0; // seconds

  Q_SIGNALS:
    /// After each refresh of the trees, table, chart and clock (every 100 ms).
    void refreshed();

  private:
    struct Lane {
        std::vector<Event> log;     // every event delivered
        std::vector<Event> pending; // delivered, not yet drawn
        std::int64_t rootGaveUpUs = -1;
        std::int64_t rootDownUs = -1;
    };
    void onEvents(int lane, const std::vector<Event>& events);
    void refresh();
    void updateTable(const std::vector<LaneResult>& results);
    void updateClock();
    QString laneNow(int lane) const;
    std::vector<LaneResult> measure(std::int64_t untilUs) const;
    void mirror(const QString& path, Action::Kind kind, const QString& reason = {});
    void showHint(const QString& problem);

    Scenario scenario_;
    CompareController controller_;
    std::vector<QLineEdit*> laneEdits_;
    QDoubleSpinBox* rate_ = nullptr;
    QDoubleSpinBox* duration_ = nullptr;
    QSpinBox* seed_ = nullptr;
    QLineEdit* target_ = nullptr;
    QDoubleSpinBox* speed_ = nullptr;
    QPushButton* pause_ = nullptr;
    QLabel* clock_ = nullptr;
    QProgressBar* progress_ = nullptr;
    QStackedWidget* lanesStack_ = nullptr;
    QLabel* hint_ = nullptr;
    QWidget* lanesBox_ = nullptr;
    std::vector<QLabel*> titles_;
    std::vector<TreeCanvas*> canvases_;
    std::vector<std::unique_ptr<TreeState>> states_;
    std::vector<Lane> lanes_;
    QStringList overrides_;
    QLabel* windowLabel_ = nullptr;
    CompareTable* table_ = nullptr;
    QLabel* notes_ = nullptr;
    QCheckBox* withScript_ = nullptr;
    std::vector<Scenario> played_; // each lane's scenario as it plays (script, chaos, overrides)
    CompareChart* chart_ = nullptr;
    QTimer frame_;
    std::int64_t shownUs_ = 0;
    std::int64_t baseEndUs_ = 0;   // chaos duration, or the script's end + settle_ms if later
    QString baseEndReason_;        // which of the two it was
    std::int64_t measuredUs_ = -1; // the instant the table was last measured at
};

} // namespace suplab
