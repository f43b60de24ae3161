#include "TreeCanvas.h"

#include "canvas/CanvasColours.h"
#include "canvas/CanvasLegend.h"
#include "help/OtpHelp.h"
#include "help/Plural.h"
#include "state/TreeState.h"
#include "window/Theme.h"

#include <QContextMenuEvent>
#include <QGraphicsLineItem>
#include <QGraphicsPathItem>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <functional>

namespace suplab {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
QString foldedSummary(const TreeState::Summary& s) {
    QStringList parts;
    if (s.workers) parts << countOf(s.workers, "worker", "workers");
    if (s.supervisors) parts << countOf(s.supervisors, "supervisor", "supervisors");
    if (s.notRunning) parts << QStringLiteral("%1 down").arg(s.notRunning);
    if (s.restarts) parts << countOf(s.restarts, "restart", "restarts");
    if (s.gaveUp) parts << QStringLiteral("%1 gave up").arg(s.gaveUp);
    return parts.join(QStringLiteral(", "));
}
QString foldedBrief(const TreeState::Summary& s) {
    QString brief = QString::number(s.workers + s.supervisors);
    if (s.notRunning) brief += QStringLiteral(" \u00B7 %1 down").arg(s.notRunning);
    if (s.restarts) brief += QStringLiteral(" \u00B7 %1\u21BB").arg(s.restarts);
    return brief;
}
} // namespace

TreeCanvas::TreeCanvas(QWidget* parent) : QGraphicsView(parent) {
    setScene(&scene_);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    // Items are moved only when the layout changes; the index finds what to paint.
    scene_.setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    setBackgroundBrush(palette().base());
    setAccessibleName(tr("Supervision tree"));
    setFocusPolicy(Qt::StrongFocus);
    dark_ = theme::isDark(palette());
    legend_ = new CanvasLegend(this);
    legend_->hide();
    wall_.start();
}

void TreeCanvas::clear() {
    scene_.clear();
    items_.clear();
    edges_.clear();
    usesEdges_.clear();
    animating_.clear();
    pending_.clear();
    summarisedAt_.clear();
    folded_.clear();
    foldPolicy_ = FoldPolicy{};
    selected_.clear();
    laidOutVersion_ = ~std::uint64_t(0);
    layoutWanted_ = true;
    fitted_ = true;
}

double TreeCanvas::widthFor(const ProcessNode& n) const {
    // Wide enough for the name (bold 8.5 pt, as ProcessItem draws it) and, folded, for
    // what is inside; within reason: past that a name loses its start, never its end.
    QFont f = font();
    f.setPointSizeF(8.5);
    f.setBold(true);
    const int title = QFontMetrics(f).horizontalAdvance(q(n.id) + QStringLiteral(" \u25B8"));
    return std::clamp(double(title) + 24.0, folded_.count(n.path) ? 190.0 : 130.0, 300.0);
}

