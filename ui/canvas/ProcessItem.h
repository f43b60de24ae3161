#pragma once
// One process on the canvas. It only paints what it is given (ProcessView);
// the layout and the state live elsewhere.

#include <QColor>
#include <QGraphicsItem>
#include <QString>

namespace suplab {

struct ProcessView {
    QString id;
    QString pid;
    QString state;  // starting, running, stopping, down, restarting, removed
    QString detail; // live behaviour state, or strategy for a supervisor
    QString lastReason;
    int restarts = 0;
    bool supervisor = false;
    bool dynamic = false;
    bool folded = false; // its subtree is drawn as this one box
    QString summary;     // folded: what is inside ("100 workers, 3 down, 12 restarts")
    QString brief;       // the same in a few letters, for far out ("100 · 3 down · 12↻")
    int budgetUsed = 0;  // supervisors: restarts in the window
    int budgetMax = 0;
    QString gaveUpAt; // a supervisor that gave up: when ("2.31 s"); empty otherwise
    bool bystander = false;
    bool marked = false; // the source left it to run time (its child spec has a note)
    double flash = 0;    // 1 just crashed .. 0 long ago
    double reborn = 0;   // 1 just restarted .. 0 long ago
    bool selected = false;
    bool highlighted = false; // one of the processes a finding or a cut set names
    QColor heat;              // the analysis's heat map colour; invalid: the usual fill
    bool dark = false;        // drawn on a dark canvas
    /// True while the view changes with time alone (a flash or a glow fading).
    bool animating() const { return flash > 0 || reborn > 0; }
    bool operator==(const ProcessView&) const = default;
};

class ProcessItem final : public QGraphicsItem {
  public:
    /// Room above a box for its "gave up" badge, inside the item's bounds.
    static constexpr double kBadgeHeight = 18;

    ProcessItem(QString path, double width, double height);
    const QString& path() const { return path_; }
    const ProcessView& view() const { return view_; }
    /// Repaints only when something drawn changed.
    void setView(const ProcessView& view);
    void setWidth(double width);
    double width() const { return width_; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    void paintTile(QPainter* p, const QRectF& box, double onScreen) const;
    void paintOverview(QPainter* p, const QRectF& box, double onScreen) const;
    void paintBadge(QPainter* p, const QRectF& box) const;
    void paintBudget(QPainter* p, const QRectF& inner, const QRectF& box, const QColor& text) const;

    QString path_;
    double width_;
    double height_;
    ProcessView view_;
};

} // namespace suplab
