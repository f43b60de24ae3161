#include "LaneDriver.h"

#include "sched/VirtualScheduler.h"

namespace suplab {

LaneDriver::LaneDriver(Scenario scenario, ClockKind clock, EventSink* sink, RunStart start)
    : scenario_(std::move(scenario)), sink_(sink),
      engine_(std::make_unique<Engine>(clock, scenario_.seed)), modules_(std::move(start.modules)) {
    engine_->events().addSink(sink_);
    player_ = std::make_unique<ScenarioPlayer>(*engine_, scenario_);
    if (start.treeUp && player_->startTree()) player_->startDynamicChildren();
}

LaneDriver::~LaneDriver() {
    evaluator_.reset();
    world_.reset();
    engine_->shutdown();
    engine_->events().removeSink(sink_);
}

void LaneDriver::settleAndStop(std::int64_t byUs) {
    if (next_ == scenario_.script.size() && settleUntil_ < 0)
        settleUntil_ = engine_->runtime().nowUs() + scenario_.settle_ms * 1000;
    if (finished_ || settleUntil_ < 0 || byUs < settleUntil_ || !scenario_.stop_at_end) return;
    if (engine_->virtualScheduler()) engine_->port().sleepUntil(settleUntil_);
    player_->finish(); // as the scenario asks: shut the root down after settling
    finished_ = true;
}

void LaneDriver::advanceTo(std::int64_t targetUs) {
    while (next_ < scenario_.script.size() && scenario_.script[next_].at_ms * 1000 <= targetUs) {
        engine_->port().sleepUntil(scenario_.script[next_].at_ms * 1000);
        player_->perform(scenario_.script[next_++]);
    }
    settleAndStop(targetUs);
    if (auto* v = engine_->virtualScheduler()) v->advanceTo(targetUs);
}

void LaneDriver::poll() {
    while (next_ < scenario_.script.size() && scenario_.script[next_].at_ms * 1000 <= nowUs())
        player_->perform(scenario_.script[next_++]);
    settleAndStop(nowUs());
}

std::int64_t LaneDriver::nextDueUs() {
    auto* v = engine_->virtualScheduler();
    std::int64_t due = v ? v->nextTimerUs() : -1;
    auto earliest = [&](std::int64_t t) { due = due < 0 ? t : std::min(due, t); };
    if (next_ < scenario_.script.size())
        earliest(scenario_.script[next_].at_ms * 1000);
    else if (settleUntil_ >= 0 && !finished_ && scenario_.stop_at_end)
        earliest(settleUntil_);
    return due;
}

console::Reply LaneDriver::evaluate(const std::string& line, std::function<bool()> cancelled) {
    if (!evaluator_) {
        world_ = std::make_unique<console::EngineWorld>(*engine_, scenario_);
        world_->setCancel(std::move(cancelled));
        evaluator_ = std::make_unique<console::Evaluator>(*world_);
        evaluator_->defineModules(modules_);
    }
    return evaluator_->eval(line);
}

LaneOutcome LaneDriver::execute(const Action& action) {
    using K = Action::Kind;
    LaneOutcome result;
    const QString path = QString::fromStdString(action.target);
    if (action.kind == K::Inspect) {
        // A look, not an action: a process that is gone is an answer, not a failure,
        // and nobody is told of it but the inspector.
        result.what = QStringLiteral("inspect");
        result.inspection = true;
        result.path = path;
        const ActionResult state = runAction(*engine_, action);
        if (!state.targetFound) {
            result.ok = false;
            result.message = QStringLiteral("not running");
            return result;
        }
        result.text = QString::fromStdString(state.call.text);
        Action which = action;
        which.kind = K::WhichChildren;
        const ActionResult children = runAction(*engine_, which);
        if (children.ok()) {
            result.children = children.call.children;
            Action count = action;
            count.kind = K::CountChildren;
            result.counts = runAction(*engine_, count).call.counts;
        }
        return result;
    }
    if (action.isSignal()) {
        result.what = (action.kind == K::Kill   ? QStringLiteral("Kill ")
                       : action.kind == K::Exit ? QStringLiteral("Exit signal to ")
                                                : QStringLiteral("Crash ")) +
                      path;
    } else {
        result.what = QString::fromUtf8(action.opName()) + QLatin1Char(' ') +
                      QString::fromStdString(action.subject());
    }
    const ActionResult done = runAction(*engine_, action);
    if (!done.targetFound) {
        result.ok = false;
        result.message =
            action.isSignal()
                ? QStringLiteral(
                      "it is not running (it has just died or was removed); nothing done")
                : QStringLiteral("the supervisor %1 is not running; nothing done").arg(path);
    } else if (!done.call.ok()) {
        result.ok = false;
        result.message =
            QStringLiteral("{error, %1}").arg(QString::fromStdString(done.call.errorWord()));
    }
    return result;
}

} // namespace suplab
