#include "LifeTimeline.h"

#include "help/DistinctNames.h"
#include "state/TreeState.h"
#include "timeline/TimeAxis.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace suplab {

namespace {

constexpr std::int64_t kWindowUs = 60'000'000;   // the last minute at most
constexpr std::int64_t kMinWindowUs = 5'000'000; // before then, the run so far (5 s at least)
constexpr double kRowHeight = 16;
constexpr int kMaxNameChars = 28;
const QColor kWorker(0x43, 0xa0, 0x47);
const QColor kSupervisor(0x45, 0x5a, 0x64);
const QColor kCrash(0xe5, 0x39, 0x35);
constexpr std::size_t kMaxNamedRows = 200;

} // namespace

LifeTimeline::LifeTimeline(QWidget* parent) : QWidget(parent) {
    setAccessibleName(tr("Process up/down timeline"));
    setToolTip(tr("Each row is a process: the bar while it is up, a gap while it is down, a red "
                  "tick when it died abnormally."));
    small_ = font();
    small_.setPointSizeF(7);
}

void LifeTimeline::changeEvent(QEvent* event) {
    if (event->type() == QEvent::FontChange) {
        small_ = font();
        small_.setPointSizeF(7);
        rows_.clear(); // measure the names again
    }
    QWidget::changeEvent(event);
}

void LifeTimeline::refresh(const TreeState* state, std::int64_t nowUs, const QString& subtree) {
    state_ = state;
    nowUs_ = nowUs;
    subtree_ = subtree;
    nameRows();
    update();
}

void LifeTimeline::nameRows() {
    // The rows change only with the tree's shape or the subtree shown.
    const std::uint64_t version = state_ ? state_->structureVersion() : 0;
    if (state_ == namedState_ && version == namedVersion_ && subtree_ == namedSubtree_ &&
        !rows_.empty())
        return;
    namedState_ = state_;
    namedVersion_ = version;
    namedSubtree_ = subtree_;
    std::vector<std::string> rows;
    if (state_) {
        const std::string sub = subtree_.toStdString();
        for (auto& path : state_->treeOrder())
            if (sub.empty() || path == sub || path.rfind(sub + "/", 0) == 0)
                rows.push_back(std::move(path));
    }
    if (rows == rows_) return;
    rows_ = std::move(rows);
    // Paths, not ids: two children of different supervisors may share an id.
    // Only rows that can be on screen are named: a tree of 10,000 shows a few dozen.
    QStringList paths;
    for (std::size_t i = 0; i < rows_.size() && i < kMaxNamedRows; ++i)
        paths << QString::fromStdString(rows_[i]);
    names_ = distinctNames(paths, kMaxNameChars);
    const QFontMetricsF fm(small_);
    namesWidth_ = 0;
    for (const auto& name : names_)
        namesWidth_ = std::max(namesWidth_, fm.horizontalAdvance(name));
}

// The legend, in as many lines as the width needs, ending at `bottom`; returns its top.
double LifeTimeline::paintLegend(QPainter& p, double bottom) {
    const QFontMetricsF fm(small_);
    enum class Key { Worker, Supervisor, Crash, Gap };
    const std::pair<Key, QString> items[] = {{Key::Worker, tr("worker up")},
                                             {Key::Supervisor, tr("supervisor up")},
                                             {Key::Crash, tr("abnormal exit")},
                                             {Key::Gap, tr("gap: down")}};
    const double swatch = 12, gap = 10, line = fm.height() + 2;
    // Lay out first (how many lines), then draw from the top.
    std::vector<QPointF> at;
    double x = 4;
    int lines = 1;
    for (const auto& item : items) {
        const double w = swatch + 3 + fm.horizontalAdvance(item.second);
        if (x > 4 && x + w > width() - 4) {
            x = 4;
            ++lines;
        }
        at.emplace_back(x, (lines - 1) * line);
        x += w + gap;
    }
    const double top = bottom - lines * line;
    for (std::size_t i = 0; i < std::size(items); ++i) {
        const QPointF o = at[i] + QPointF(0, top);
        const QRectF sw(o.x(), o.y() + line / 2 - 3, swatch, 6);
        switch (items[i].first) {
        case Key::Worker:
            p.fillRect(sw, kWorker);
            break;
        case Key::Supervisor:
            p.fillRect(sw, kSupervisor);
            break;
        case Key::Crash:
            p.fillRect(QRectF(o.x(), sw.top(), swatch / 2, 6), kWorker);
            p.setPen(QPen(kCrash, 2));
            p.drawLine(QPointF(o.x() + swatch / 2, o.y() + 1),
                       QPointF(o.x() + swatch / 2, o.y() + line - 1));
            break;
        case Key::Gap:
            p.fillRect(QRectF(o.x(), sw.top(), 4, 6), kWorker);
            p.fillRect(QRectF(o.x() + 8, sw.top(), 4, 6), kWorker);
            break;
        }
        p.setPen(palette().text().color());
        p.drawText(QRectF(o.x() + swatch + 3, o.y(), width(), line),
                   Qt::AlignVCenter | Qt::AlignLeft, items[i].second);
    }
    return top;
}

void LifeTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (!state_) return;
    p.setFont(small_);
    const QFontMetricsF fm(small_);
    const QColor text = palette().text().color();
    QColor faint = text, grid = text;
    faint.setAlphaF(0.55f);
    grid.setAlphaF(0.15f);

    // Bottom up: the legend, the axis, then as many rows as fit above them.
    const double legendTop = paintLegend(p, height() - 2);
    const double axisY = legendTop - fm.height() - 8;
    const double labelWidth = std::clamp(namesWidth_ + 8, 30.0, 0.4 * width());
    const double plotRight = width() - 8;
    const std::int64_t span = std::clamp(nowUs_, kMinWindowUs, kWindowUs);
    const TimeAxis axis = TimeAxis::following(nowUs_, span, labelWidth, plotRight - labelWidth);

    p.setPen(QPen(faint, 1));
    p.drawLine(QPointF(labelWidth, axisY), QPointF(plotRight, axisY));
    const Ticks ticks =
        niceTicks(axis.startUs, axis.endUs, std::max(2, int((plotRight - labelWidth) / 56)));
    double lastRight = -1e9;
    for (int i = 0; i < ticks.count; ++i) {
        const double x = axis.toX(ticks.at(i));
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(x, 4), QPointF(x, axisY)); // a faint grid line per tick
        const QString label =
            QStringLiteral("%1 s").arg(double(ticks.at(i)) / 1e6, 0, 'f', ticks.decimals());
        const double tw = fm.horizontalAdvance(label);
        QRectF r(x - tw / 2, axisY + 3, tw, fm.height());
        if (r.right() > width() - 1) r.moveRight(width() - 1);
        if (r.left() < lastRight + 6) continue;
        lastRight = r.right();
        p.setPen(text);
        p.drawText(r, Qt::AlignCenter, label);
    }

    const int fit = std::max(0, int((axisY - 4) / kRowHeight));
    const int shown = std::min(int(names_.size()),
                               int(rows_.size()) <= fit ? int(rows_.size()) : std::max(0, fit - 1));
    double y = 4;
    for (int row = 0; row < shown; ++row, y += kRowHeight) {
        const std::string& path = rows_[std::size_t(row)];
        const ProcessNode* n = state_->find(path);
        const QString name = names_[row];
        p.setPen(text);
        p.drawText(QRectF(2, y, labelWidth - 6, kRowHeight), Qt::AlignVCenter | Qt::AlignRight,
                   namesWidth_ + 8 > labelWidth
                       ? fm.elidedText(name, Qt::ElideRight, labelWidth - 6)
                       : name);
        auto it = state_->spans().find(path);
        if (it == state_->spans().end()) continue;
        const QColor bar = n && n->isSupervisor() ? kSupervisor : kWorker;
        // Lives are in order: skip those over before the window (a restart loop has many).
        const auto& lives = it->second;
        const auto first = std::partition_point(lives.begin(), lives.end(), [&](const auto& l) {
            return l.toUs >= 0 && l.toUs < axis.startUs;
        });
        for (auto life = first; life != lives.end(); ++life) {
            const std::int64_t to = life->toUs < 0 ? nowUs_ : life->toUs;
            const double x0 = std::max(axis.toX(life->fromUs), labelWidth);
            const double x1 = std::max(axis.toX(to), x0 + 1);
            p.fillRect(QRectF(x0, y + 3, x1 - x0, kRowHeight - 6), bar);
            if (life->toUs >= 0 && life->reason != "shutdown" && life->reason != "normal") {
                p.setPen(QPen(kCrash, 2));
                p.drawLine(QPointF(x1, y + 1), QPointF(x1, y + kRowHeight - 1));
            }
        }
    }
    if (shown < int(rows_.size())) {
        p.setPen(faint);
        p.drawText(QRectF(2, y, width() - 4, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   tr("+%1 more: select a supervisor to see its subtree")
                       .arg(rows_.size() - std::size_t(shown)));
    }
}

} // namespace suplab
