#include "ScriptTimeline.h"

#include "timeline/TimeAxis.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace suplab {

namespace {

constexpr double kMargin = 8;     // room at either end for a dot, a triangle, half a label
constexpr double kGap = 6;        // between two labels on one row
constexpr double kTickSpace = 70; // pixels per tick label, at least
const QColor kDone(0xc6, 0x28, 0x28);
const QColor kGaveUp(0xe5, 0x39, 0x35);
const QColor kNow(0x1e, 0x88, 0xe5);

/// `r` moved sideways to lie within [left, right] (as far as it fits).
QRectF keptInside(QRectF r, double left, double right) {
    if (r.right() > right) r.moveRight(right);
    if (r.left() < left) r.moveLeft(left);
    return r;
}

bool overlapsAny(const QRectF& r, const std::vector<QRectF>& taken) {
    const QRectF padded = r.adjusted(-kGap / 2, 0, kGap / 2, 0);
    return std::any_of(taken.begin(), taken.end(),
                       [&](const QRectF& t) { return padded.intersects(t); });
}

QString seconds(std::int64_t us, int decimals) {
    return QStringLiteral("%1 s").arg(double(us) / 1e6, 0, 'f', decimals);
}

} // namespace

ScriptTimeline::ScriptTimeline(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Script timeline"));
    // It sits in a tool bar: take the bar's whole width, keep one fixed height.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    small_ = font();
    small_.setPointSizeF(7);
}

int ScriptTimeline::rowHeight() const {
    return QFontMetrics(small_).height();
}

// Rows: step and mark labels, the line with its dots, tick labels and the clock.
double ScriptTimeline::trackY() const {
    return 1 + rowHeight() + 7;
}

QSize ScriptTimeline::sizeHint() const {
    return {480, 2 * rowHeight() + 14};
}

QSize ScriptTimeline::minimumSizeHint() const {
    return {160, 2 * rowHeight() + 14};
}

void ScriptTimeline::setScript(const std::vector<ScriptStep>& steps, std::int64_t settleMs) {
    steps_.clear();
    steps_.reserve(steps.size());
    QStringList lines;
    for (const auto& s : steps) {
        const QString action = QString::fromLatin1(toString(s.action));
        const QString line = QStringLiteral("%1 ms  %2 %3")
                                 .arg(s.at_ms)
                                 .arg(action, QString::fromStdString(s.target));
        steps_.push_back(Step{s.at_ms * 1000, action, line});
        lines << line;
    }
    scriptEndUs_ = ((steps.empty() ? 0 : steps.back().at_ms) + settleMs) * 1000;
    if (scriptEndUs_ <= 0) scriptEndUs_ = 1'000'000;
    axisEndUs_ = scriptEndUs_;
    nowUs_ = 0;
    marks_.clear();
    setToolTip(lines.isEmpty() ? tr("No script: break things by hand")
                               : lines.join(QLatin1Char('\n')));
    laidOut_ = false;
    update();
}

void ScriptTimeline::setNow(std::int64_t nowUs) {
    if (nowUs == nowUs_) return;
    nowUs_ = nowUs;
    if (nowUs_ > axisEndUs_) {
        // Past the end: half as much again, in whole seconds, so the layout holds a while.
        axisEndUs_ = (nowUs_ * 3 / 2 + 999'999) / 1'000'000 * 1'000'000;
        laidOut_ = false;
    }
    update();
}

void ScriptTimeline::addMark(std::int64_t tUs, const QString& label, const QString& tip) {
    marks_.push_back(Mark{tUs, label, tip});
    if (tUs > axisEndUs_) setNow(std::max(nowUs_, tUs));
    laidOut_ = false;
    update();
}

void ScriptTimeline::clearMarks() {
    marks_.clear();
    laidOut_ = false;
    update();
}

void ScriptTimeline::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        small_ = font();
        small_.setPointSizeF(7);
        updateGeometry();
    }
    laidOut_ = false;
    QWidget::changeEvent(event);
}

