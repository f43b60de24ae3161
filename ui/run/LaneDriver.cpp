#include "LaneDriver.h"

#include "sched/VirtualScheduler.h"
#include "supervision/ChildFactory.h"

namespace suplab {

LaneDriver::LaneDriver(Scenario scenario, ClockKind clock, EventSink* sink)
    : scenario_(std::move(scenario)), sink_(sink),
      engine_(std::make_unique<Engine>(clock, scenario_.seed)) {
    engine_->events().addSink(sink_);
    player_ = std::make_unique<ScenarioPlayer>(*engine_, scenario_);
    if (player_->startTree()) player_->startDynamicChildren();
}

LaneDriver::~LaneDriver() {
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

LaneOutcome LaneDriver::execute(const LaneCommand& c) {
    LaneOutcome result;
    Engine& engine = *engine_;
    const QString path = QString::fromStdString(c.path);
    const Pid target = engine.runtime().whereis(c.path);
    auto& events = engine.events();
    using K = LaneCommand::Kind;
    if (c.kind == K::Kill || c.kind == K::Exit || c.kind == K::Crash) {
        result.what = (c.kind == K::Kill   ? QStringLiteral("Kill ")
                       : c.kind == K::Exit ? QStringLiteral("Exit signal to ")
                                           : QStringLiteral("Crash ")) +
                      path;
        if (target == kNoPid) {
            result.ok = false;
            result.message =
                QStringLiteral("it is not running (it has just died or was removed); nothing done");
            return result;
        }
        const Reason reason = c.kind == K::Kill ? Reason::kill() : Reason::parse(c.arg);
        events.emit(EventKind::Inject, c.path, target, reason.format(),
                    c.kind == K::Crash ? "crash (from the GUI)" : "exit signal (from the GUI)");
        if (c.kind == K::Crash)
            engine.port().send(target, CrashMsg{reason});
        else
            engine.port().sendExit(target, reason);
        return result;
    }
    CallRequest request;
    switch (c.kind) {
    case K::Terminate:
        request.op = CallOp::TerminateChild;
        request.id = c.arg;
        request.pid = engine.runtime().whereis(childPath(c.path, c.arg));
        result.what = QStringLiteral("terminate_child ");
        break;
    case K::Restart:
        request.op = CallOp::RestartChild;
        request.id = c.arg;
        result.what = QStringLiteral("restart_child ");
        break;
    case K::Delete:
        request.op = CallOp::DeleteChild;
        request.id = c.arg;
        result.what = QStringLiteral("delete_child ");
        break;
    case K::Start:
        request.op = CallOp::StartChild;
        request.spec = c.node;
        result.what = QStringLiteral("start_child ");
        break;
    default:
        request.op = CallOp::Inspect;
        break;
    }
    if (c.kind == K::Inspect) {
        // A look, not an action: a process that is gone is an answer, not a failure,
        // and nobody is told of it but the inspector.
        result.what = QStringLiteral("inspect");
        result.inspection = true;
        result.path = path;
        if (target == kNoPid) {
            result.ok = false;
            result.message = QStringLiteral("not running");
            return result;
        }
        result.text = QString::fromStdString(engine.port().call(target, request).text);
        CallRequest which;
        which.op = CallOp::WhichChildren;
        CallResult children = engine.port().call(target, which);
        if (children.ok()) {
            result.children = children.children;
            CallRequest count;
            count.op = CallOp::CountChildren;
            result.counts = engine.port().call(target, count).counts;
        }
        return result;
    }
    result.what += QString::fromStdString(childPath(c.path, c.arg));
    if (target == kNoPid) {
        result.ok = false;
        result.message = QStringLiteral("the supervisor %1 is not running; nothing done").arg(path);
        return result;
    }
    CallResult answer = engine.port().call(target, request);
    if (!answer.ok()) {
        result.ok = false;
        result.message =
            QStringLiteral("{error, %1}").arg(QString::fromStdString(answer.errorWord()));
    }
    return result;
}

} // namespace suplab
