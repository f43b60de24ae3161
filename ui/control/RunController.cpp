#include "RunController.h"

#include <algorithm>

namespace suplab {

RunController::RunController(QObject* parent) : QObject(parent) {}

RunController::~RunController() {
    stop();
}

void RunController::start(const Scenario& scenario, ClockKind clock, double speed, RunStart how) {
    stop();
    scenario_ = scenario;
    how_ = std::move(how);
    clock_ = clock;
    ended_ = false;
    {
        std::lock_guard guard(loop_.lock());
        results_.clear();
        answers_.clear();
    }
    events_.clear();
    loop_.start([this] { body(); }, speed);
}

void RunController::stop() {
    loop_.stop();
}

void RunController::stepToNextEvent() {
    loop_.post({true, {}, {}});
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
    loop_.post({false, fromGui(Action::signal(K::Kill, path)), {}});
}
void RunController::exitSignal(const std::string& path, const std::string& reason) {
    loop_.post({false, fromGui(Action::signal(K::Exit, path, Reason::parse(reason))), {}});
}
void RunController::crash(const std::string& path, const std::string& reason) {
    loop_.post({false, fromGui(Action::signal(K::Crash, path, Reason::parse(reason))), {}});
}
void RunController::terminateChild(const std::string& sup, const std::string& id) {
    loop_.post({false, fromGui(Action::onChild(K::TerminateChild, sup, id)), {}});
}
void RunController::restartChild(const std::string& sup, const std::string& id) {
    loop_.post({false, fromGui(Action::onChild(K::RestartChild, sup, id)), {}});
}
void RunController::deleteChild(const std::string& sup, const std::string& id) {
    loop_.post({false, fromGui(Action::onChild(K::DeleteChild, sup, id)), {}});
}
void RunController::startChild(const std::string& sup, NodePtr node) {
    loop_.post({false, fromGui(Action::startChild(sup, std::move(node))), {}});
}
void RunController::inspect(const std::string& path) {
    loop_.post({false, fromGui(Action::query(K::Inspect, path)), {}});
}

void RunController::evaluate(const QString& line) {
    Command command;
    command.console = line.toStdString();
    loop_.post(std::move(command));
}

void RunController::body() {
    const bool virt = clock_ == ClockKind::Virtual;
    Engine engine(scenario_, clock_);
    engine.subscribe(&events_);
    engine.start(how_);
    while (!loop_.stopping()) {
        bool step = false;
        for (const auto& c : loop_.takeCommands()) {
            if (c.step) {
                step = true;
                continue;
            }
            if (c.console) {
                ConsoleAnswer answer{
                    QString::fromStdString(*c.console),
                    engine.evaluate(*c.console, [this] { return loop_.stopping(); })};
                std::lock_guard guard(loop_.lock());
                answers_.push_back(std::move(answer));
                continue;
            }
            ActionOutcome outcome = performForGui(engine, c.lane);
            std::lock_guard guard(loop_.lock());
            results_.push_back(std::move(outcome));
        }
        if (virt) {
            std::int64_t target = loop_.pacedTarget();
            if (loop_.paused() && step) {
                const std::int64_t due = engine.nextDueUs();
                if (due < 0) {
                    // Said, not swallowed: a step that finds nothing to do.
                    ActionOutcome nothing;
                    nothing.what = QStringLiteral("Step");
                    nothing.ok = false;
                    nothing.message = QStringLiteral(
                        "nothing more is scheduled: no script step, timer or stop is due");
                    std::lock_guard guard(loop_.lock());
                    results_.push_back(std::move(nothing));
                }
                target = std::max(target, due);
            }
            engine.advanceTo(target);
            loop_.catchUp(std::max(target, engine.nowUs()));
        } else {
            engine.poll();
        }
        loop_.publishNow(engine.nowUs());
        loop_.waitForCommands();
    }
    ended_ = true;
}

void RunController::drain() {
    std::vector<Event> events = events_.take();
    std::vector<ActionOutcome> results;
    std::vector<ConsoleAnswer> answers;
    {
        std::lock_guard guard(loop_.lock());
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
