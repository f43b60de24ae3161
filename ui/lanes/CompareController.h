#pragma once
// Compare mode's engine side: 2-4 lanes of one scenario, each with its own
// overrides, advanced together by one virtual clock on one engine thread. A fault
// clicked in any lane is applied to the same path in every lane at the same instant.

#include "compare/LaneOverrides.h"
#include "run/EngineThread.h"
#include "run/EventQueue.h"
#include "run/LaneDriver.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <deque>
#include <vector>

namespace suplab {

class CompareController : public QObject {
    Q_OBJECT
  public:
    explicit CompareController(QObject* parent = nullptr);
    ~CompareController() override;

    /// `scenarios[i]` is lane i's scenario (overrides and faults already applied).
    void start(std::vector<Scenario> scenarios, double speed);
    void stop();
    bool running() const { return thread_.running(); }
    void setPaused(bool paused) { paused_ = paused; }
    void setSpeed(double speed) { speed_ = speed; }
    std::int64_t nowUs() const { return nowUs_.load(); }
    /// Mirrored to every lane.
    void apply(LaneCommand command);

  Q_SIGNALS:
    void eventsArrived(int lane, const std::vector<suplab::Event>& events);

  private:
    void loop(std::vector<Scenario> scenarios);
    void drain();

    EngineThread thread_;
    std::atomic<bool> paused_{false};
    std::atomic<double> speed_{1.0};
    std::atomic<std::int64_t> nowUs_{0};
    std::deque<LaneCommand> commands_;
    std::vector<std::unique_ptr<EventQueue>> events_; // one per lane
    QTimer frame_;
};

} // namespace suplab
