#include "TreeCanvas.h"

#include "help/OtpHelp.h"
#include "state/TreeState.h"

#include <QContextMenuEvent>
#include <QGraphicsLineItem>
#include <QMouseEvent>
#include <QWheelEvent>

namespace suplab {

TreeCanvas::TreeCanvas(QWidget* parent) : QGraphicsView(parent) {
    setScene(&scene_);
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setBackgroundBrush(palette().base());
    setAccessibleName(tr("Supervision tree"));
}

void TreeCanvas::clear() {
    scene_.clear();
    items_.clear();
    edges_.clear();
    collapsed_.clear();
    selected_.clear();
    firstFit_ = true;
}

void TreeCanvas::refresh(const TreeState& state, std::int64_t nowUs,
                         const QHash<QString, QString>& liveText) {
    // Flatten the tree in start order (root first) for the layout.
    std::vector<LayoutInput> input;
    std::vector<const ProcessNode*> nodes;
    std::set<int> collapsedIdx;
    std::function<int(const ProcessNode&)> add = [&](const ProcessNode& n) -> int {
        const int index = int(input.size());
        input.push_back({n.path, {}});
        nodes.push_back(&n);
        if (collapsed_.contains(QString::fromStdString(n.path))) collapsedIdx.insert(index);
        for (const auto& childPath : n.children) {
            const ProcessNode* child = state.find(childPath);
            if (!child || child->state == ProcessState::Removed) continue;
            const int c = add(*child);
            input[std::size_t(index)].children.push_back(c);
        }
        return index;
    };
    add(state.root());
    const auto boxes = layout_.compute(input, collapsedIdx);

    QSet<QString> seen;
    qsizetype edgeCount = 0; // edge items are reused from frame to frame, not rebuilt
    const QPen edgePen(palette().mid().color(), 1.4);
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const ProcessNode& n = *nodes[i];
        const NodeBox& box = boxes[i];
        const QString path = QString::fromStdString(n.path);
        if (!box.visible) continue;
        seen.insert(path);
        ProcessItem* item = items_.value(path);
        if (!item) {
            item = new ProcessItem(path, layout_.nodeWidth, layout_.nodeHeight);
            // Hovering a process explains its strategy, restart type, intensity, shutdown.
            if (n.spec) item->setToolTip(path + QLatin1Char('\n') + help::node(*n.spec));
            scene_.addItem(item);
            items_.insert(path, item);
        }
        item->setPos(box.x, box.y);
        ProcessView v;
        v.id = QString::fromStdString(n.id);
        v.pid = QString::fromStdString(formatPid(n.pid));
        v.state = QString::fromLatin1(toString(n.state));
        v.restarts = n.restarts;
        v.lastReason = QString::fromStdString(n.lastReason);
        v.supervisor = n.isSupervisor();
        v.dynamic = n.dynamic;
        v.collapsed = collapsed_.contains(path);
        v.gaveUp = n.gaveUp;
        v.bystander = n.bystander;
        v.selected = path == selected_;
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
            v.detail = liveText.value(path);
        }
        item->setView(v);
        for (int c : input[i].children) {
            const NodeBox& cb = boxes[std::size_t(c)];
            if (!cb.visible || collapsed_.contains(path)) continue;
            const QLineF line(box.x, box.y + layout_.nodeHeight, cb.x, cb.y);
            if (edgeCount < edges_.size()) {
                if (edges_[edgeCount]->line() != line) edges_[edgeCount]->setLine(line);
            } else {
                auto* edge = scene_.addLine(line, edgePen);
                edge->setZValue(-1);
                edges_.push_back(edge);
            }
            ++edgeCount;
        }
    }
    while (edges_.size() > edgeCount)
        delete edges_.takeLast();
    for (auto it = items_.begin(); it != items_.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = items_.erase(it);
        } else {
            ++it;
        }
    }
    scene_.setSceneRect(scene_.itemsBoundingRect().adjusted(-40, -40, 40, 40));
    if (firstFit_ && !items_.isEmpty()) {
        firstFit_ = false;
        fit();
    }
}

void TreeCanvas::setSelected(const QString& path) {
    selected_ = path;
    if (auto* item = items_.value(path)) ensureVisible(item);
}

void TreeCanvas::fit() {
    fitInView(scene_.sceneRect(), Qt::KeepAspectRatio);
    if (transform().m11() > 1.4) setTransform(QTransform::fromScale(1.4, 1.4));
}

void TreeCanvas::zoomBy(double factor) {
    scale(factor, factor);
}

QString TreeCanvas::pathAt(const QPoint& viewPos) const {
    for (auto* gi : items(viewPos))
        if (auto* item = dynamic_cast<ProcessItem*>(gi)) return item->path();
    return {};
}

void TreeCanvas::mousePressEvent(QMouseEvent* event) {
    const QString path = pathAt(event->pos());
    if (!path.isEmpty() && event->button() == Qt::LeftButton) {
        selected_ = path;
        Q_EMIT processSelected(path);
    }
    QGraphicsView::mousePressEvent(event);
}

void TreeCanvas::mouseDoubleClickEvent(QMouseEvent* event) {
    const QString path = pathAt(event->pos());
    if (!path.isEmpty()) {
        if (collapsed_.contains(path))
            collapsed_.remove(path);
        else
            collapsed_.insert(path);
    }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void TreeCanvas::contextMenuEvent(QContextMenuEvent* event) {
    const QString path = pathAt(event->pos());
    if (path.isEmpty()) return;
    selected_ = path;
    Q_EMIT processSelected(path);
    Q_EMIT contextMenuRequested(path, event->globalPos());
}

void TreeCanvas::changeEvent(QEvent* event) {
    // Follow the desktop's light or dark palette when it changes under us.
    if (event->type() == QEvent::PaletteChange) {
        setBackgroundBrush(palette().base());
        const QPen edgePen(palette().mid().color(), 1.4);
        for (auto* edge : std::as_const(edges_))
            edge->setPen(edgePen);
    }
    QGraphicsView::changeEvent(event);
}

void TreeCanvas::wheelEvent(QWheelEvent* event) {
    zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
}

} // namespace suplab
