#pragma once
// The scenario's script on a time line: a dot per step (labels of steps too close
// to read apart merge into "kill ×4"), lasting marks such as a supervisor giving up,
// an axis in seconds, and the run's clock moving along it.

#include "scenario/Scenario.h"

#include <QWidget>

#include <vector>

namespace suplab {

class ScriptTimeline final : public QWidget {
    Q_OBJECT
  public:
    explicit ScriptTimeline(QWidget* parent = nullptr);
    /// A new run's script; the marks of the previous run go with it.
    void setScript(const std::vector<ScriptStep>& steps, std::int64_t settleMs);
    void setNow(std::int64_t nowUs);
    /// A red triangle at engine time `tUs` with a short `label` above the line and `tip`
    /// on hover (a supervisor gave up, say); it stays until clearMarks() or setScript().
    void addMark(std::int64_t tUs, const QString& label, const QString& tip);
    void clearMarks();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    bool event(QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

  private:
    struct Step {
        std::int64_t tUs = 0;
        QString action;
        QString line; // for tooltips
    };
    struct Mark {
        std::int64_t tUs = 0;
        QString label;
        QString tip;
    };
    /// A label over the line and the dots it stands for (x0..x1); `text` empty when
    /// there was no room for it (the dots stay, the tooltip still lists them).
    struct Label {
        QRectF rect;
        QString text;
        QString tip;
        double x0 = 0;
        double x1 = 0;
    };
    struct Tick {
        double x = 0;
        QRectF rect;
        QString text;
    };

    int rowHeight() const;
    double trackY() const;
    void layOut();
    void layOutSteps(const QRectF& row, std::vector<QRectF>& taken);
    QString tipAt(QPointF pos) const;

    std::vector<Step> steps_;
    std::vector<Mark> marks_;
    std::int64_t scriptEndUs_ = 1'000'000;
    std::int64_t axisEndUs_ = 1'000'000; // grows past the script's end as the run goes on
    std::int64_t nowUs_ = 0;
    QFont small_;

    // What layOut() computed for the current width, span, script and marks.
    bool laidOut_ = false;
    std::vector<Label> stepLabels_;
    std::vector<Label> markLabels_;
    std::vector<Tick> ticks_;
};

} // namespace suplab
