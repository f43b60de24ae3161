#include "RestartChart.h"

#include "help/DistinctNames.h"
#include "state/TreeState.h"
#include "timeline/TimeAxis.h"
#include "window/Theme.h"

#include <QChart>
#include <QLegendMarker>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

namespace suplab {

RestartChart::RestartChart(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Restarts over time"));
    setToolTip(tr("Restarts counted in each supervisor's max_seconds window. A few lines are "
                  "drawn: the supervisor you select always gets one (\"+N more\": others that "
                  "restarted too)."));
    clear();
}

void RestartChart::changeEvent(QEvent* event) {
    // A new palette: the matching chart theme; the points stay, the limit stays dashed red.
    if (event->type() == QEvent::PaletteChange && chart()) {
        chart()->setTheme(theme::isDark(palette()) ? QChart::ChartThemeDark
                                                   : QChart::ChartThemeLight);
        if (limit_) limit_->setPen(QPen(QColor(0xe5, 0x39, 0x35), 2, Qt::DashLine));
    }
    QChartView::changeEvent(event);
}

void RestartChart::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    nameSeries(); // the room each legend entry has changed
    setRanges(x_->min(), x_->max(), maxY_);
}

void RestartChart::clear() {
    auto* chart = new QChart(); // owned by the view from setChart on
    chart->setTheme(theme::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(tr("Restarts in the window vs max_restarts (- - -)"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setShowToolTips(true);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(7);
    chart->legend()->setFont(legendFont);
    x_ = new QValueAxis(chart);
    x_->setTitleText(tr("seconds"));
    y_ = new QValueAxis(chart);
    y_->setTitleText(tr("restarts"));
    y_->setLabelFormat(QStringLiteral("%d"));
    // Ticks on round values from zero, never where a tick count would put them (4.8, 9.7).
    for (auto* axis : {x_, y_}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
    }
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(y_, Qt::AlignLeft);
    limit_ = new QLineSeries(chart);
    limit_->setName(tr("max_restarts"));
    limit_->setPen(QPen(QColor(0xe5, 0x39, 0x35), 2, Qt::DashLine));
    chart->addSeries(limit_);
    limit_->attachAxis(x_);
    limit_->attachAxis(y_);
    // The limit is named on the y axis, so that the legend's one line goes to the
    // supervisors' names.
    for (auto* marker : chart->legend()->markers(limit_))
        marker->setVisible(false);
    QChart* previous = this->chart();
    setChart(chart); // the view owns the new chart and gives the old one back
    delete previous;
    series_.clear();
    restarted_.clear();
    paths_.clear();
    maxX_ = 10;
    maxY_ = 4;
    setRanges(0, 10, maxY_);
}

namespace {

// Qt lays out every tick between two calls: a range of a billion restarts (a restart loop's
// max_restarts) with the old step of 1 would make a billion of them. So the coarser step
// goes first, the range next, and then the step that range wants.
void setAxis(QValueAxis* axis, double from, double to, double step) {
    axis->setTickInterval(std::max(axis->tickInterval(), step));
    axis->setRange(from, to);
    axis->setTickInterval(step);
}

} // namespace

void RestartChart::setRanges(double fromS, double toS, int maxY) {
    // As many ticks as fit a label each (about 60 px), on whole seconds, 1/2/5 steps.
    const int xTicks = std::max(2, int(chart()->plotArea().width() / 60));
    const Ticks ticks = niceTicks(std::int64_t(fromS * 1e6), std::int64_t(toS * 1e6), xTicks);
    setAxis(x_, fromS, toS, double(ticks.stepUs) / 1e6);
    x_->setLabelFormat(ticks.decimals() == 0 ? QStringLiteral("%d")
                                             : QStringLiteral("%.%1f").arg(ticks.decimals()));
    // Restarts are whole: a step of 1, 2, 5, 10, ... restarts.
    // At least a tick per restart up to a few: "0" alone says nothing.
    const int yTicks = std::max(std::min(maxY, 5), int(chart()->plotArea().height() / 20));
    const Ticks restarts = niceTicks(0, std::int64_t(maxY) * 1'000'000, yTicks);
    setAxis(y_, 0, maxY, std::max(1.0, double(restarts.stepUs) / 1e6));
}

QLineSeries* RestartChart::seriesFor(const QString& supervisor) {
    if (auto* s = series_.value(supervisor)) return s;
    auto* s = new QLineSeries(chart());
    chart()->addSeries(s);
    s->attachAxis(x_);
    s->attachAxis(y_);
    series_.insert(supervisor, s);
    paths_ << supervisor;
    nameSeries();
    return s;
}

void RestartChart::nameSeries() {
    if (paths_.isEmpty()) return;
    // The legend is one line that Qt truncates to "MyApp...." when it overflows: the longest
    // names that fit it whole, measured, each entry with its marker and spacing.
    const QFontMetricsF fm(chart()->legend()->font());
    const double perEntry = fm.height() + 16;
    const double room = width() - 40;
    QStringList names;
    for (int maxChars = 40; maxChars >= 6; --maxChars) {
        names = distinctNames(paths_, maxChars);
        double used = 0;
        for (const QString& name : names)
            used += perEntry + fm.horizontalAdvance(name);
        if (used <= room) break;
    }
    for (qsizetype i = 0; i < paths_.size(); ++i)
        series_.value(paths_[i])->setName(names[i]);
}

void RestartChart::sample(const TreeState& state, std::int64_t nowUs, const QString& focus) {
    const double t = double(nowUs) / 1e6;
    int limit = 0;
    int unshown = 0;
    for (const auto& [path, node] : state.nodes()) {
        if (!node.isSupervisor()) continue;
        const auto [used, max] = state.budget(path, nowUs);
        const QString p = QString::fromStdString(path);
        if (p == focus || (limit == 0 && path == state.rootPath())) limit = max;
        if (used > 0) restarted_.insert(p);
        if (!series_.contains(p)) {
            if (used == 0 && p != focus) continue; // a line once it has restarted
            // A few lines are readable; the one in focus always gets one.
            if (series_.size() >= kMaxLines && p != focus) continue;
        }
        auto* s = seriesFor(p);
        if (s->count() == 0) s->append(0, 0);
        // A count changes at an instant: a step, not a ramp from the last sample.
        if (const QPointF last = s->at(s->count() - 1); last.y() != used) s->append(t, last.y());
        s->append(t, used);
        if (s->count() > 2000) s->removePoints(0, s->count() - 2000);
        maxY_ = std::max(maxY_, used + 1);
    }
    // A limit far above what is drawn would flatten every line to zero: it is then said,
    // not drawn to scale.
    const bool limitShown = limit + 1 <= std::max(maxY_, kMaxScaledLimit);
    if (limitShown) maxY_ = std::max(maxY_, limit + 1);

    limit_->clear();
    limit_->append(0, limit);
    limit_->append(std::max(10.0, t), limit);
    // The title names the dashed line (and says when it is above the chart) and how many
    // supervisors that restarted have no line of their own.
    QString title = limitShown ? tr("Restarts in the window vs max_restarts (- - -)")
                               : tr("Restarts (max_restarts: %1)").arg(limit);
    // Those that ever restarted and have no line: a count that only grows.
    for (const QString& p : std::as_const(restarted_))
        if (!series_.contains(p)) ++unshown;
    if (unshown > 0) title += tr(", +%1 more").arg(unshown);
    if (chart()->title() != title) chart()->setTitle(title);
    maxX_ = std::max(maxX_, t);
    setRanges(std::max(0.0, maxX_ - 60), std::max(10.0, maxX_), maxY_);
}

} // namespace suplab