void TreeCanvas::relayout(const TreeState& state) {
    ++layouts_;
    folded_ = foldPolicy_.folded(state);
    std::vector<LayoutInput> input;
    std::vector<const ProcessNode*> nodes;
    std::set<int> foldedIdx;
    // Flatten the drawn tree in start order (root first); a folded subtree is one node.
    std::function<int(const ProcessNode&)> add = [&](const ProcessNode& n) -> int {
        const int index = int(input.size());
        input.push_back({n.path, {}, 0});
        nodes.push_back(&n);
        if (folded_.count(n.path)) {
            foldedIdx.insert(index);
            return index;
        }
        for (const auto& childPath : n.children) {
            const ProcessNode* child = state.find(childPath);
            if (!child || child->state == ProcessState::Removed) continue;
            const int c = add(*child);
            input[std::size_t(index)].children.push_back(c);
        }
        return index;
    };
    add(state.root());
    for (std::size_t i = 0; i < nodes.size(); ++i)
        input[i].width = widthFor(*nodes[i]);
    const auto boxes = layout_.compute(input, foldedIdx);

    QSet<QString> seen;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const ProcessNode& n = *nodes[i];
        const QString path = q(n.path);
        seen.insert(path);
        ProcessItem* item = items_.value(path);
        if (!item) {
            item = new ProcessItem(path, input[i].width, layout_.nodeHeight);
            // Hovering a process explains its strategy, restart type, intensity, shutdown.
            item->setToolTip(n.spec ? path + QLatin1Char('\n') + help::node(*n.spec) : path);
            scene_.addItem(item); // the scene owns it
            items_.insert(path, item);
        }
        item->setWidth(input[i].width);
        item->setPos(boxes[i].x, boxes[i].y);
        updateItem(state, path, item);
    }
    for (auto it = items_.begin(); it != items_.end();) {
        if (!seen.contains(it.key())) {
            animating_.remove(it.key());
            delete it.value();
            it = items_.erase(it);
        } else {
            ++it;
        }
    }
    drawEdges(input, boxes);
    drawUses(state);
    scene_.setSceneRect(scene_.itemsBoundingRect().adjusted(-40, -40, 40, 40));
    if (!focusAfterLayout_.isEmpty()) {
        // A subtree unfolded by hand is what the user wants to see: it, not the whole tree.
        QRectF around;
        for (auto it = items_.cbegin(); it != items_.cend(); ++it)
            if (it.key() == focusAfterLayout_ ||
                it.key().startsWith(focusAfterLayout_ + QLatin1Char('/')))
                around |= it.value()->sceneBoundingRect();
        focusAfterLayout_.clear();
        if (!around.isEmpty()) {
            fitted_ = false;
            fitInView(around.adjusted(-60, -60, 60, 60), Qt::KeepAspectRatio);
            if (transform().m11() > 1.4) setTransform(QTransform::fromScale(1.4, 1.4));
            return;
        }
    }
    if (fitted_) fit();
}

void TreeCanvas::drawEdges(const std::vector<LayoutInput>& input,
                           const std::vector<NodeBox>& boxes) {
    qsizetype count = 0; // line items are reused from one layout to the next
    const QPen pen(palette().mid().color(), 1.4);
    auto line = [&](QPointF a, QPointF b) {
        const QLineF l(a, b);
        if (count < edges_.size()) {
            edges_[count]->setLine(l);
        } else {
            auto* edge = scene_.addLine(l, pen);
            edge->setZValue(-1);
            edges_.push_back(edge);
        }
        ++count;
    };
    for (std::size_t i = 0; i < input.size(); ++i) {
        const NodeBox& box = boxes[i];
        const auto& kids = input[i].children;
        if (kids.empty()) continue;
        const QPointF from(box.x, box.y + layout_.nodeHeight);
        double top = 1e300, left = 1e300, right = -1e300;
        for (int c : kids) {
            const NodeBox& cb = boxes[std::size_t(c)];
            top = std::min(top, cb.y);
            left = std::min(left, cb.x);
            right = std::max(right, cb.x);
        }
        const bool grid = std::any_of(kids.begin(), kids.end(),
                                      [&](int c) { return boxes[std::size_t(c)].y > top; });
        if (!grid) {
            for (int c : kids)
                line(from, QPointF(boxes[std::size_t(c)].x, boxes[std::size_t(c)].y));
            continue;
        }
        // A grid of children hangs from one bar over its first row: lines through
        // the grid would cross the boxes.
        const double bar = top - ProcessItem::kBadgeHeight - 6;
        line(from, QPointF(box.x, bar));
        line(QPointF(left, bar), QPointF(right, bar));
        for (int c : kids)
            if (boxes[std::size_t(c)].y == top)
                line(QPointF(boxes[std::size_t(c)].x, bar), QPointF(boxes[std::size_t(c)].x, top));
    }
    while (edges_.size() > count)
        delete edges_.takeLast();
}

