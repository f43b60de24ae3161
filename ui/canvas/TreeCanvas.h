#pragma once
// The live supervision tree: a QGraphicsView laid out by TreeLayout. The layout is
// computed again only when the tree's shape changes (a process appears or is
// removed, a subtree is folded); otherwise a frame repaints only the processes that
// changed and those whose look changes with time (a fading flash, a draining
// budget). Big subtrees are folded into one box that says what is inside
// (FoldPolicy). Click selects (an empty spot or Esc deselects), right-click asks for
// a context menu, double-click folds or unfolds; wheel zooms, drag pans.

#include "canvas/FoldPolicy.h"
#include "canvas/ProcessItem.h"
#include "canvas/TreeLayout.h"

#include <QElapsedTimer>
#include <QGraphicsView>
#include <QHash>
#include <QSet>

#include <cstdint>
#include <set>
#include <string>

class QGraphicsLineItem;
class QGraphicsPathItem;

namespace suplab {

class CanvasLegend;
class TreeState;
struct ProcessNode;

class TreeCanvas final : public QGraphicsView {
    Q_OBJECT
  public:
    explicit TreeCanvas(QWidget* parent = nullptr);

    /// Redraws what changed in `state` (its takeChanged()) at engine time `nowUs`;
    /// `liveText` gives workers' state lines.
    void refresh(TreeState& state, std::int64_t nowUs, const QHash<QString, QString>& liveText);
    void clear();
    /// Selects `path` (empty: nothing); says so with processSelected when `announce`.
    void setSelected(const QString& path, bool announce = false);
    const QString& selected() const { return selected_; }
    /// Unfolds what hides `path`, selects it and brings it into view.
    bool reveal(const QString& path);
    void fit();
    void zoomBy(double factor);
    void zoomToSelection();
    /// Folds or unfolds the subtree under `path` by hand.
    void setFolded(const QString& path, bool folded);
    bool isFolded(const QString& path) const;
    /// Draws `uses` dependencies as arrows of their own (dashed, purple).
    void setShowUses(bool on);
    bool showsUses() const { return showUses_; }
    /// The analysis's heat map: each process filled by its share of the tree that one
    /// fault of it takes down (0..1); empty: the usual fills.
    void setHeat(const QHash<QString, double>& share);
    bool showsHeat() const { return !heat_.isEmpty(); }
    /// Rings the processes a finding or a cut set names (empty: none).
    void setHighlighted(const QSet<QString>& paths);
    const QSet<QString>& highlighted() const { return highlighted_; }
    void setLegendVisible(bool on);
    bool legendVisible() const;
    /// What the canvas draws, for the SVG and PNG exports.
    QGraphicsScene& scene() { return scene_; }
    /// The item for `path`, for tests and screenshots (null when hidden or folded away).
    ProcessItem* item(const QString& path) const { return items_.value(path); }
    /// How many times the layout was computed (a frame that only repaints does not).
    int layouts() const { return layouts_; }

  Q_SIGNALS:
    /// The user selected `path`, or nothing (an empty path).
    void processSelected(const QString& path);
    void contextMenuRequested(const QString& path, const QPoint& globalPos);

  protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    QString pathAt(const QPoint& viewPos) const;
    void relayout(const TreeState& state);
    void drawEdges(const std::vector<LayoutInput>& input, const std::vector<NodeBox>& boxes);
    void drawUses(const TreeState& state);
    void updateItem(const TreeState& state, const QString& path, ProcessItem* item);
    /// The drawn item that stands for `path`: its own, or its folded ancestor's.
    ProcessItem* shownFor(const TreeState& state, const std::string& path) const;
    double widthFor(const ProcessNode& node) const;
    void placeLegend();

    QGraphicsScene scene_;
    TreeLayout layout_;
    FoldPolicy foldPolicy_;
    std::set<std::string> folded_;
    QHash<QString, ProcessItem*> items_;
    QList<QGraphicsLineItem*> edges_;
    QList<QGraphicsPathItem*> usesEdges_;
    QSet<QString> animating_; // items whose look changes with time alone
    QSet<QString> pending_;   // items to update at the next refresh
    /// A folded box's counts are redrawn at most this often under a flood of events.
    static constexpr qint64 kSummaryEveryMs = 250;
    /// How long a bystander of a group restart stays dashed.
    static constexpr std::int64_t kBystanderUs = 5'000'000;
    QHash<QString, qint64> summarisedAt_;
    QElapsedTimer wall_;
    QString selected_;
    QHash<QString, double> heat_;
    QSet<QString> highlighted_;
    QString focusAfterLayout_; // unfolded by hand: shown once laid out
    std::uint64_t laidOutVersion_ = ~std::uint64_t(0);
    bool layoutWanted_ = true;
    bool fitted_ = true; // the view follows the tree's size until the user zooms or pans
    bool showUses_ = true;
    bool dark_ = false;
    int layouts_ = 0;
    QPoint pressAt_;
    std::int64_t nowUs_ = 0;
    const QHash<QString, QString>* liveText_ = nullptr;
    CanvasLegend* legend_ = nullptr;
};

} // namespace suplab
