#pragma once
// Restarts counted in each supervisor's intensity window over time, against
// the limit line (max_restarts) of the supervisor in focus: the budget draining
// and recovering, live.

#include <QChartView>
#include <QHash>
#include <QLineSeries>
#include <QSet>
#include <QStringList>

class QValueAxis;

namespace suplab {

class TreeState;

class RestartChart final : public QChartView {
    Q_OBJECT
  public:
    explicit RestartChart(QWidget* parent = nullptr);
    void clear();
    /// Adds a sample at engine time `nowUs` for every supervisor.
    void sample(const TreeState& state, std::int64_t nowUs, const QString& focus);

  protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

  private:
    QLineSeries* seriesFor(const QString& supervisor);
    void nameSeries();
    void setRanges(double fromS, double toS, int maxY);

    /// Lines drawn at most (the supervisor in focus always gets one).
    static constexpr int kMaxLines = 6;
    /// A max_restarts above this (and above every line) is not drawn to scale.
    static constexpr int kMaxScaledLimit = 50;

    QHash<QString, QLineSeries*> series_;
    QSet<QString> restarted_; // every supervisor that has restarted a child this run
    QStringList paths_;       // of series_, in the order they appeared (the legend's)
    QLineSeries* limit_ = nullptr;
    QValueAxis* x_ = nullptr;
    QValueAxis* y_ = nullptr;
    double maxX_ = 10;
    int maxY_ = 4;
};

} // namespace suplab
