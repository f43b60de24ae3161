#include "Engine.h"

#include "console/EngineWorld.h"
#include "console/Evaluator.h"
#include "run/EngineCore.h"
#include "run/ScenarioPlayer.h"
#include "sched/VirtualScheduler.h"

#include <algorithm>

namespace suplab {

// The run behind the facade: the engine, the scenario's player with its script
// cursor, and the console's evaluator once a line has been typed.
struct Engine::Run {
    Run(Scenario s, ClockKind clock)
        : scenario(std::move(s)), core(clock, scenario.seed), player(core, scenario) {}

    void settleAndStop(std::int64_t byUs);

    Scenario scenario;
    EngineCore core;
    ScenarioPlayer player;
    std::vector<EventSink*> sinks;
    std::string modules;
    // The console's, made at its first line; they refer to `core` and go before it.
    std::unique_ptr<console::EngineWorld> world;
    std::unique_ptr<console::Evaluator> evaluator;
    std::size_t next = 0;          // the next script step
    std::int64_t settleUntil = -1; // once the script is done: when to stop the root
    bool finished = false;
};

Engine::Engine(Scenario scenario, ClockKind clock)
    : run_(std::make_unique<Run>(std::move(scenario), clock)) {}

Engine::~Engine() {
    run_->evaluator.reset();
    run_->world.reset();
    run_->core.shutdown();
    for (EventSink* sink : run_->sinks)
        run_->core.events().removeSink(sink);
}

void Engine::subscribe(EventSink* sink) {
    run_->core.events().addSink(sink);
    run_->sinks.push_back(sink);
}

void Engine::unsubscribe(EventSink* sink) {
    run_->core.events().removeSink(sink);
    std::erase(run_->sinks, sink);
}

void Engine::start(RunStart how) {
    run_->modules = std::move(how.modules);
    if (how.treeUp && run_->player.startTree()) run_->player.startDynamicChildren();
}

ClockKind Engine::clock() const {
    return run_->core.clock();
}

std::int64_t Engine::nowUs() const {
    return run_->core.runtime().nowUs();
}

void Engine::Run::settleAndStop(std::int64_t byUs) {
    if (next == scenario.script.size() && settleUntil < 0)
        settleUntil = core.runtime().nowUs() + scenario.settle_ms * 1000;
    if (finished || settleUntil < 0 || byUs < settleUntil || !scenario.stop_at_end) return;
    if (core.virtualScheduler()) core.port().sleepUntil(settleUntil);
    player.finish(); // as the scenario asks: shut the root down after settling
    finished = true;
}

void Engine::advanceTo(std::int64_t targetUs) {
    Run& r = *run_;
    while (r.next < r.scenario.script.size() &&
           r.scenario.script[r.next].at_ms * 1000 <= targetUs) {
        r.core.port().sleepUntil(r.scenario.script[r.next].at_ms * 1000);
        r.player.perform(r.scenario.script[r.next++]);
    }
    r.settleAndStop(targetUs);
    if (auto* v = r.core.virtualScheduler()) v->advanceTo(targetUs);
}

void Engine::poll() {
    Run& r = *run_;
    while (r.next < r.scenario.script.size() && r.scenario.script[r.next].at_ms * 1000 <= nowUs())
        r.player.perform(r.scenario.script[r.next++]);
    r.settleAndStop(nowUs());
}

std::int64_t Engine::nextDueUs() {
    Run& r = *run_;
    auto* v = r.core.virtualScheduler();
    std::int64_t due = v ? v->nextTimerUs() : -1;
    auto earliest = [&](std::int64_t t) { due = due < 0 ? t : std::min(due, t); };
    if (r.next < r.scenario.script.size())
        earliest(r.scenario.script[r.next].at_ms * 1000);
    else if (r.settleUntil >= 0 && !r.finished && r.scenario.stop_at_end)
        earliest(r.settleUntil);
    return due;
}

ActionResult Engine::perform(const Action& action) {
    return runAction(run_->core, action);
}

Inspection Engine::inspect(const std::string& path) {
    Inspection found;
    Action ask = Action::query(Action::Kind::Inspect, path).from("the GUI", kPersonCallTimeoutMs);
    const ActionResult state = perform(ask);
    if (!state.targetFound) return found;
    found.running = true;
    found.text = state.call.text;
    ask.kind = Action::Kind::WhichChildren;
    const ActionResult children = perform(ask);
    if (children.ok()) {
        found.children = children.call.children;
        ask.kind = Action::Kind::CountChildren;
        found.counts = perform(ask).call.counts;
    }
    return found;
}

console::Reply Engine::evaluate(const std::string& line, std::function<bool()> cancelled) {
    Run& r = *run_;
    if (!r.evaluator) {
        r.world = std::make_unique<console::EngineWorld>(r.core, r.scenario);
        r.world->setCancel(std::move(cancelled));
        r.evaluator = std::make_unique<console::Evaluator>(*r.world);
        r.evaluator->defineModules(r.modules);
    }
    return r.evaluator->eval(line);
}

} // namespace suplab
