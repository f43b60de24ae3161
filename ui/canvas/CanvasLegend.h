#pragma once
// What the canvas' marks mean, drawn with the canvas' own colours (View > Legend):
// the state stripe's colours, supervisor and worker boxes, a folded subtree, the
// restart budget bar, the crash flash and restart glow, a bystander's dashed border,
// the "gave up" badge and a `uses` arrow.

#include <QWidget>

namespace suplab {

class CanvasLegend final : public QWidget {
    Q_OBJECT
  public:
    explicit CanvasLegend(QWidget* parent = nullptr);
    QSize sizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;
};

} // namespace suplab
