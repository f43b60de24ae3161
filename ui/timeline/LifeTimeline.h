#pragma once
// Up/down spans per process over the last minute: a bar while a process lives,
// a gap while it is down, a red tick at each crash; an axis in seconds and a
// legend below.

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <string>
#include <vector>

namespace suplab {

class TreeState;

class LifeTimeline final : public QWidget {
    Q_OBJECT
  public:
    explicit LifeTimeline(QWidget* parent = nullptr);
    void refresh(const TreeState* state, std::int64_t nowUs, const QString& subtree);
    QSize sizeHint() const override { return {420, 260}; }

  protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

  private:
    void nameRows();
    double paintLegend(QPainter& p, double bottom);

    const TreeState* state_ = nullptr;
    std::int64_t nowUs_ = 0;
    QString subtree_;
    QFont small_;
    // The rows shown and their labels, named again only when the rows change.
    std::vector<std::string> rows_;
    // What rows_ were made from, so that they are made again only when it changes.
    const TreeState* namedState_ = nullptr;
    std::uint64_t namedVersion_ = 0;
    QString namedSubtree_;
    QStringList names_;
    double namesWidth_ = 0;
};

} // namespace suplab
