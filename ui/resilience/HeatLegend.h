#pragma once
// The heat map's legend: the gradient the canvas fills processes with, from "takes
// down itself alone" to "takes down the whole tree", with the counts at its ends.

#include <QWidget>

namespace suplab {

class HeatLegend final : public QWidget {
    Q_OBJECT
  public:
    explicit HeatLegend(QWidget* parent = nullptr);
    /// The tree has `processes` processes; the gradient reads 1 .. processes.
    void setRange(int processes);
    QSize sizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;

  private:
    int processes_ = 0;
};

} // namespace suplab
