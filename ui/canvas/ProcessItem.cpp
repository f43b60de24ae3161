#include "ProcessItem.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace suplab {

namespace {
QColor stateColour(const QString& state) {
    if (state == QLatin1String("running")) return QColor(0x2e, 0x9e, 0x5b);
    if (state == QLatin1String("starting")) return QColor(0x5b, 0x8d, 0xd6);
    if (state == QLatin1String("restarting")) return QColor(0xe0, 0x9b, 0x1b);
    if (state == QLatin1String("stopping")) return QColor(0xd9, 0x73, 0x2c);
    if (state == QLatin1String("down")) return QColor(0xc8, 0x3a, 0x3a);
    return QColor(0x88, 0x88, 0x88); // removed
}
} // namespace

ProcessItem::ProcessItem(QString path, double width, double height)
    : path_(std::move(path)), width_(width), height_(height) {
    setToolTip(path_);
}

void ProcessItem::setView(const ProcessView& view) {
    view_ = view;
    update();
}

QRectF ProcessItem::boundingRect() const {
    return QRectF(-width_ / 2 - 6, -6, width_ + 12, height_ + 12);
}

void ProcessItem::paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget*) {
    p->setRenderHint(QPainter::Antialiasing);
    const QRectF box(-width_ / 2, 0, width_, height_);
    const QColor colour = stateColour(view_.state);

    // Far out (hundreds of processes on screen) a process is a coloured tile with its id.
    const double onScreen = option ? option->levelOfDetailFromTransform(p->worldTransform()) : 1.0;
    if (onScreen < 0.35) {
        QColor tile = colour;
        if (view_.supervisor) tile = tile.darker(170);
        if (view_.flash > 0) tile = QColor(0xff, 0x30, 0x30);
        p->setPen(view_.selected ? QPen(QColor(0x1e, 0x88, 0xe5), 6) : Qt::NoPen);
        p->setBrush(tile);
        p->drawRect(box);
        if (onScreen > 0.12) {
            QFont f = p->font();
            f.setPointSizeF(22);
            p->setFont(f);
            p->setPen(Qt::white);
            p->drawText(box, Qt::AlignCenter, view_.id);
        }
        return;
    }

    if (view_.flash > 0) { // a crash flashes, fading out
        QColor glow(0xff, 0x30, 0x30);
        glow.setAlphaF(0.55 * view_.flash);
        p->setPen(Qt::NoPen);
        p->setBrush(glow);
        p->drawRoundedRect(box.adjusted(-6, -6, 6, 6), 12, 12);
    }

    if (view_.reborn > 0 && view_.flash <= 0) { // a restart glows green, then settles
        QColor glow(0x43, 0xa0, 0x47);
        glow.setAlphaF(0.5 * view_.reborn);
        p->setPen(Qt::NoPen);
        p->setBrush(glow);
        const double grow = 6 * view_.reborn;
        p->drawRoundedRect(box.adjusted(-grow, -grow, grow, grow), 12, 12);
    }

    QColor fill = view_.supervisor ? QColor(0x26, 0x2b, 0x38) : QColor(0xfa, 0xfa, 0xfa);
    if (view_.state == QLatin1String("removed")) fill.setAlphaF(0.5);
    p->setBrush(fill);
    QPen border(view_.selected ? QColor(0x1e, 0x88, 0xe5) : colour, view_.selected ? 3.5 : 2.0);
    if (view_.bystander && !view_.supervisor) border.setStyle(Qt::DashLine);
    p->setPen(border);
    if (view_.supervisor) {
        QPainterPath shape; // supervisors: cut corners, dark
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

    // State stripe on the left.
    p->setPen(Qt::NoPen);
    p->setBrush(colour);
    p->drawRect(QRectF(box.left() + 1, box.top() + 8, 5, box.height() - 16));

    const QColor text = view_.supervisor ? QColor(0xf0, 0xf0, 0xf0) : QColor(0x20, 0x20, 0x20);
    QFont f = p->font();
    f.setPointSizeF(8.5);
    f.setBold(true);
    p->setFont(f);
    p->setPen(text);
    const QRectF inner = box.adjusted(10, 3, -5, -3);
    const QString title = view_.collapsed ? view_.id + QStringLiteral(" \u25B8") : view_.id;
    p->drawText(QRectF(inner.left(), inner.top(), inner.width(), 14),
                Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(title, Qt::ElideMiddle, int(inner.width())));
    f.setBold(false);
    f.setPointSizeF(7.5);
    p->setFont(f);
    const QString line2 =
        view_.pid + QStringLiteral("  ") + view_.state +
        (view_.restarts ? QStringLiteral("  \u21BB%1").arg(view_.restarts) : QString());
    p->drawText(QRectF(inner.left(), inner.top() + 15, inner.width(), 13),
                Qt::AlignLeft | Qt::AlignVCenter, line2);
    QString line3 = view_.detail;
    if (view_.state == QLatin1String("down") && !view_.lastReason.isEmpty())
        line3 = QStringLiteral("exit: ") + view_.lastReason;
    p->drawText(QRectF(inner.left(), inner.top() + 28, inner.width(), 13),
                Qt::AlignLeft | Qt::AlignVCenter,
                p->fontMetrics().elidedText(line3, Qt::ElideRight, int(inner.width())));

    if (view_.supervisor && view_.budgetMax >= 0) { // the restart budget, draining and recovering
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
        p->drawText(QRectF(bar.right() + 3, bar.top() - 4, 34, 14),
                    Qt::AlignLeft | Qt::AlignVCenter,
                    QStringLiteral("%1/%2").arg(view_.budgetUsed).arg(view_.budgetMax));
    }
    if (view_.gaveUp) {
        QFont big = p->font();
        big.setBold(true);
        big.setPointSizeF(8);
        p->setFont(big);
        p->setPen(QColor(0xff, 0x52, 0x52));
        p->drawText(QRectF(box.left(), box.top() - 16, box.width(), 14), Qt::AlignCenter,
                    QStringLiteral("GAVE UP \u2191 escalates"));
    }
}

} // namespace suplab
