#include "LifeTimeline.h"

#include "state/TreeState.h"
#include "timeline/TimeAxis.h"

#include <QPainter>

namespace suplab {

LifeTimeline::LifeTimeline(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Process up/down timeline"));
    setToolTip(tr("Each row is a process: the bar while it is up, a gap while it is down, a red "
                  "tick when it died abnormally."));
}

void LifeTimeline::refresh(const TreeState* state, std::int64_t nowUs, const QString& subtree) {
    state_ = state;
    nowUs_ = nowUs;
    subtree_ = subtree;
    update();
}

void LifeTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!state_) return;
    const double labelWidth = 120, rowHeight = 16;
    const TimeAxis axis =
        TimeAxis::following(nowUs_, 60'000'000, labelWidth, width() - labelWidth - 6);
    const std::string sub = subtree_.toStdString();
    QFont f = font();
    f.setPointSizeF(7);
    p.setFont(f);
    double y = 4;
    for (const auto& path : state_->treeOrder()) {
        if (!sub.empty() && path != sub && path.rfind(sub + "/", 0) != 0) continue;
        if (y + rowHeight > height()) break;
        const ProcessNode* n = state_->find(path);
        p.setPen(palette().text().color());
        p.drawText(QRectF(2, y, labelWidth - 4, rowHeight), Qt::AlignVCenter | Qt::AlignRight,
                   p.fontMetrics().elidedText(QString::fromStdString(n ? n->id : path),
                                              Qt::ElideMiddle, int(labelWidth - 6)));
        auto it = state_->spans().find(path);
        if (it != state_->spans().end()) {
            for (const auto& life : it->second) {
                const std::int64_t to = life.toUs < 0 ? nowUs_ : life.toUs;
                if (to < axis.startUs) continue;
                const double x0 = std::max(axis.toX(life.fromUs), labelWidth);
                const double x1 = std::max(axis.toX(to), x0 + 1);
                p.fillRect(QRectF(x0, y + 3, x1 - x0, rowHeight - 6),
                           n && n->isSupervisor() ? QColor(0x45, 0x5a, 0x64)
                                                  : QColor(0x43, 0xa0, 0x47));
                if (life.toUs >= 0 && life.reason != "shutdown" && life.reason != "normal") {
                    p.setPen(QPen(QColor(0xe5, 0x39, 0x35), 2));
                    p.drawLine(QPointF(x1, y + 1), QPointF(x1, y + rowHeight - 1));
                }
            }
        }
        y += rowHeight;
    }
}

} // namespace suplab
