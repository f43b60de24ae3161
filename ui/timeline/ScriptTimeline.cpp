#include "ScriptTimeline.h"

#include "timeline/TimeAxis.h"

#include <QPainter>

namespace suplab {

ScriptTimeline::ScriptTimeline(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(34);
    setAccessibleName(tr("Script timeline"));
}

void ScriptTimeline::setScript(const std::vector<ScriptStep>& steps, std::int64_t settleMs) {
    steps_ = steps;
    endUs_ = ((steps.empty() ? 0 : steps.back().at_ms) + settleMs) * 1000;
    if (endUs_ <= 0) endUs_ = 1'000'000;
    QStringList tips;
    for (const auto& s : steps)
        tips << QStringLiteral("%1 ms  %2 %3")
                    .arg(s.at_ms)
                    .arg(QString::fromLatin1(toString(s.action)), QString::fromStdString(s.target));
    setToolTip(tips.isEmpty() ? tr("No script: break things by hand")
                              : tips.join(QLatin1Char('\n')));
    update();
}

void ScriptTimeline::setNow(std::int64_t nowUs) {
    nowUs_ = nowUs;
    update();
}

void ScriptTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const double left = 8, width = this->width() - 16;
    const std::int64_t end = std::max(endUs_, nowUs_);
    const TimeAxis axis{0, end, left, width};
    const double y = height() / 2.0;
    p.setPen(QPen(palette().mid().color(), 2));
    p.drawLine(QPointF(left, y), QPointF(left + width, y));
    QFont f = font();
    f.setPointSizeF(7);
    p.setFont(f);
    for (const auto& s : steps_) {
        const double x = axis.toX(s.at_ms * 1000);
        const bool done = s.at_ms * 1000 <= nowUs_;
        p.setPen(Qt::NoPen);
        p.setBrush(done ? QColor(0xc6, 0x28, 0x28) : palette().dark().color());
        p.drawEllipse(QPointF(x, y), 4, 4);
        p.setPen(palette().text().color());
        p.drawText(QRectF(x - 40, y - 17, 80, 12), Qt::AlignCenter,
                   QString::fromLatin1(toString(s.action)));
    }
    const double nx = axis.toX(nowUs_);
    p.setPen(QPen(QColor(0x1e, 0x88, 0xe5), 2));
    p.drawLine(QPointF(nx, 4), QPointF(nx, height() - 4));
    p.setPen(palette().text().color());
    p.drawText(QRectF(nx + 3, y + 3, 70, 12), Qt::AlignLeft,
               QStringLiteral("%1 s").arg(double(nowUs_) / 1e6, 0, 'f', 1));
}

} // namespace suplab
