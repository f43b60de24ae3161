#pragma once
// The comparison table: one row per lane, a column per metric a user weighs when
// choosing a strategy. Header tooltips give each metric's definition from the
// engine's MetricCatalog (the CLI's columns and the guide say the same words), and
// cells whose number needs a why carry it as their tooltip.

#include "compare/Comparison.h"

#include <QTableWidget>

namespace suplab {

class CompareTable final : public QTableWidget {
    Q_OBJECT
  public:
    explicit CompareTable(QWidget* parent = nullptr);

    /// One row per lane, titled "1: strategy=one_for_one", every metric cell blank.
    void setLanes(const QStringList& overrides);
    void showResults(const std::vector<LaneResult>& results);
    /// The "lane now" column, which follows the lanes past the window.
    void showLaneNow(int lane, const QString& text);
    /// The column headed `header` (its two lines read as one), or -1.
    int columnOf(const QString& header) const;
};

} // namespace suplab
