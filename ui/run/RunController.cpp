#include "RunController.h"

#include "run/ScenarioPlayer.h"
#include "sched/VirtualScheduler.h"
#include "supervision/ChildFactory.h"

#include <chrono>

namespace suplab {

class RunController::QueueSink final : public EventSink {
  public:
    explicit QueueSink(RunController& owner) : owner_(owner) {}
    void onEvent(const Event& event) override {
        std::lock_guard guard(owner_.lock_);
        owner_.events_.push_back(event);
    }

  private:
    RunController& owner_;
};

RunController::RunController(QObject* parent)
    : QObject(parent), sink_(std::make_unique<QueueSink>(*this)) {
    frame_.setInterval(16); // one drain per frame, never one signal per event
    connect(&frame_, &QTimer::timeout, this, &RunController::drain);
}

RunController::~RunController() {
    stop();
}

void RunController::start(const Scenario& scenario, Clock clock, double speed) {
    stop();
    scenario_ = scenario;
    clock_ = clock;
    speed_ = speed;
    paused_ = false;
    stopping_ = false;
    ended_ = false;
    nowUs_ = 0;
    {
        std::lock_guard guard(lock_);
        commands_.clear();
        events_.clear();
        results_.clear();
    }
    thread_ = std::thread([this] { loop(); });
    frame_.start();
}

void RunController::stop() {
    if (!thread_.joinable()) return;
    stopping_ = true;
    wake_.notify_all();
    thread_.join();
    drain();
    frame_.stop();
}

void RunController::setPaused(bool paused) {
    paused_ = paused;
    wake_.notify_all();
}

void RunController::setSpeed(double speed) {
    speed_ = speed;
}

void RunController::stepToNextEvent() {
    post({Command::Kind::Step, {}, {}, nullptr});
}

void RunController::kill(const std::string& path) {
    post({Command::Kind::Kill, path, {}, nullptr});
}
void RunController::exitSignal(const std::string& path, const std::string& reason) {
    post({Command::Kind::Exit, path, reason, nullptr});
}
void RunController::crash(const std::string& path, const std::string& reason) {
    post({Command::Kind::Crash, path, reason, nullptr});
}
void RunController::terminateChild(const std::string& sup, const std::string& id) {
    post({Command::Kind::Terminate, sup, id, nullptr});
}
void RunController::restartChild(const std::string& sup, const std::string& id) {
    post({Command::Kind::Restart, sup, id, nullptr});
}
void RunController::deleteChild(const std::string& sup, const std::string& id) {
    post({Command::Kind::Delete, sup, id, nullptr});
}
void RunController::startChild(const std::string& sup, NodePtr node) {
    post({Command::Kind::Start, sup, node ? node->id : std::string(), std::move(node)});
}
void RunController::inspect(const std::string& path) {
    post({Command::Kind::Inspect, path, {}, nullptr});
}

void RunController::post(Command command) {
    {
        std::lock_guard guard(lock_);
        commands_.push_back(std::move(command));
    }
    wake_.notify_all();
}

void RunController::loop() {
    using WallClock = std::chrono::steady_clock;
    Engine engine(clock_ == Clock::Virtual ? ClockKind::Virtual : ClockKind::Real, scenario_.seed);
    engine.events().addSink(sink_.get());
    ScenarioPlayer player(engine, scenario_);
    if (player.startTree()) player.startDynamicChildren();
    auto* vsched = engine.virtualScheduler();
    std::size_t next = 0;
    std::int64_t settleUntil = -1; // once the script is done: when to stop the root
    bool finished = false;
    std::int64_t virtualNow = engine.runtime().nowUs();
    auto lastWall = WallClock::now();

    while (!stopping_) {
        std::deque<Command> commands;
        {
            std::lock_guard guard(lock_);
            commands.swap(commands_);
        }
        bool step = false;
        for (const auto& c : commands) {
            if (c.kind == Command::Kind::Step)
                step = true;
            else
                execute(engine, c);
        }
        if (vsched) {
            const auto wallNow = WallClock::now();
            const double elapsedUs =
                std::chrono::duration<double, std::micro>(wallNow - lastWall).count();
            lastWall = wallNow;
            std::int64_t target = virtualNow;
            if (!paused_) {
                target += static_cast<std::int64_t>(elapsedUs * speed_.load());
            } else if (step) {
                std::int64_t due = vsched->nextTimerUs();
                if (next < scenario_.script.size()) {
                    const std::int64_t at = scenario_.script[next].at_ms * 1000;
                    due = due < 0 ? at : std::min(due, at);
                }
                if (due < 0 && settleUntil >= 0 && !finished) due = settleUntil;
                if (due >= 0) target = std::max(target, due);
            }
            while (next < scenario_.script.size() &&
                   scenario_.script[next].at_ms * 1000 <= target) {
                engine.port().sleepUntil(scenario_.script[next].at_ms * 1000);
                player.perform(scenario_.script[next++]);
            }
            if (next == scenario_.script.size() && settleUntil < 0)
                settleUntil = engine.runtime().nowUs() + scenario_.settle_ms * 1000;
            if (!finished && settleUntil >= 0 && target >= settleUntil && scenario_.stop_at_end) {
                engine.port().sleepUntil(settleUntil);
                player.finish(); // as the scenario asks: shut the root down after settling
                finished = true;
            }
            vsched->advanceTo(target);
            virtualNow = std::max(target, engine.runtime().nowUs());
        } else {
            while (next < scenario_.script.size() &&
                   scenario_.script[next].at_ms * 1000 <= engine.runtime().nowUs())
                player.perform(scenario_.script[next++]);
            if (next == scenario_.script.size() && settleUntil < 0)
                settleUntil = engine.runtime().nowUs() + scenario_.settle_ms * 1000;
            if (!finished && settleUntil >= 0 && engine.runtime().nowUs() >= settleUntil &&
                scenario_.stop_at_end) {
                player.finish();
                finished = true;
            }
        }
        nowUs_ = engine.runtime().nowUs();
        std::unique_lock lock(lock_);
        wake_.wait_for(lock, std::chrono::milliseconds(8),
                       [this] { return stopping_.load() || !commands_.empty(); });
    }
    engine.shutdown();
    engine.events().removeSink(sink_.get());
    ended_ = true;
}

void RunController::execute(Engine& engine, const Command& c) {
    auto done = [&](QString what, bool ok, QString message) {
        std::lock_guard guard(lock_);
        Result r;
        r.what = std::move(what);
        r.ok = ok;
        r.message = std::move(message);
        results_.push_back(std::move(r));
    };
    const QString path = QString::fromStdString(c.path);
    const Pid target = engine.runtime().whereis(c.path);
    auto& events = engine.events();
    switch (c.kind) {
    case Command::Kind::Kill:
    case Command::Kind::Exit:
    case Command::Kind::Crash: {
        const QString what = (c.kind == Command::Kind::Kill   ? QStringLiteral("Kill ")
                              : c.kind == Command::Kind::Exit ? QStringLiteral("Exit signal to ")
                                                              : QStringLiteral("Crash ")) +
                             path;
        if (target == kNoPid) {
            done(what, false,
                 path + QStringLiteral(
                            " is not running (it has just died or was removed): nothing done"));
            return;
        }
        const Reason reason = c.kind == Command::Kind::Kill ? Reason::kill() : Reason::parse(c.arg);
        events.emit(EventKind::Inject, c.path, target, reason.format(),
                    c.kind == Command::Kind::Crash ? "crash (from the GUI)"
                                                   : "exit signal (from the GUI)");
        if (c.kind == Command::Kind::Crash)
            engine.port().send(target, CrashMsg{reason});
        else
            engine.port().sendExit(target, reason);
        done(what, true, {});
        return;
    }
    default:
        break;
    }
    CallRequest request;
    QString what;
    switch (c.kind) {
    case Command::Kind::Terminate:
        request.op = CallOp::TerminateChild;
        request.id = c.arg;
        request.pid = engine.runtime().whereis(childPath(c.path, c.arg));
        what = QStringLiteral("terminate_child ");
        break;
    case Command::Kind::Restart:
        request.op = CallOp::RestartChild;
        request.id = c.arg;
        what = QStringLiteral("restart_child ");
        break;
    case Command::Kind::Delete:
        request.op = CallOp::DeleteChild;
        request.id = c.arg;
        what = QStringLiteral("delete_child ");
        break;
    case Command::Kind::Start:
        request.op = CallOp::StartChild;
        request.spec = c.node;
        what = QStringLiteral("start_child ");
        break;
    case Command::Kind::Inspect:
        request.op = CallOp::Inspect;
        break;
    default:
        return;
    }
    what += QString::fromStdString(childPath(c.path, c.arg));
    if (target == kNoPid) {
        if (c.kind != Command::Kind::Inspect)
            done(what, false, path + QStringLiteral(" is not running: nothing done"));
        return;
    }
    if (c.kind == Command::Kind::Inspect) {
        Result r;
        r.what = QStringLiteral("inspect");
        r.ok = true;
        r.inspection = true;
        r.path = path;
        CallResult state = engine.port().call(target, request);
        r.text = QString::fromStdString(state.text);
        CallRequest which;
        which.op = CallOp::WhichChildren;
        CallResult children = engine.port().call(target, which);
        if (children.ok()) {
            r.children = children.children;
            CallRequest count;
            count.op = CallOp::CountChildren;
            r.counts = engine.port().call(target, count).counts;
        }
        std::lock_guard guard(lock_);
        results_.push_back(std::move(r));
        return;
    }
    CallResult result = engine.port().call(target, request);
    if (result.ok())
        done(what, true, {});
    else
        done(what, false,
             QStringLiteral("{error, %1}").arg(QString::fromStdString(result.errorWord())));
}

void RunController::drain() {
    std::vector<Event> events;
    std::vector<Result> results;
    {
        std::lock_guard guard(lock_);
        events.swap(events_);
        results.swap(results_);
    }
    if (!events.empty()) Q_EMIT eventsArrived(events);
    for (const auto& r : results) {
        if (r.inspection)
            Q_EMIT inspected(r.path, r.text, r.children, r.counts);
        else
            Q_EMIT actionFinished(r.what, r.ok, r.message);
    }
    if (ended_.exchange(false)) Q_EMIT runEnded();
}

} // namespace suplab
