#include "ProcessItem.h"

#include "canvas/CanvasColours.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace suplab {

namespace {

/// An id in `width` pixels. A module name loses its leading segments first, since its end
/// tells it apart (TeslaMate.Mqtt.PubSub -> …Mqtt.PubSub -> …PubSub); then its end is cut.
QString fittedId(const QFontMetrics& metrics, const QString& id, int width) {
    if (metrics.horizontalAdvance(id) <= width) return id;
    if (id.startsWith(QLatin1Char('?'))) // a placeholder: its expression reads from the start
        return metrics.elidedText(id, Qt::ElideRight, width);
    const QChar ellipsis(0x2026);
    for (qsizetype dot = id.indexOf(QLatin1Char('.')); dot >= 0 && dot + 1 < id.size();
         dot = id.indexOf(QLatin1Char('.'), dot + 1)) {
        const QString tail = ellipsis + id.mid(dot + 1);
        if (metrics.horizontalAdvance(tail) <= width) return tail;
    }
    const qsizetype last = id.lastIndexOf(QLatin1Char('.'));
    return metrics.elidedText(last >= 0 && last + 1 < id.size() ? ellipsis + id.mid(last + 1) : id,
                              Qt::ElideRight, width);
}

} // namespace

ProcessItem::ProcessItem(QString path, double width, double height)
    : path_(std::move(path)), width_(width), height_(height) {
    setToolTip(path_);
}

void ProcessItem::setView(const ProcessView& view) {
    if (view == view_) return;
    view_ = view;
    update();
}

void ProcessItem::setWidth(double width) {
    if (width == width_) return;
    prepareGeometryChange();
    width_ = width;
}

QRectF ProcessItem::boundingRect() const {
    // Room for the glow around the box (6 px) and the badge above it.
    return QRectF(-width_ / 2 - 8, -kBadgeHeight - 4, width_ + 16, height_ + kBadgeHeight + 12);
}

void ProcessItem::paintTile(QPainter* p, const QRectF& box, double onScreen) const {
    QColor tile = colours::state(view_.state);
    if (view_.supervisor) tile = tile.darker(170);
    if (view_.heat.isValid()) tile = view_.heat;
    if (view_.flash > 0) tile = colours::crash();
    p->setPen(view_.selected || view_.highlighted ? QPen(colours::selection(), 6) : Qt::NoPen);
    p->setBrush(tile);
    p->drawRect(box);
    if (!view_.gaveUpAt.isEmpty()) {
        p->setPen(QPen(colours::gaveUp(), 8));
        p->setBrush(Qt::NoBrush);
        p->drawRect(box.adjusted(-4, -4, 4, 4));
    }
    if (onScreen > 0.12) {
        QFont f = p->font();
        f.setPointSizeF(view_.folded ? 18 : 22);
        p->setFont(f);
        p->setPen(Qt::white);
        const QString text = view_.folded ? view_.id + QLatin1Char('\n') + view_.summary : view_.id;
        p->drawText(box, Qt::AlignCenter, text);
    }
}

