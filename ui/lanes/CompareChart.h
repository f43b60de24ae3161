#pragma once
// The comparison chart: restarts, give-ups, bystanders and processes lost per lane,
// each lane named on the axis by laneAxisLabels(), in full (wrapped, never elided).
// Its bars are updated in place at each refresh; the chart is built once per start.

#include "compare/Comparison.h"

#include <QChartView>
#include <QStringList>

#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

namespace suplab {

class CompareChart final : public QChartView {
    Q_OBJECT
  public:
    explicit CompareChart(QWidget* parent = nullptr);

    /// Builds the chart for these lanes (their overrides as written), every bar at 0.
    void setLanes(const QStringList& overrides);
    void setResults(const std::vector<LaneResult>& results);
    /// The category labels as given to the axis (plain text, '\n' where they wrap).
    QStringList categories() const { return categories_; }
    /// The axis labels as the chart drew them, in lane order: elided ones end in "...".
    QStringList drawnCategoryLabels() const;
    /// Where those labels were drawn, in the view's coordinates (empty where none was).
    QList<QRect> drawnCategoryRects() const;
    /// A size at which no label needs to be elided, for the PNG export.
    QSize exportSize() const;
    /// The chart drawn at exportSize() into `file` (PNG, replaced whole); a message on failure.
    QString exportPng(const QString& file) const;

  private:
    QStringList overrides_;
    QStringList categories_;
    std::vector<LaneResult> results_;
    std::vector<QBarSet*> sets_; // owned by the chart
    QBarCategoryAxis* x_ = nullptr;
    QValueAxis* y_ = nullptr;
};

} // namespace suplab