void ScriptTimeline::resizeEvent(QResizeEvent* event) {
    laidOut_ = false;
    QWidget::resizeEvent(event);
}

void ScriptTimeline::layOut() {
    const QFontMetricsF fm(small_);
    const double w = width();
    const TimeAxis axis{0, axisEndUs_, kMargin, w - 2 * kMargin};
    const QRectF labelRow(0, 1, w, fm.height());
    std::vector<QRectF> taken; // label rects already on the label row

    // Marks first: a give-up matters more than the name of a step.
    markLabels_.clear();
    for (const auto& m : marks_) {
        const double x = axis.toX(m.tUs);
        Label l{QRectF(), m.label, m.tip, x, x};
        const double tw = fm.horizontalAdvance(m.label);
        l.rect = keptInside(QRectF(x - tw / 2, labelRow.top(), tw, labelRow.height()), 0, w);
        if (m.label.isEmpty() || overlapsAny(l.rect, taken))
            l.text.clear();
        else
            taken.push_back(l.rect);
        markLabels_.push_back(l);
    }
    layOutSteps(labelRow, taken);

    ticks_.clear();
    const int maxTicks = std::max(2, int(w / kTickSpace));
    const Ticks ticks = niceTicks(0, axisEndUs_, maxTicks);
    const double tickTop = trackY() + 4;
    double lastRight = -1e9;
    for (int i = 0; i < ticks.count; ++i) {
        Tick t{axis.toX(ticks.at(i)), QRectF(), seconds(ticks.at(i), ticks.decimals())};
        const double tw = fm.horizontalAdvance(t.text);
        t.rect = keptInside(QRectF(t.x - tw / 2, tickTop, tw, fm.height()), 0, w);
        if (t.rect.left() < lastRight + kGap)
            t.text.clear(); // the tick stays, unlabelled
        else
            lastRight = t.rect.right();
        ticks_.push_back(t);
    }
    laidOut_ = true;
}

void ScriptTimeline::layOutSteps(const QRectF& row, std::vector<QRectF>& taken) {
    const QFontMetricsF fm(small_);
    const double w = width();
    const TimeAxis axis{0, axisEndUs_, kMargin, w - 2 * kMargin};
    // Steps whose labels would touch share one: "kill ×4", or "6 steps" when they differ.
    struct Cluster {
        std::size_t first = 0, last = 0;
        bool mixed = false;
        double x0 = 0, x1 = 0;
        QRectF rect;
    };
    const auto place = [&](Cluster& c) {
        const std::size_t n = c.last - c.first + 1;
        const QString text = n == 1 ? steps_[c.first].action
                             : c.mixed
                                 ? tr("%1 steps").arg(n)
                                 : QStringLiteral("%1 \u00D7%2").arg(steps_[c.first].action).arg(n);
        const double tw = fm.horizontalAdvance(text);
        const double mid = (c.x0 + c.x1) / 2;
        c.rect = keptInside(QRectF(mid - tw / 2, row.top(), tw, row.height()), 0, w);
        return text;
    };
    std::vector<Cluster> clusters;
    for (std::size_t i = 0; i < steps_.size(); ++i) {
        const double x = axis.toX(steps_[i].tUs);
        Cluster c{i, i, false, x, x, QRectF()};
        place(c);
        clusters.push_back(c);
        // Merge backwards while the newest label touches the one before it; a burst of one
        // action merges from a little further, so that it reads "kill ×4", not "kill ×3 kill".
        while (clusters.size() >= 2) {
            Cluster& prev = clusters[clusters.size() - 2];
            const Cluster& next = clusters.back();
            const bool mixed =
                prev.mixed || next.mixed || steps_[next.first].action != steps_[prev.first].action;
            if (next.rect.left() >= prev.rect.right() + (mixed ? kGap : 2 * kGap)) break;
            prev.mixed = mixed;
            prev.last = next.last;
            prev.x1 = next.x1;
            clusters.pop_back();
            place(clusters.back());
        }
    }
    stepLabels_.clear();
    for (auto& c : clusters) {
        Label l{QRectF(), place(c), QString(), c.x0, c.x1};
        l.rect = c.rect;
        QStringList lines;
        for (std::size_t i = c.first; i <= c.last; ++i)
            lines << steps_[i].line;
        l.tip = lines.join(QLatin1Char('\n'));
        if (overlapsAny(l.rect, taken))
            l.text.clear(); // the dots stay; the tip lists them
        else
            taken.push_back(l.rect);
        stepLabels_.push_back(l);
    }
}

