#pragma once
// The live supervision tree: a QGraphicsView laid out by TreeLayout, refreshed
// once per frame from TreeState. Click selects, right-click asks for a context
// menu, double-click collapses a subtree; wheel zooms, drag pans.

#include "canvas/ProcessItem.h"
#include "canvas/TreeLayout.h"

#include <QGraphicsView>
#include <QHash>
#include <QSet>

namespace suplab {

class TreeState;

class TreeCanvas final : public QGraphicsView {
    Q_OBJECT
  public:
    explicit TreeCanvas(QWidget* parent = nullptr);

    /// Redraws from `state` at engine time `nowUs`; `liveText` gives workers' state lines.
    void refresh(const TreeState& state, std::int64_t nowUs,
                 const QHash<QString, QString>& liveText);
    void clear();
    void setSelected(const QString& path);
    const QString& selected() const { return selected_; }
    void fit();
    void zoomBy(double factor);
    /// What the canvas draws, for the SVG and PNG exports.
    QGraphicsScene& scene() { return scene_; }
    /// The item for `path`, for tests and screenshots.
    ProcessItem* item(const QString& path) const { return items_.value(path); }

  Q_SIGNALS:
    void processSelected(const QString& path);
    void contextMenuRequested(const QString& path, const QPoint& globalPos);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void changeEvent(QEvent* event) override;

  private:
    QString pathAt(const QPoint& viewPos) const;

    QGraphicsScene scene_;
    TreeLayout layout_;
    QHash<QString, ProcessItem*> items_;
    QList<QGraphicsLineItem*> edges_;
    QSet<QString> collapsed_;
    QString selected_;
    bool firstFit_ = true;
};

} // namespace suplab
