#include "EngineWorld.h"

#include "run/ScenarioPlayer.h"
#include "supervision/ChildFactory.h"

#include <algorithm>

namespace suplab::console {

EngineWorld::EngineWorld(EngineCore& engine, const Scenario& scenario)
    : engine_(engine), scenario_(scenario) {
    if (scenario.root) remember({}, scenario.root);
}

std::string EngineWorld::rootId() {
    return scenario_.root ? scenario_.root->id : std::string();
}

World::TreeStart EngineWorld::startTree() {
    TreeStart result;
    result.pid = at(rootId());
    if (result.pid != kNoPid) {
        result.alreadyStarted = true;
        return result;
    }
    ScenarioPlayer player(engine_, scenario_);
    if (player.startTree(false)) player.startDynamicChildren();
    result.pid = player.rootPid();
    return result;
}

void EngineWorld::remember(const std::string& parentPath, const NodePtr& node) {
    const std::string path = parentPath.empty() ? node->id : childPath(parentPath, node->id);
    nodes_[path] = node;
    for (const NodePtr& child : node->children)
        remember(path, child);
}

void EngineWorld::started(const std::string& supervisorPath, NodePtr node) {
    if (node) remember(supervisorPath, node);
}

Pid EngineWorld::self() {
    return engine_.port().pid();
}

Pid EngineWorld::whereis(const std::string& name) {
    // As `name: __MODULE__` registers it: a process answers to the module named by its
    // id. Among several live ones, the one nearest the root is taken.
    Pid best = kNoPid;
    std::size_t bestDepth = 0;
    for (const auto& [path, node] : nodes_) {
        if (node->id != name) continue;
        const Pid pid = engine_.runtime().whereis(path);
        const auto depth = static_cast<std::size_t>(std::count(path.begin(), path.end(), '/'));
        if (pid != kNoPid && (best == kNoPid || depth < bestDepth)) {
            best = pid;
            bestDepth = depth;
        }
    }
    return best;
}

Pid EngineWorld::at(const std::string& path) {
    return engine_.runtime().whereis(path);
}

bool EngineWorld::alive(Pid pid) {
    return pid != kNoPid && engine_.runtime().isAlive(pid);
}

std::string EngineWorld::pathOf(Pid pid) {
    auto process = engine_.runtime().find(pid);
    return process ? process->path() : std::string();
}

NodePtr EngineWorld::nodeOf(Pid pid) {
    const std::string path = pathOf(pid);
    auto it = nodes_.find(path);
    return it == nodes_.end() ? nullptr : it->second;
}

ActionResult EngineWorld::run(Action action) {
    return runAction(engine_, action);
}

void EngineWorld::sleep(std::int64_t ms) {
    const std::int64_t until = engine_.runtime().nowUs() + ms * 1000;
    if (engine_.virtualScheduler() || !cancelled_) {
        engine_.port().sleepUntil(until);
        return;
    }
    constexpr std::int64_t kSliceUs = 20'000;
    for (std::int64_t now = engine_.runtime().nowUs(); now < until && !cancelled_();
         now = engine_.runtime().nowUs())
        engine_.port().sleepUntil(std::min(until, now + kSliceUs));
}

} // namespace suplab::console