void TreeCanvas::drawUses(const TreeState& state) {
    for (auto* e : std::as_const(usesEdges_))
        delete e;
    usesEdges_.clear();
    if (!showUses_) return;
    QPen pen(colours::uses(), 1.6, Qt::DashLine);
    for (auto it = items_.cbegin(); it != items_.cend(); ++it) {
        const ProcessNode* n = state.find(it.key().toStdString());
        if (!n || !n->spec || n->spec->uses.empty()) continue;
        for (const auto& dep : n->spec->uses) {
            const ProcessItem* to = items_.value(q(n->parent + "/" + dep));
            if (!to) continue;
            // From the user's top to the dependency's top, arching above the row.
            const QPointF a = it.value()->pos() + QPointF(-12, 0);
            const QPointF b = to->pos() + QPointF(12, 0);
            const double lift = 26 + std::abs(a.x() - b.x()) * 0.12;
            QPainterPath path(a);
            path.cubicTo(a + QPointF(0, -lift), b + QPointF(0, -lift), b);
            // The arrow head at the dependency.
            const QPointF tip = b;
            path.moveTo(tip + QPointF(-5, -9));
            path.lineTo(tip);
            path.lineTo(tip + QPointF(5, -9));
            auto* edge = scene_.addPath(path, pen);
            edge->setZValue(2);
            edge->setToolTip(tr("%1 uses %2: it calls it every call_ms and crashes with noproc "
                                "if the pid it holds is dead")
                                 .arg(q(n->id), q(dep)));
            usesEdges_.push_back(edge);
        }
    }
}

void TreeCanvas::updateItem(const TreeState& state, const QString& path, ProcessItem* item) {
    const ProcessNode* found = state.find(path.toStdString());
    if (!found) return;
    const ProcessNode& n = *found;
    const std::int64_t nowUs = nowUs_;
    ProcessView v;
    v.id = q(n.id);
    // A process never started has no pid to show, not even `undefined`.
    v.pid = n.state == ProcessState::NotStarted ? QString() : q(formatPid(n.pid));
    v.state = QString::fromLatin1(toString(n.state));
    v.restarts = n.restarts;
    v.lastReason = q(n.lastReason);
    v.supervisor = n.isSupervisor();
    v.dynamic = n.dynamic;
    v.folded = folded_.count(n.path) != 0;
    if (v.folded) {
        const TreeState::Summary inside = state.summarize(n.path);
        v.summary = foldedSummary(inside);
        v.brief = foldedBrief(inside);
    }
    if (v.folded != item->view().folded || v.summary != item->view().summary) {
        // Hovering a folded box says in words what its few letters count.
        QString tip = path;
        if (v.folded)
            tip += tr("\nFolded: %1 (restarts counted inside it). Double-click to unfold.")
                       .arg(v.summary.isEmpty() ? tr("nothing running") : v.summary);
        if (n.spec) tip += QLatin1Char('\n') + help::node(*n.spec);
        if (n.spec && !n.spec->note.empty()) tip += QLatin1Char('\n') + q(n.spec->note);
        item->setToolTip(tip);
    }
    v.marked = n.spec && !n.spec->note.empty();
    if (n.gaveUpAtUs >= 0)
        v.gaveUpAt = QStringLiteral("%1 s").arg(double(n.gaveUpAtUs) / 1e6, 0, 'f', 2);
    // Dashed for a while after a group restart took it down, not for ever after.
    v.bystander = n.bystander && n.upSinceUs >= 0 && nowUs - n.upSinceUs < kBystanderUs;
    v.selected = path == selected_;
    v.highlighted = highlighted_.contains(path);
    if (const auto h = heat_.constFind(path); h != heat_.constEnd()) v.heat = colours::heat(*h);
    v.dark = dark_;
    if (n.crashed && nowUs - n.lastChangeUs < 1'500'000 &&
        (n.state == ProcessState::Down || n.state == ProcessState::Running ||
         n.state == ProcessState::Restarting))
        v.flash = 1.0 - double(nowUs - n.lastChangeUs) / 1'500'000.0;
    if (n.restarts > 0 && n.upSinceUs >= 0 && nowUs - n.upSinceUs < 1'000'000)
        v.reborn = 1.0 - double(nowUs - n.upSinceUs) / 1'000'000.0;
    if (v.supervisor) {
        auto [used, max] = state.budget(n.path, nowUs);
        v.budgetUsed = used;
        v.budgetMax = max;
        v.detail = n.spec ? QString::fromLatin1(n.spec->type == NodeType::DynamicSupervisor
                                                    ? "dynamic one_for_one"
                                                    : toString(n.spec->strategy))
                          : QString();
    } else {
        v.budgetMax = -1;
        if (liveText_) v.detail = liveText_->value(path);
    }
    item->setView(v);
    // A flash fades and a budget drains with time alone: look again next frame.
    if (v.animating() || v.budgetUsed > 0 || v.bystander)
        animating_.insert(path);
    else
        animating_.remove(path);
}

