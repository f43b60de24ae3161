#include "RunController.h"

#include "control/PacedClock.h"

#include <chrono>

namespace suplab {

RunController::RunController(QObject* parent) : QObject(parent) {
    frame_.setInterval(16); // one drain per frame, never one signal per event
    connect(&frame_, &QTimer::timeout, this, &RunController::drain);
}

RunController::~RunController() {
    stop();
}

void RunController::start(const Scenario& scenario, ClockKind clock, double speed, RunStart how) {
    stop();
    scenario_ = scenario;
    how_ = std::move(how);
    clock_ = clock;
    speed_ = speed;
    paused_ = false;
    ended_ = false;
    nowUs_ = 0;
    {
        std::lock_guard guard(thread_.lock());
        commands_.clear();
        results_.clear();
        answers_.clear();
    }
    events_.clear();
    thread_.start([this] { loop(); });
    frame_.start();
}

void RunController::stop() {
    if (!thread_.running()) return;
    thread_.stop();
    drain();
    frame_.stop();
}

void RunController::setPaused(bool paused) {
    paused_ = paused;
    thread_.notify();
}

void RunController::setSpeed(double speed) {
    speed_ = speed;
}

void RunController::stepToNextEvent() {
    post({true, {}, {}});
}

// Everything the GUI does to the tree: the same actions a script does, from the GUI,
// each call answered within a bounded time.
namespace {
Action fromGui(Action action) {
    return action.from("the GUI", kPersonCallTimeoutMs);
}
} // namespace

using K = Action::Kind;
void RunController::kill(const std::string& path) {
    post({false, fromGui(Action::signal(K::Kill, path)), {}});
}
void RunController::exitSignal(const std::string& path, const std::string& reason) {
    post({false, fromGui(Action::signal(K::Exit, path, Reason::parse(reason))), {}});
}
void RunController::crash(const std::string& path, const std::string& reason) {
    post({false, fromGui(Action::signal(K::Crash, path, Reason::parse(reason))), {}});
}
void RunController::terminateChild(const std::string& sup, const std::string& id) {
    post({false, fromGui(Action::onChild(K::TerminateChild, sup, id)), {}});
}
void RunController::restartChild(const std::string& sup, const std::string& id) {
    post({false, fromGui(Action::onChild(K::RestartChild, sup, id)), {}});
}
void RunController::deleteChild(const std::string& sup, const std::string& id) {
    post({false, fromGui(Action::onChild(K::DeleteChild, sup, id)), {}});
}
void RunController::startChild(const std::string& sup, NodePtr node) {
    post({false, fromGui(Action::startChild(sup, std::move(node))), {}});
}
void RunController::inspect(const std::string& path) {
    post({false, fromGui(Action::query(K::Inspect, path)), {}});
}

void RunController::evaluate(const QString& line) {
    Command command;
    command.console = line.toStdString();
    post(std::move(command));
}

void RunController::post(Command command) {
    {
        std::lock_guard guard(thread_.lock());
        commands_.push_back(std::move(command));
    }
    thread_.notify();
}

void RunController::loop() {
    using WallClock = std::chrono::steady_clock;
    const bool virt = clock_ == ClockKind::Virtual;
    LaneDriver lane(scenario_, virt ? ClockKind::Virtual : ClockKind::Real, &events_, how_);
    PacedClock clock;
    auto lastWall = WallClock::now();

    while (!thread_.stopping()) {
        std::deque<Command> commands;
        {
            std::lock_guard guard(thread_.lock());
            commands.swap(commands_);
        }
        bool step = false;
        for (const auto& c : commands) {
            if (c.step) {
                step = true;
                continue;
            }
            if (c.console) {
                ConsoleAnswer answer{
                    QString::fromStdString(*c.console),
                    lane.evaluate(*c.console, [this] { return thread_.stopping(); })};
                std::lock_guard guard(thread_.lock());
                answers_.push_back(std::move(answer));
                continue;
            }
            LaneOutcome outcome = lane.execute(c.lane);
            std::lock_guard guard(thread_.lock());
            results_.push_back(std::move(outcome));
        }
        if (virt) {
            const auto wallNow = WallClock::now();
            std::int64_t target =
                clock.tick(std::chrono::duration<double, std::micro>(wallNow - lastWall).count(),
                           speed_.load(), paused_.load());
            lastWall = wallNow;
            if (paused_ && step) {
                const std::int64_t due = lane.nextDueUs();
                if (due < 0) {
                    // Said, not swallowed: a step that finds nothing to do.
                    LaneOutcome nothing;
                    nothing.what = QStringLiteral("Step");
                    nothing.ok = false;
                    nothing.message = QStringLiteral(
                        "nothing more is scheduled: no script step, timer or stop is due");
                    std::lock_guard guard(thread_.lock());
                    results_.push_back(std::move(nothing));
                }
                target = std::max(target, due);
            }
            lane.advanceTo(target);
            clock.catchUp(std::max(target, lane.nowUs()));
        } else {
            lane.poll();
        }
        nowUs_ = lane.nowUs();
        thread_.waitFor(8, [this] { return !commands_.empty(); });
    }
    ended_ = true;
}

void RunController::drain() {
    std::vector<Event> events = events_.take();
    std::vector<LaneOutcome> results;
    std::vector<ConsoleAnswer> answers;
    {
        std::lock_guard guard(thread_.lock());
        results.swap(results_);
        answers.swap(answers_);
    }
    if (!events.empty()) Q_EMIT eventsArrived(events);
    for (const auto& r : results) {
        if (r.inspection && r.ok)
            Q_EMIT inspected(r.path, r.text, r.children, r.counts);
        else if (r.inspection)
            Q_EMIT inspectionMissed(r.path);
        else
            Q_EMIT actionFinished(r.what, r.ok, r.message);
    }
    for (const auto& a : answers)
        Q_EMIT evaluated(a.line, a.reply.ok, QString::fromStdString(a.reply.text),
                         QString::fromStdString(a.reply.focus));
    if (ended_.exchange(false)) Q_EMIT runEnded();
}

} // namespace suplab
