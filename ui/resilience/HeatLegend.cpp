#include "HeatLegend.h"

#include "canvas/CanvasColours.h"

#include <QLinearGradient>
#include <QPainter>

namespace suplab {

HeatLegend::HeatLegend(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Heat map legend"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void HeatLegend::setRange(int processes) {
    processes_ = processes;
    setToolTip(tr("Each process is filled by how many processes one fault of it takes down "
                  "(a worker's crash, a supervisor's kill): from itself alone to all %n.",
                  "", processes));
    update();
}

QSize HeatLegend::sizeHint() const {
    return {200, fontMetrics().height() * 2 + 8};
}

void HeatLegend::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int textH = fontMetrics().height();
    const QRectF bar(2, 2, width() - 4, height() - textH - 6);
    QLinearGradient g(bar.topLeft(), bar.topRight());
    for (int i = 0; i <= 10; ++i)
        g.setColorAt(i / 10.0, colours::heat(i / 10.0));
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(g);
    p.drawRoundedRect(bar, 3, 3);
    p.setPen(palette().color(QPalette::WindowText));
    const QRectF labels(2, bar.bottom() + 2, width() - 4, textH);
    p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, tr("takes down itself"));
    if (processes_ > 0)
        p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, tr("all %n", "", processes_));
    const QString middle = tr("blast radius");
    const int room = width() - 2 * fontMetrics().horizontalAdvance(tr("takes down itself"));
    if (room > fontMetrics().horizontalAdvance(middle) + 20)
        p.drawText(labels, Qt::AlignHCenter | Qt::AlignVCenter, middle);
}

} // namespace suplab