ProcessItem* TreeCanvas::shownFor(const TreeState& state, const std::string& path) const {
    std::string p = path;
    while (!p.empty()) {
        if (ProcessItem* item = items_.value(q(p))) return item;
        const ProcessNode* n = state.find(p);
        if (!n) return nullptr;
        p = n->parent;
    }
    return nullptr;
}

void TreeCanvas::refresh(TreeState& state, std::int64_t nowUs,
                         const QHash<QString, QString>& liveText) {
    nowUs_ = nowUs;
    liveText_ = &liveText;
    const std::vector<std::string> changed = state.takeChanged();
    if (layoutWanted_ || state.structureVersion() != laidOutVersion_) {
        laidOutVersion_ = state.structureVersion();
        layoutWanted_ = false;
        pending_.clear();
        relayout(state);
    } else {
        for (const auto& path : changed)
            if (ProcessItem* item = shownFor(state, path)) pending_.insert(item->path());
        pending_.unite(animating_);
        // A folded box counts a whole subtree: under a flood its counts are recounted a
        // few times a second, not at every frame (the rest wait their turn).
        const qint64 wallMs = wall_.elapsed();
        QSet<QString> later;
        for (const QString& path : std::as_const(pending_)) {
            ProcessItem* item = items_.value(path);
            if (!item) continue;
            if (item->view().folded) {
                qint64& last = summarisedAt_[path];
                if (wallMs - last < kSummaryEveryMs) {
                    later.insert(path);
                    continue;
                }
                last = wallMs;
            }
            updateItem(state, path, item);
        }
        pending_.swap(later);
    }
    liveText_ = nullptr;
}

void TreeCanvas::setSelected(const QString& path, bool announce) {
    if (path == selected_) return;
    if (items_.contains(selected_)) pending_.insert(selected_);
    selected_ = path;
    if (auto* item = items_.value(path)) {
        pending_.insert(path);
        ensureVisible(item, 40, 40);
    }
    if (announce) Q_EMIT processSelected(path);
}

bool TreeCanvas::reveal(const QString& path) {
    // Every folded ancestor of `path` is unfolded by hand.
    bool changed = false;
    std::string p = path.toStdString();
    for (auto slash = p.rfind('/'); slash != std::string::npos; slash = p.rfind('/')) {
        p.resize(slash);
        if (folded_.count(p)) {
            foldPolicy_.toggle(p, false);
            focusAfterLayout_ = q(p); // the highest one unfolded is shown whole
            changed = true;
        }
    }
    if (changed) layoutWanted_ = true;
    setSelected(path, true);
    return changed;
}

bool TreeCanvas::isFolded(const QString& path) const {
    return folded_.count(path.toStdString()) != 0;
}

