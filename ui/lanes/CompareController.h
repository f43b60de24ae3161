#pragma once
// Compare mode's engine side: 2-4 lanes of one scenario, each with its own
// overrides, advanced together by one virtual clock on one engine thread. A fault
// clicked in any lane is applied to the same path in every lane at the same instant.

#include "compare/LaneOverrides.h"
#include "control/ActionOutcome.h"
#include "control/EngineLoop.h"
#include "control/EventQueue.h"

#include <QObject>

#include <atomic>
#include <memory>
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
    bool running() const { return loop_.running(); }
    /// The lanes' clock stands still while paused; clicked faults still land.
    void setPaused(bool paused) { loop_.setPaused(paused); }
    bool paused() const { return loop_.paused(); }
    void setSpeed(double speed) { loop_.setSpeed(speed); }
    double speed() const { return loop_.speed(); }
    /// The lanes' clock as the engine thread last left it: every lane has played
    /// everything due up to it (µs since the trees started).
    std::int64_t nowUs() const { return loop_.nowUs(); }
    /// The instant up to which every lane's events have been delivered by
    /// eventsArrived(), and none after it: what the GUI can show consistently.
    std::int64_t deliveredUs() const { return deliveredUs_; }
    /// When the last command was applied (lane time), or -1 if none was.
    std::int64_t lastCommandUs() const { return lastCommandUs_.load(); }
    /// Mirrored to every lane.
    void apply(Action command);
    /// Faults (kill, exit, crash) applied so far, each once however many lanes it hit.
    int faultsApplied() const { return faultsApplied_.load(); }

  Q_SIGNALS:
    void eventsArrived(int lane, const std::vector<suplab::Event>& events);
    /// A command did nothing in some lane (its target had died there, say).
    void commandFailed(int lane, const QString& what, const QString& message);

  private:
    struct Failure {
        int lane;
        ActionOutcome outcome;
    };
    void body(const std::vector<Scenario>& scenarios);
    void drain();

    std::atomic<std::int64_t> lastCommandUs_{-1};
    std::atomic<int> faultsApplied_{0};
    std::vector<Failure> failures_;                   // guarded by loop_.lock()
    std::vector<std::unique_ptr<EventQueue>> events_; // one per lane
    std::vector<std::vector<Event>> held_;            // taken from a queue, later than deliveredUs_
    std::int64_t deliveredUs_ = 0;
    EngineLoop<Action> loop_{[this] { drain(); }};
};

} // namespace suplab
