#include "CompareChart.h"

#include "io/AtomicFile.h"
#include "lanes/LaneLabels.h"
#include "window/Theme.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QGraphicsTextItem>
#include <QValueAxis>

#include <algorithm>

namespace suplab {

namespace {

/// The axis draws its labels as rich text: escaped, with <br> where they wrap.
QString html(const QString& label) {
    return label.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString plain(QString drawn) {
    return drawn.replace(QChar::LineSeparator, QLatin1Char('\n'))
        .replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
}

} // namespace

CompareChart::CompareChart(QWidget* parent) : QChartView(parent) {
    setAccessibleName(tr("Comparison chart"));
    setRenderHint(QPainter::Antialiasing);
    setLanes({});
}

void CompareChart::setLanes(const QStringList& overrides) {
    overrides_ = overrides;
    const LaneAxisLabels axis = laneAxisLabels(overrides);
    categories_ = axis.labels;
    results_.clear();
    auto* chart = new QChart();
    chart->setTheme(theme::isDark(palette()) ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(tr("What each lane's supervisors did with the same faults"));
    auto* series = new QBarSeries(chart);
    sets_.clear();
    for (const QString& name : {tr("restarts"), tr("give-ups"), tr("bystanders"), tr("lost")}) {
        auto* set = new QBarSet(name);
        for (int i = 0; i < categories_.size(); ++i)
            *set << 0;
        series->append(set);
        sets_.push_back(set);
    }
    chart->addSeries(series);
    x_ = new QBarCategoryAxis(chart);
    QStringList labels;
    for (const QString& c : categories_)
        labels << html(c);
    x_->append(labels);
    // Sized to fit (exportSize(), the minimum width): a label is never cut to "...".
    x_->setTruncateLabels(false);
    QStringList title;
    title << (axis.key.isEmpty() ? tr("lane: overrides that differ")
                                 : tr("lane: %1").arg(axis.key));
    if (!axis.shared.isEmpty()) title << tr("every lane: %1").arg(axis.shared);
    x_->setTitleText(html(title.join(QStringLiteral("; "))));
    chart->addAxis(x_, Qt::AlignBottom);
    series->attachAxis(x_);
    y_ = new QValueAxis(chart);
    y_->setLabelFormat(QStringLiteral("%d"));
    y_->setRange(0, 4);
    chart->addAxis(y_, Qt::AlignLeft);
    series->attachAxis(y_);
    QChart* previous = this->chart();
    setChart(chart);
    delete previous;
    setMinimumWidth(exportSize().width()); // never too narrow for its labels
}

void CompareChart::setResults(const std::vector<LaneResult>& results) {
    results_ = results;
    int top = 0;
    for (std::size_t r = 0; r < results.size() && int(r) < categories_.size(); ++r) {
        const RunMetrics& m = results[r].metrics;
        const int values[] = {m.restarts, m.giveUps, m.bystanders, m.lost};
        for (std::size_t s = 0; s < sets_.size(); ++s) {
            if (sets_[s]->at(int(r)) != values[s]) sets_[s]->replace(int(r), values[s]);
            top = std::max(top, values[s]);
        }
    }
    // Grows in whole steps and never shrinks within a run, so the bars do not jump about.
    if (top > y_->max()) {
        y_->setMax(top);
        y_->applyNiceNumbers();
    }
}

namespace {
/// The scene's text item that shows `category`, whole or elided.
const QGraphicsTextItem* labelItem(const QGraphicsScene& scene, const QString& category) {
    const QGraphicsTextItem* found = nullptr;
    for (const QGraphicsItem* item : scene.items()) {
        const auto* text = dynamic_cast<const QGraphicsTextItem*>(item);
        if (!text || !text->isVisible()) continue;
        const QString t = plain(text->toPlainText());
        if (t == category) return text;
        if (t.size() > 3 && t.endsWith(QStringLiteral("...")) && category.startsWith(t.chopped(3)))
            found = text;
    }
    return found;
}
} // namespace

QStringList CompareChart::drawnCategoryLabels() const {
    QStringList drawn;
    for (const QString& category : categories_) {
        const QGraphicsTextItem* item = labelItem(*scene(), category);
        drawn << (item ? plain(item->toPlainText()) : QString());
    }
    return drawn;
}

QList<QRect> CompareChart::drawnCategoryRects() const {
    QList<QRect> rects;
    for (const QString& category : categories_) {
        const QGraphicsTextItem* item = labelItem(*scene(), category);
        rects << (item ? mapFromScene(item->sceneBoundingRect()).boundingRect() : QRect());
    }
    return rects;
}

QSize CompareChart::exportSize() const {
    // Measured as the axis measures its labels: rich text in the labels' font.
    QGraphicsTextItem probe;
    probe.setFont(x_ ? x_->labelsFont() : font());
    qreal widest = 0;
    qreal tallest = 0;
    for (const QString& c : categories_) {
        probe.setHtml(html(c));
        widest = std::max(widest, probe.boundingRect().width());
        tallest = std::max(tallest, probe.boundingRect().height());
    }
    const int perLane = int(widest) + 24; // the slot a category gets, with room to spare
    return {int(categories_.size()) * perLane + 200, 420 + int(tallest)};
}

QString CompareChart::exportPng(const QString& file) const {
    CompareChart copy; // drawn at a size of its own, whatever the window's
    copy.setLanes(overrides_);
    copy.setResults(results_);
    copy.resize(copy.exportSize().expandedTo({720, 0})); // a picture, not a sliver
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!copy.grab().save(&buffer, "PNG")) return tr("%1: the chart could not be drawn").arg(file);
    const std::string problem =
        writeFileAtomically(file.toStdString(), {bytes.constData(), std::size_t(bytes.size())});
    if (!problem.empty()) return QString::fromStdString(problem);
    return {};
}

} // namespace suplab