QString ScriptTimeline::tipAt(QPointF pos) const {
    const auto hit = [&](const Label& l) {
        return (pos.x() >= l.x0 - 6 && pos.x() <= l.x1 + 6) ||
               (!l.text.isEmpty() && l.rect.adjusted(-2, -2, 2, 2).contains(pos));
    };
    for (const auto& l : markLabels_)
        if (hit(l)) return l.tip;
    for (const auto& l : stepLabels_)
        if (hit(l)) return l.tip;
    return toolTip();
}

bool ScriptTimeline::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        if (!laidOut_) layOut();
        const QString tip = tipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, this);
        return true;
    }
    return QWidget::event(event);
}

void ScriptTimeline::paintEvent(QPaintEvent*) {
    if (!laidOut_) layOut();
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(small_);
    const QFontMetricsF fm(small_);
    const double w = width(), y = trackY();
    const TimeAxis axis{0, axisEndUs_, kMargin, w - 2 * kMargin};
    const QColor text = palette().windowText().color();
    QColor faint = text;
    faint.setAlphaF(0.6f);

    p.setPen(QPen(palette().mid().color(), 2));
    p.drawLine(QPointF(kMargin, y), QPointF(w - kMargin, y));

    // The clock's label first: tick labels under it give way.
    const QString nowText = seconds(nowUs_, 1);
    const double nx = axis.toX(std::min(nowUs_, axisEndUs_));
    const double nw = fm.horizontalAdvance(nowText) + 6;
    QRectF nowRect(nx + 3, y + 3, nw, fm.height() + 1);
    if (nowRect.right() > w) nowRect.moveRight(nx - 3); // near the end: to the left of the line
    nowRect = keptInside(nowRect, 0, w);

    p.setPen(QPen(faint, 1));
    for (const auto& t : ticks_) {
        p.drawLine(QPointF(t.x, y + 1), QPointF(t.x, y + 4));
        if (!t.text.isEmpty() && !t.rect.intersects(nowRect.adjusted(-kGap, 0, kGap, 0)))
            p.drawText(t.rect, Qt::AlignCenter, t.text);
    }

    p.setPen(Qt::NoPen);
    for (const auto& s : steps_) {
        p.setBrush(s.tUs <= nowUs_ ? kDone : palette().dark().color());
        p.drawEllipse(QPointF(axis.toX(s.tUs), y), 3.5, 3.5);
    }
    p.setPen(text);
    for (const auto& l : stepLabels_)
        if (!l.text.isEmpty()) p.drawText(l.rect, Qt::AlignCenter, l.text);

    for (const auto& l : markLabels_) {
        QPainterPath triangle;
        triangle.moveTo(l.x0 - 5, y - 6);
        triangle.lineTo(l.x0 + 5, y - 6);
        triangle.lineTo(l.x0, y + 3);
        triangle.closeSubpath();
        p.setPen(QPen(kGaveUp.darker(140), 1));
        p.setBrush(kGaveUp);
        p.drawPath(triangle);
        if (!l.text.isEmpty()) {
            p.setPen(kGaveUp);
            p.drawText(l.rect, Qt::AlignCenter, l.text);
        }
    }

    p.setPen(QPen(kNow, 2));
    p.drawLine(QPointF(nx, y - 7), QPointF(nx, height() - 2.0));
    p.setPen(Qt::NoPen);
    p.setBrush(kNow);
    p.drawRoundedRect(nowRect, 3, 3);
    p.setPen(Qt::white);
    p.drawText(nowRect, Qt::AlignCenter, nowText);
}

} // namespace suplab
