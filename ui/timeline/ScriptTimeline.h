#pragma once
// The scenario's script on a time line: a mark per step, and the run's clock
// moving along it.

#include "scenario/Scenario.h"

#include <QWidget>

namespace suplab {

class ScriptTimeline final : public QWidget {
    Q_OBJECT
  public:
    explicit ScriptTimeline(QWidget* parent = nullptr);
    void setScript(const std::vector<ScriptStep>& steps, std::int64_t settleMs);
    void setNow(std::int64_t nowUs);
    QSize sizeHint() const override { return {600, 34}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    std::vector<ScriptStep> steps_;
    std::int64_t endUs_ = 1'000'000;
    std::int64_t nowUs_ = 0;
};

} // namespace suplab