void ProcessItem::paintOverview(QPainter* p, const QRectF& box, double onScreen) const {
    const QColor colour = colours::state(view_.state);
    QColor fill =
        view_.supervisor ? colours::supervisorFill(view_.dark) : colours::workerFill(view_.dark);
    if (view_.heat.isValid()) fill = view_.heat;
    if (view_.flash > 0) fill = colours::crash();
    if (view_.folded) {
        p->setPen(QPen(colour.darker(130), 2 / onScreen));
        p->setBrush(fill.darker(115));
        p->drawRoundedRect(box.translated(6, 6), 8, 8);
    }
    p->setPen(view_.selected || view_.highlighted ? QPen(colours::selection(), 4 / onScreen)
              : !view_.gaveUpAt.isEmpty()         ? QPen(colours::gaveUp(), 4 / onScreen)
                                                  : QPen(colour, 2 / onScreen));
    p->setBrush(fill);
    p->drawRoundedRect(box, 8, 8);
    if (view_.marked) { // dotted all round: the source left this child to run time
        p->setPen(QPen(colour, 1.5 / onScreen, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(box.adjusted(-4, -4, 4, 4), 10, 10);
    }
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawRect(QRectF(box.left() + 1, box.top() + 6, 6, box.height() - 12));
    // About 9 and 8 points on screen, whatever the zoom.
    QFont f = p->font();
    f.setBold(true);
    f.setPointSizeF(std::min(20.0, 9.0 / onScreen));
    p->setFont(f);
    p->setPen(colours::textOn(fill));
    const QRectF inner = box.adjusted(12, 2, -4, -2);
    const QRectF top(inner.left(), inner.top(), inner.width(), inner.height() / 2);
    const QRectF bottom(inner.left(), inner.center().y(), inner.width(), inner.height() / 2);
    p->drawText(top, Qt::AlignLeft | Qt::AlignVCenter,
                fittedId(p->fontMetrics(), view_.id, int(top.width())));
    f.setBold(false);
    f.setPointSizeF(std::min(18.0, 8.0 / onScreen));
    p->setFont(f);
    QString line = view_.folded ? view_.brief : view_.state;
    if (!view_.gaveUpAt.isEmpty()) line = QStringLiteral("GAVE UP at %1").arg(view_.gaveUpAt);
    p->drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(line, Qt::ElideRight, int(bottom.width())));
}

void ProcessItem::paintBadge(QPainter* p, const QRectF& box) const {
    QFont f = p->font();
    f.setBold(true);
    f.setPointSizeF(7.5);
    p->setFont(f);
    // The arrow says it went up to its parent (the legend and the inspector say more).
    const QString text = QStringLiteral("GAVE UP at %1 \u2191").arg(view_.gaveUpAt);
    const double w =
        std::min(box.width() + 12, double(p->fontMetrics().horizontalAdvance(text)) + 14);
    const QRectF pill(-w / 2, -kBadgeHeight - 1, w, kBadgeHeight - 2);
    p->setPen(Qt::NoPen);
    p->setBrush(colours::gaveUp());
    p->drawRoundedRect(pill, 7, 7);
    p->setPen(Qt::white);
    p->drawText(pill, Qt::AlignCenter,
                p->fontMetrics().elidedText(text, Qt::ElideRight, int(pill.width()) - 6));
}

void ProcessItem::paintBudget(QPainter* p, const QRectF& inner, const QRectF& box,
                              const QColor& text) const {
    const QRectF bar(inner.left(), box.bottom() - 13, inner.width() - 34, 7);
    p->setPen(QPen(QColor(0x90, 0x90, 0x90), 1));
    p->setBrush(QColor(0x40, 0x44, 0x50));
    p->drawRect(bar);
    const double used = view_.budgetMax > 0 ? double(view_.budgetUsed) / view_.budgetMax
                                            : (view_.budgetUsed ? 1.0 : 0.0);
    p->setPen(Qt::NoPen);
    p->setBrush(used >= 1.0  ? QColor(0xe5, 0x39, 0x35)
                : used > 0.5 ? QColor(0xf5, 0xa6, 0x23)
                             : QColor(0x4c, 0xaf, 0x50));
    p->drawRect(QRectF(bar.left(), bar.top(), bar.width() * std::min(1.0, used), bar.height()));
    p->setPen(text);
    p->drawText(QRectF(bar.right() + 3, bar.top() - 4, 34, 14), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("%1/%2").arg(view_.budgetUsed).arg(view_.budgetMax));
}

void ProcessItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF box(-width_ / 2, 0, width_, height_);
    const QColor colour = colours::state(view_.state);

    // Far out a box says less, in letters big enough to read: its id and one line
    // (hundreds on screen), then only its colour and id (thousands).
    const double onScreen = option ? option->levelOfDetailFromTransform(p->worldTransform()) : 1.0;
    if (onScreen < 0.25) {
        paintTile(p, box, onScreen);
        return;
    }
    if (onScreen < 0.6) {
        paintOverview(p, box, onScreen);
        return;
    }

    if (view_.flash > 0) { // a crash flashes, fading out
        QColor glow = colours::crash();
        glow.setAlphaF(0.55 * view_.flash);
        p->setPen(Qt::NoPen);
        p->setBrush(glow);
        p->drawRoundedRect(box.adjusted(-6, -6, 6, 6), 12, 12);
    }
    if (view_.reborn > 0 && view_.flash <= 0) { // a restart glows green, then settles
        QColor glow = colours::reborn();
        glow.setAlphaF(0.5 * view_.reborn);
        p->setPen(Qt::NoPen);
        p->setBrush(glow);
        const double grow = 6 * view_.reborn;
        p->drawRoundedRect(box.adjusted(-grow, -grow, grow, grow), 12, 12);
    }

    QColor fill =
        view_.supervisor ? colours::supervisorFill(view_.dark) : colours::workerFill(view_.dark);
    if (view_.heat.isValid()) fill = view_.heat;
    if (view_.state == QLatin1String("removed")) fill.setAlphaF(0.5);
    QPen border(view_.selected ? colours::selection() : colour, view_.selected ? 3.5 : 2.0);
    if (view_.bystander && !view_.supervisor) border.setStyle(Qt::DashLine);
    if (view_.folded) { // a folded subtree: a stack of boxes
        p->setPen(QPen(colour.darker(130), 1.5));
        p->setBrush(fill.darker(115));
        p->drawRoundedRect(box.translated(6, 6), 8, 8);
        p->drawRoundedRect(box.translated(3, 3), 8, 8);
    }
    p->setBrush(fill);
    p->setPen(border);
    if (view_.supervisor) {
        QPainterPath shape; // supervisors: cut corners
        const double c = 10;
        shape.moveTo(box.left() + c, box.top());
        shape.lineTo(box.right() - c, box.top());
        shape.lineTo(box.right(), box.top() + c);
        shape.lineTo(box.right(), box.bottom() - c);
        shape.lineTo(box.right() - c, box.bottom());
        shape.lineTo(box.left() + c, box.bottom());
        shape.lineTo(box.left(), box.bottom() - c);
        shape.lineTo(box.left(), box.top() + c);
        shape.closeSubpath();
        p->drawPath(shape);
    } else {
        p->drawRoundedRect(box, 8, 8);
    }
    if (view_.marked) { // dotted all round: the source left this child to run time
        p->setPen(QPen(colour, 1.5, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(box.adjusted(-4, -4, 4, 4), 10, 10);
    }
    if (view_.highlighted) { // named by the finding or cut set picked in the analysis
        p->setPen(QPen(colours::selection(), 3, Qt::DashLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(box.adjusted(-6, -6, 6, 6), 12, 12);
    }

    // State stripe on the left.
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawRect(QRectF(box.left() + 1, box.top() + 8, 5, box.height() - 16));

    const QColor text = view_.heat.isValid() ? colours::textOn(view_.heat)
                        : view_.supervisor   ? QColor(0xf4, 0xf4, 0xf4)
                                             : QColor(0x20, 0x20, 0x20);
    QFont f = p->font();
    f.setPointSizeF(8.5);
    f.setBold(true);
    p->setFont(f);
    p->setPen(text);
    const QRectF inner = box.adjusted(10, 3, -5, -3);
    const QString title = view_.folded ? view_.id + QStringLiteral(" \u25B8") : view_.id;
    // When a name does not fit, its end is what tells it apart (MyApp.…Supervisor).
    p->drawText(QRectF(inner.left(), inner.top(), inner.width(), 14),
                Qt::AlignLeft | Qt::AlignVCenter,
                fittedId(p->fontMetrics(), title, int(inner.width())));
    f.setBold(false);
    f.setPointSizeF(7.5);
    p->setFont(f);
    const QString line2 =
        (view_.pid.isEmpty() ? QString() : view_.pid + QStringLiteral("  ")) + view_.state +
        (view_.restarts ? QStringLiteral("  \u21BB%1").arg(view_.restarts) : QString());
    p->drawText(QRectF(inner.left(), inner.top() + 15, inner.width(), 13),
                Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(line2, Qt::ElideRight, int(inner.width())));
    QString line3 = view_.folded ? view_.summary : view_.detail;
    if (view_.state == QLatin1String("down") && !view_.lastReason.isEmpty())
        line3 = QStringLiteral("exit: ") + view_.lastReason;
    p->drawText(QRectF(inner.left(), inner.top() + 28, inner.width(), 13),
                Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(line3, Qt::ElideRight, int(inner.width())));

    if (view_.supervisor && view_.budgetMax >= 0) paintBudget(p, inner, box, text);
    if (!view_.gaveUpAt.isEmpty()) paintBadge(p, box);
}

} // namespace suplab
