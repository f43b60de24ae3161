#include "CanvasLegend.h"

#include "canvas/CanvasColours.h"
#include "window/Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace suplab {

namespace {
constexpr int kRow = 17;
constexpr int kRows = 14;
constexpr int kWidth = 350;
} // namespace

CanvasLegend::CanvasLegend(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Canvas legend"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
}

QSize CanvasLegend::sizeHint() const {
    return {kWidth, kRows * kRow + 12};
}

void CanvasLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const bool dark = theme::isDark(palette());
    QColor back = palette().window().color();
    back.setAlpha(235);
    p.setPen(QPen(palette().mid().color(), 1));
    p.setBrush(back);
    p.drawRoundedRect(rect().adjusted(0, 0, -1, -1), 6, 6);
    QFont f = font();
    f.setPointSizeF(8);
    p.setFont(f);
    int y = 6;
    auto label = [&](const QString& text) {
        p.setPen(palette().text().color());
        p.drawText(QRect(60, y, kWidth - 66, kRow), Qt::AlignVCenter | Qt::AlignLeft, text);
        y += kRow;
    };
    const QRectF sample(10, 0, 40, 12);
    auto at = [&] { return sample.translated(0, y + 2); };

    // The state stripe's colours, two to a row.
    const char* states[] = {"running", "starting", "restarting", "stopping", "down", "removed"};
    for (int i = 0; i < 6; i += 2) {
        for (int k = 0; k < 2; ++k) {
            const QString s = QString::fromLatin1(states[i + k]);
            p.setPen(Qt::NoPen);
            p.setBrush(colours::state(s));
            p.drawRect(QRectF(10 + k * 150, y + 3, 10, 10));
            p.setPen(palette().text().color());
            p.drawText(QRectF(26 + k * 150, y, 120, kRow), Qt::AlignVCenter | Qt::AlignLeft, s);
        }
        y += kRow;
    }
    p.setPen(QPen(colours::state(QStringLiteral("running")), 1.5));
    p.setBrush(colours::supervisorFill(dark));
    p.drawRect(at());
    label(tr("supervisor (cut corners, dark)"));
    p.setBrush(colours::workerFill(dark));
    p.drawRoundedRect(at(), 4, 4);
    label(tr("worker"));
    p.setBrush(colours::workerFill(dark).darker(115));
    p.drawRoundedRect(at().translated(4, 3), 4, 4);
    p.setBrush(colours::supervisorFill(dark));
    p.drawRoundedRect(at(), 4, 4);
    label(tr("folded subtree: double-click to unfold"));
    p.setPen(QPen(QColor(0x90, 0x90, 0x90), 1));
    p.setBrush(QColor(0x40, 0x44, 0x50));
    p.drawRect(at().adjusted(0, 3, 0, -2));
    p.setBrush(QColor(0xf5, 0xa6, 0x23));
    p.drawRect(at().adjusted(0, 3, -16, -2));
    label(tr("budget: restarts in max_seconds / max_restarts"));
    QColor glow = colours::crash();
    glow.setAlphaF(0.6);
    p.setPen(Qt::NoPen);
    p.setBrush(glow);
    p.drawRoundedRect(at(), 4, 4);
    label(tr("red glow: just crashed"));
    glow = colours::reborn();
    glow.setAlphaF(0.6);
    p.setBrush(glow);
    p.drawRoundedRect(at(), 4, 4);
    label(tr("green halo: just restarted"));
    p.setPen(QPen(colours::state(QStringLiteral("running")), 1.5, Qt::DashLine));
    p.setBrush(colours::workerFill(dark));
    p.drawRoundedRect(at(), 4, 4);
    label(tr("dashed: bystander of a group restart (5 s)"));
    p.setPen(palette().text().color());
    p.drawText(at(), Qt::AlignCenter, QStringLiteral("\u21BB3"));
    label(tr("restarted 3 times (folded: inside it)"));
    p.setPen(Qt::NoPen);
    p.setBrush(colours::gaveUp());
    p.drawRoundedRect(at(), 6, 6);
    label(tr("GAVE UP: over its intensity (until dismissed)"));
    p.setPen(QPen(colours::uses(), 1.6, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    QPainterPath arc(QPointF(12, y + 13));
    arc.cubicTo(QPointF(12, y + 2), QPointF(46, y + 2), QPointF(46, y + 13));
    p.drawPath(arc);
    label(tr("uses: calls that sibling (noproc if it died)"));
    p.setPen(QPen(colours::state(QStringLiteral("running")), 1));
    p.setBrush(colours::workerFill(dark));
    p.drawRoundedRect(at().adjusted(3, 2, -3, -2), 3, 3);
    p.setPen(QPen(colours::state(QStringLiteral("running")), 1.5, Qt::DotLine));
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(at(), 5, 5);
    label(tr("dotted: imported, left to run time (see its note)"));
}

} // namespace suplab
