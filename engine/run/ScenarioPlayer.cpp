#include "ScenarioPlayer.h"

#include "events/EventLog.h"
#include "supervision/ChildFactory.h"

namespace suplab {

ScenarioPlayer::ScenarioPlayer(EngineCore& engine, const Scenario& scenario)
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

bool ScenarioPlayer::startTree(bool fromTimeZero) {
    // A scenario's run counts from its tree's start; a tree started later in a run (the
    // console's start_link) keeps the run's clock, so that nothing jumps back.
    if (fromTimeZero) engine_.scheduler().resetClock();
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

Action ScenarioPlayer::actionFor(const ScriptStep& step) {
    Action action;
    switch (step.action) {
    case StepAction::Kill:
        action.kind = Action::Kind::Kill;
        break;
    case StepAction::Exit:
        action.kind = Action::Kind::Exit;
        break;
    case StepAction::Crash:
        action.kind = Action::Kind::Crash;
        break;
    case StepAction::StartChild:
        action.kind = Action::Kind::StartChild;
        break;
    case StepAction::TerminateChild:
        action.kind = Action::Kind::TerminateChild;
        break;
    case StepAction::RestartChild:
        action.kind = Action::Kind::RestartChild;
        break;
    case StepAction::DeleteChild:
        action.kind = Action::Kind::DeleteChild;
        break;
    case StepAction::Call:
        action.kind = Action::Kind::Behaviour;
        action.function = step.function;
        action.args = step.args;
        break;
    }
    action.target = step.target;
    action.childId = step.child_id;
    action.node = step.child;
    action.reason = Reason::parse(step.reason);
    action.reportAsScriptError = true; // and no timeout: OTP's supervisor calls wait
    return action;
}

void ScenarioPlayer::perform(const ScriptStep& step) {
    const Action action = actionFor(step);
    const ActionResult result = runAction(engine_, action);
    if (!result.targetFound) {
        reportError(action.opName(), action.subject(), "not_found");
        return;
    }
    if (result.call.ok() || result.call.reported) return; // logged by the supervisor
    // No reply from the supervisor (it was gone): said here.
    reportError(action.opName(), action.subject(), result.call.errorWord());
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
        EngineCore engine(clock, scenario.seed);
        engine.events().addSink(&log);
        ScenarioPlayer(engine, scenario).play();
        engine.shutdown();
        engine.events().removeSink(&log);
    }
    return log.snapshot();
}

} // namespace suplab
