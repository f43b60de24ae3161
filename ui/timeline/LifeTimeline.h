#pragma once
// Up/down spans per process over the last minute: a bar while a process lives,
// a gap while it is down, a red tick at each crash.

#include <QWidget>

namespace suplab {

class TreeState;

class LifeTimeline final : public QWidget {
    Q_OBJECT
  public:
    explicit LifeTimeline(QWidget* parent = nullptr);
    void refresh(const TreeState* state, std::int64_t nowUs, const QString& subtree);
    QSize sizeHint() const override { return {420, 260}; }

  protected:
    void paintEvent(QPaintEvent*) override;

  private:
    const TreeState* state_ = nullptr;
    std::int64_t nowUs_ = 0;
    QString subtree_;
};

} // namespace suplab
