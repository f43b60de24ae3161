#pragma once
// One process on the canvas. It only paints what it is given (ProcessView);
// the layout and the state live elsewhere.

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
    bool collapsed = false;
    int budgetUsed = 0; // supervisors: restarts in the window
    int budgetMax = 0;
    bool gaveUp = false;
    bool bystander = false;
    double flash = 0;  // 1 just crashed .. 0 long ago
    double reborn = 0; // 1 just restarted .. 0 long ago
    bool selected = false;
};

class ProcessItem final : public QGraphicsItem {
  public:
    ProcessItem(QString path, double width, double height);
    const QString& path() const { return path_; }
    void setView(const ProcessView& view);
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

  private:
    QString path_;
    double width_;
    double height_;
    ProcessView view_;
};

} // namespace suplab
