#include "RestartChart.h"

#include "state/TreeState.h"
#include "window/Theme.h"

#include <QChart>
#include <QPen>
#include <QValueAxis>

namespace suplab {

RestartChart::RestartChart(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setAccessibleName(tr("Restarts over time"));
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

void RestartChart::clear() {
    auto* chart = new QChart(); // owned by the view from setChart on
    chart->setTheme(theme::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(tr("Restarts in the intensity window"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(7);
    chart->legend()->setFont(legendFont);
    auto* x = new QValueAxis(chart);
    x->setTitleText(tr("seconds"));
    x->setRange(0, 10);
    auto* y = new QValueAxis(chart);
    y->setTitleText(tr("restarts"));
    y->setRange(0, 4);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    limit_ = new QLineSeries(chart);
    limit_->setName(tr("limit (max_restarts)"));
    limit_->setPen(QPen(QColor(0xe5, 0x39, 0x35), 2, Qt::DashLine));
    chart->addSeries(limit_);
    limit_->attachAxis(x);
    limit_->attachAxis(y);
    QChart* previous = this->chart();
    setChart(chart); // the view owns the new chart and gives the old one back
    delete previous;
    series_.clear();
    maxX_ = 10;
    maxY_ = 4;
}

QLineSeries* RestartChart::seriesFor(const QString& supervisor) {
    if (auto* s = series_.value(supervisor)) return s;
    auto* s = new QLineSeries(chart());
    s->setName(supervisor.section(QLatin1Char('/'), -1));
    chart()->addSeries(s);
    for (auto* axis : chart()->axes())
        s->attachAxis(axis);
    series_.insert(supervisor, s);
    return s;
}

void RestartChart::sample(const TreeState& state, std::int64_t nowUs, const QString& focus) {
    const double t = double(nowUs) / 1e6;
    int limit = 0;
    for (const auto& [path, node] : state.nodes()) {
        if (!node.isSupervisor()) continue;
        const auto [used, max] = state.budget(path, nowUs);
        const QString p = QString::fromStdString(path);
        if (p == focus || (limit == 0 && path == state.rootPath())) limit = max;
        if (!series_.contains(p) && used == 0) continue; // a line once it has restarted
        auto* s = seriesFor(p);
        if (s->count() == 0) s->append(0, 0);
        s->append(t, used);
        if (s->count() > 2000) s->removePoints(0, s->count() - 2000);
        maxY_ = std::max({maxY_, used + 1, max + 1});
    }
    limit_->clear();
    limit_->append(0, limit);
    limit_->append(std::max(10.0, t), limit);
    maxX_ = std::max(maxX_, t);
    const auto axes = chart()->axes();
    if (axes.size() >= 2) {
        axes[0]->setRange(std::max(0.0, maxX_ - 60), std::max(10.0, maxX_));
        axes[1]->setRange(0, maxY_);
    }
}

} // namespace suplab
