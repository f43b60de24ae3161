#pragma once
// Restarts counted in each supervisor's intensity window over time, against
// the limit line (max_restarts) of the supervisor in focus: the budget draining
// and recovering, live.

#include <QChartView>
#include <QHash>
#include <QLineSeries>

namespace suplab {

class TreeState;

class RestartChart final : public QChartView {
    Q_OBJECT
  public:
    explicit RestartChart(QWidget* parent = nullptr);
    void clear();
    /// Adds a sample at engine time `nowUs` for every supervisor.
    void sample(const TreeState& state, std::int64_t nowUs, const QString& focus);

  protected:
    void changeEvent(QEvent* event) override;

  private:
    QLineSeries* seriesFor(const QString& supervisor);
    QHash<QString, QLineSeries*> series_;
    QLineSeries* limit_ = nullptr;
    double maxX_ = 10;
    int maxY_ = 4;
};

} // namespace suplab
