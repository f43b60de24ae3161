#include "ScenarioPlayer.h"

#include "events/EventLog.h"
#include "supervision/ChildFactory.h"
#include "supervision/SupervisorProcess.h"

namespace suplab {

ScenarioPlayer::ScenarioPlayer(Engine& engine, const Scenario& scenario)
    : engine_(engine), scenario_(scenario) {}

void ScenarioPlayer::play() {
    if (!startTree()) return;
    startDynamicChildren();
    for (const auto& step : scenario_.script) {
        engine_.port().sleepUntil(step.at_ms * 1000);
        perform(step);
    }
    engine_.port().sleepUntil(engine_.runtime().nowUs() + scenario_.settle_ms * 1000);
    finish();
}

bool ScenarioPlayer::startTree() {
    engine_.scheduler().resetClock();
    const auto& root = scenario_.root;
    auto outcome = engine_.port().startLinked(makeProcess(engine_.runtime(), root->id, root));
    if (!outcome.ok()) {
        engine_.events().emit(EventKind::StartFailed, root->id, kNoPid, outcome.reason.format(),
                              "the tree failed to start");
        return false;
    }
    root_ = outcome.pid;
    return true;
}

void ScenarioPlayer::startDynamicChildren() {
    startDynamicChildren(*scenario_.root, scenario_.root->id);
}

void ScenarioPlayer::startDynamicChildren(const NodeSpec& node, const std::string& path) {
    if (node.type == NodeType::DynamicSupervisor) {
        for (const auto& child : node.children) {
            ScriptStep step;
            step.action = StepAction::StartChild;
            step.target = path;
            step.child = child;
            step.child_id = child->id;
            perform(step);
        }
        return;
    }
    for (const auto& child : node.children)
        startDynamicChildren(*child, childPath(path, child->id));
}

void ScenarioPlayer::reportError(const char* op, const std::string& subject,
                                 const std::string& word) {
    engine_.events().emitError(op, subject, word);
}

void ScenarioPlayer::perform(const ScriptStep& step) {
    const char* op = toString(step.action);
    const bool api = step.action != StepAction::Kill && step.action != StepAction::Exit &&
                     step.action != StepAction::Crash;
    const std::string subject = api ? childPath(step.target, step.child_id) : step.target;
    const Pid target = engine_.runtime().whereis(step.target);
    if (target == kNoPid) {
        reportError(op, subject, "not_found");
        return;
    }
    Port& port = engine_.port();
    auto& events = engine_.events();
    switch (step.action) {
    case StepAction::Kill:
        events.emit(EventKind::Inject, step.target, target, "kill", "exit signal kill");
        port.sendExit(target, Reason::kill());
        return;
    case StepAction::Exit:
        events.emit(EventKind::Inject, step.target, target, Reason::parse(step.reason).format(),
                    "exit signal");
        port.sendExit(target, Reason::parse(step.reason));
        return;
    case StepAction::Crash:
        events.emit(EventKind::Inject, step.target, target, Reason::parse(step.reason).format(),
                    "crash");
        port.send(target, CrashMsg{Reason::parse(step.reason)});
        return;
    default:
        break;
    }
    CallRequest request;
    switch (step.action) {
    case StepAction::StartChild:
        request.op = CallOp::StartChild;
        request.spec = step.child;
        break;
    case StepAction::TerminateChild:
        request.op = CallOp::TerminateChild;
        request.id = step.child_id;
        // A dynamic supervisor knows its children by pid: the latest one at that path.
        request.pid = engine_.runtime().whereis(subject);
        break;
    case StepAction::RestartChild:
        request.op = CallOp::RestartChild;
        request.id = step.child_id;
        break;
    case StepAction::DeleteChild:
        request.op = CallOp::DeleteChild;
        request.id = step.child_id;
        break;
    default:
        return;
    }
    request.reportOp = op;
    request.reportSubject = subject;
    request.reportStartTerm =
        step.action == StepAction::StartChild &&
        dynamic_cast<const SupervisorProcess*>(engine_.runtime().find(target).get());
    CallResult result = port.call(target, std::move(request));
    if (result.ok() || result.reported) return; // logged by the supervisor as it replied
    // No reply from the supervisor (it was gone): said here.
    reportError(op, subject, result.errorWord());
}

void ScenarioPlayer::finish() {
    if (!scenario_.stop_at_end || root_ == kNoPid || !engine_.runtime().isAlive(root_)) return;
    engine_.port().sendExit(root_, Reason::shutdown());
    engine_.port().awaitExit(root_);
}

} // namespace suplab

namespace suplab {

std::vector<Event> playScenario(const Scenario& scenario, ClockKind clock) {
    EventLog log;
    {
        Engine engine(clock, scenario.seed);
        engine.events().addSink(&log);
        ScenarioPlayer(engine, scenario).play();
        engine.shutdown();
        engine.events().removeSink(&log);
    }
    return log.snapshot();
}

} // namespace suplab