void TreeCanvas::setFolded(const QString& path, bool folded) {
    foldPolicy_.toggle(path.toStdString(), folded);
    layoutWanted_ = true;
    focusAfterLayout_ = folded ? QString() : path;
}

void TreeCanvas::setShowUses(bool on) {
    showUses_ = on;
    layoutWanted_ = true;
}

void TreeCanvas::setHeat(const QHash<QString, double>& share) {
    heat_ = share;
    for (auto it = items_.constBegin(); it != items_.constEnd(); ++it)
        pending_.insert(it.key()); // repainted at the next refresh
}

void TreeCanvas::setHighlighted(const QSet<QString>& paths) {
    for (const QString& path : std::as_const(highlighted_))
        if (items_.contains(path)) pending_.insert(path);
    highlighted_ = paths;
    for (const QString& path : paths)
        if (items_.contains(path)) pending_.insert(path);
}

void TreeCanvas::setLegendVisible(bool on) {
    legend_->setVisible(on);
    placeLegend();
}

bool TreeCanvas::legendVisible() const {
    return legend_->isVisible();
}

void TreeCanvas::placeLegend() {
    legend_->adjustSize();
    legend_->move(8,
                  height() - legend_->height() - 8 -
                      (horizontalScrollBar()->isVisible() ? horizontalScrollBar()->height() : 0));
}

void TreeCanvas::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    placeLegend();
    if (fitted_) fit();
}

void TreeCanvas::fit() {
    fitInView(scene_.sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > 1.4) setTransform(QTransform::fromScale(1.4, 1.4));
    fitted_ = true;
}

void TreeCanvas::zoomBy(double factor) {
    fitted_ = false;
    scale(factor, factor);
}

void TreeCanvas::zoomToSelection() {
    const ProcessItem* item = items_.value(selected_);
    if (!item) return;
    fitted_ = false;
    fitInView(item->sceneBoundingRect().adjusted(-120, -90, 120, 90), Qt::KeepAspectRatio);
    if (transform().m11() > 2.0) setTransform(QTransform::fromScale(2.0, 2.0));
    centerOn(item);
}

QString TreeCanvas::pathAt(const QPoint& viewPos) const {
    for (auto* gi : items(viewPos))
        if (auto* item = dynamic_cast<ProcessItem*>(gi)) return item->path();
    return {};
}

void TreeCanvas::mousePressEvent(QMouseEvent* event) {
    pressAt_ = event->pos();
    if (event->button() == Qt::LeftButton) {
        // A click on a process selects it; a click on the empty canvas selects nothing.
        const QString path = pathAt(event->pos());
        if (path != selected_) setSelected(path, true);
    }
    QGraphicsView::mousePressEvent(event);
}

void TreeCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if ((event->pos() - pressAt_).manhattanLength() > 4) fitted_ = false; // panned by hand
    QGraphicsView::mouseReleaseEvent(event);
}

void TreeCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    const QString path = pathAt(event->pos());
    if (!path.isEmpty()) setFolded(path, !isFolded(path));
    QGraphicsView::mouseDoubleClickEvent(event);
}

void TreeCanvas::contextMenuEvent(QContextMenuEvent* event) {
    const QString path = pathAt(event->pos());
    if (path.isEmpty()) return;
    setSelected(path, true);
    Q_EMIT contextMenuRequested(path, event->globalPos());
}

void TreeCanvas::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && !selected_.isEmpty()) {
        setSelected({}, true);
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void TreeCanvas::changeEvent(QEvent* event) {
    // Follow the desktop's light or dark palette when it changes under us.
    if (event->type() == QEvent::PaletteChange) {
        setBackgroundBrush(palette().base());
        dark_ = theme::isDark(palette());
        layoutWanted_ = true;
    }
    QGraphicsView::changeEvent(event);
}

void TreeCanvas::wheelEvent(QWheelEvent* event) {
    zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
}

} // namespace suplab
