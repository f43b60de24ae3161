#pragma once
// The GUI's one handle on a run. The engine lives on its own thread; the GUI
// posts commands (kill, crash, start_child, pause, ...) and receives events and
// call results through queues it drains once per frame. Nothing here blocks the
// GUI thread on the engine.

#include "control/ActionOutcome.h"
#include "control/EngineLoop.h"
#include "control/EventQueue.h"
#include "events/Event.h"
#include "facade/Engine.h"
#include "scenario/Scenario.h"

#include <QObject>

#include <atomic>
#include <optional>
#include <vector>

namespace suplab {

class RunController : public QObject {
    Q_OBJECT
  public:
    explicit RunController(QObject* parent = nullptr);
    ~RunController() override;

    /// Starts `scenario` afresh (stopping any run in progress).
    void start(const Scenario& scenario, ClockKind clock, double speed = 1.0, RunStart how = {});
    void stop();
    bool running() const { return loop_.running(); }
    ClockKind clock() const { return clock_; }
    const Scenario& scenario() const { return scenario_; }

    // Virtual clock only.
    void setPaused(bool paused) { loop_.setPaused(paused); }
    bool paused() const { return loop_.paused(); }
    void setSpeed(double speed) { loop_.setSpeed(speed); }
    double speed() const { return loop_.speed(); }
    void stepToNextEvent();

    /// The run's clock as last seen by the engine thread (µs since the root started).
    std::int64_t nowUs() const { return loop_.nowUs(); }

    // Faults and the child API, by path. Results come back as callFinished().
    void kill(const std::string& path);
    void exitSignal(const std::string& path, const std::string& reason);
    void crash(const std::string& path, const std::string& reason);
    void terminateChild(const std::string& supervisor, const std::string& id);
    void restartChild(const std::string& supervisor, const std::string& id);
    void deleteChild(const std::string& supervisor, const std::string& id);
    void startChild(const std::string& supervisor, NodePtr node);
    /// Asks a process for its live state (a worker) or its children (a supervisor).
    void inspect(const std::string& path);
    /// Runs a console line on the engine; the answer comes back as evaluated().
    void evaluate(const QString& line);

  Q_SIGNALS:
    /// A batch of events, in seq order, delivered once per frame.
    void eventsArrived(const std::vector<suplab::Event>& events);
    /// What an action did: `ok` false with a message that says why.
    void actionFinished(const QString& what, bool ok, const QString& message);
    /// The answer to inspect(): `text` is the worker's state or the supervisor's summary.
    void inspected(const QString& path, const QString& text,
                   const std::vector<suplab::ChildInfo>& children,
                   const suplab::ChildCounts& counts);
    /// inspect() found nothing at `path` (it is not running): not a failure of anything asked.
    void inspectionMissed(const QString& path);
    void runEnded();
    /// The console's answer to `line`: the text iex would print, and the process the
    /// line touched (a path, or empty).
    void evaluated(const QString& line, bool ok, const QString& text, const QString& focus);

  private:
    struct Command {
        bool step = false; // step to the next event (virtual clock)
        Action lane;
        std::optional<std::string> console; // a console line instead of an action
    };
    struct ConsoleAnswer {
        QString line;
        console::Reply reply;
    };

    void body();
    void drain();

    Scenario scenario_;
    ClockKind clock_ = ClockKind::Real;
    std::atomic<bool> ended_{false};
    std::vector<ActionOutcome> results_; // guarded by loop_.lock()
    std::vector<ConsoleAnswer> answers_; // guarded by loop_.lock()
    RunStart how_;
    EventQueue events_;
    EngineLoop<Command> loop_{[this] { drain(); }};
};

} // namespace suplab
