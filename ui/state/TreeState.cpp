#include "TreeState.h"

#include <algorithm>
#include <utility>

namespace suplab {

const char* toString(ProcessState state) {
    switch (state) {
    case ProcessState::NotStarted:
        return "not started";
    case ProcessState::Starting:
        return "starting";
    case ProcessState::Running:
        return "running";
    case ProcessState::Stopping:
        return "stopping";
    case ProcessState::Down:
        return "down";
    case ProcessState::Restarting:
        return "restarting";
    case ProcessState::Removed:
        return "removed";
    }
    return "?";
}

namespace {
std::string parentOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}
std::string idOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}
} // namespace

TreeState::TreeState(const Scenario& scenario, bool treeUp)
    : initial_(treeUp ? ProcessState::Starting : ProcessState::NotStarted) {
    rootPath_ = scenario.root->id;
    for (const auto& step : scenario.script)
        if (step.action == StepAction::StartChild && step.child)
            expected_[step.target + "/" + step.child->id] = step.child;
    addStatic(scenario.root, {});
}

void TreeState::addStatic(const NodePtr& spec, const std::string& parent) {
    const std::string path = parent.empty() ? spec->id : parent + "/" + spec->id;
    ProcessNode& node = ensure(path);
    node.spec = spec;
    node.state = initial_;
    if (spec->isSupervisor())
        intensity_.emplace(path, RestartIntensity(spec->max_restarts, spec->max_seconds));
    if (spec->type == NodeType::DynamicSupervisor) {
        // Its initial children are started through start_child, so they appear as they come up.
        for (const auto& child : spec->children)
            expected_[path + "/" + child->id] = child;
        return;
    }
    for (const auto& child : spec->children)
        addStatic(child, path);
}

ProcessNode& TreeState::ensure(const std::string& path) {
    auto it = nodes_.find(path);
    if (it != nodes_.end()) return it->second;
    ProcessNode& node = nodes_[path];
    ++structureVersion_;
    node.path = path;
    node.id = idOf(path);
    node.parent = parentOf(path);
    if (!node.parent.empty()) {
        ProcessNode& parent = ensure(node.parent);
        parent.children.push_back(path);
        parent.childNodes.push_back(&node); // a std::map's values never move
        node.dynamic = parent.spec && parent.spec->type == NodeType::DynamicSupervisor;
        if (parent.spec && !node.spec && parent.spec->type == NodeType::Supervisor)
            for (const auto& c : parent.spec->children)
                if (c->id == node.id) node.spec = c;
        if (!node.spec)
            if (auto spec = expected_.find(path); spec != expected_.end()) node.spec = spec->second;
    }
    return node;
}

std::string TreeState::apply(const Event& e) {
    if (e.path.empty()) return {};
    if (e.kind == EventKind::Error || e.kind == EventKind::Inject || e.kind == EventKind::Trapped)
        return nodes_.count(e.path) ? e.path : std::string();

    const bool known = nodes_.count(e.path) != 0;
    if (!known && e.kind != EventKind::Up && e.kind != EventKind::Call) return {};
    ProcessNode& n = ensure(e.path);
    n.lastChangeUs = e.tUs;
    const bool wasRemoved = n.state == ProcessState::Removed;
    switch (e.kind) {
    case EventKind::Up:
        if (n.upSinceUs >= 0 || n.state == ProcessState::Down ||
            n.state == ProcessState::Restarting)
            if (n.pid != kNoPid && n.pid != e.pid) ++n.restarts;
        n.state = ProcessState::Running;
        n.pid = e.pid;
        n.upSinceUs = e.tUs;
        spans_[n.path].push_back(Span{e.tUs, -1, {}});
        if (n.spec && n.spec->isSupervisor()) // a new instance starts a fresh restart history
            intensity_.insert_or_assign(
                n.path, RestartIntensity(n.spec->max_restarts, n.spec->max_seconds));
        break;
    case EventKind::Down:
        n.state = ProcessState::Down;
        n.lastReason = e.reason;
        if (auto& lives = spans_[n.path]; !lives.empty() && lives.back().toUs < 0) {
            lives.back().toUs = e.tUs;
            lives.back().reason = e.reason;
        }
        n.crashed = e.reason != "shutdown";
        n.upSinceUs = -1;
        // A temporary child is never restarted: it is gone for good.
        if (n.spec && n.spec->restart == RestartType::Temporary) n.state = ProcessState::Removed;
        // Its children end by its shutdown or their links, each with a down of its own.
        break;
    case EventKind::StartFailed:
        n.state = ProcessState::Restarting;
        n.lastReason = e.reason;
        break;
    case EventKind::GiveUp:
        n.gaveUpAtUs = e.tUs;
        n.state = ProcessState::Stopping;
        break;
    case EventKind::Restart: {
        const bool bystander = e.detail.rfind("bystander", 0) == 0;
        n.bystander = bystander;
        if (n.state != ProcessState::Running) n.state = ProcessState::Restarting;
        if (!bystander)
            if (auto it = intensity_.find(n.parent); it != intensity_.end()) {
                it->second.record(e.tUs / 1'000'000);
                touch(n.parent); // its budget bar changed too
            }
        break;
    }
    case EventKind::ShutdownTimeout:
        n.state = ProcessState::Stopping;
        break;
    case EventKind::Call:
        if (e.detail == "delete_child") {
            n.state = ProcessState::Removed;
        } else if (e.detail == "terminate_child" && n.dynamic) {
            n.state = ProcessState::Removed;
        }
        break;
    default:
        break;
    }
    if (wasRemoved != (n.state == ProcessState::Removed)) ++structureVersion_;
    touch(n.path);
    return n.path;
}

void TreeState::touch(const std::string& path) {
    if (changedSet_.insert(path).second) changed_.push_back(path);
}

std::vector<std::string> TreeState::takeChanged() {
    changedSet_.clear();
    return std::exchange(changed_, {});
}

bool TreeState::dismissGiveUp(const std::string& path) {
    auto it = nodes_.find(path);
    if (it == nodes_.end() || it->second.gaveUpAtUs < 0) return false;
    it->second.gaveUpAtUs = -1;
    touch(path);
    return true;
}

std::vector<std::pair<std::int64_t, std::string>> TreeState::giveUps() const {
    std::vector<std::pair<std::int64_t, std::string>> marks;
    for (const auto& [path, n] : nodes_)
        if (n.gaveUpAtUs >= 0) marks.emplace_back(n.gaveUpAtUs, path);
    std::sort(marks.begin(), marks.end());
    return marks;
}

TreeState::Summary TreeState::summarize(const std::string& path) const {
    Summary sum;
    const ProcessNode* top = find(path);
    if (!top) return sum;
    std::vector<const ProcessNode*> stack{top};
    while (!stack.empty()) {
        const ProcessNode* n = stack.back();
        stack.pop_back();
        for (const ProcessNode* c : n->childNodes) {
            if (c->state == ProcessState::Removed) continue;
            ++sum.processes;
            ++(c->isSupervisor() ? sum.supervisors : sum.workers);
            if (c->state != ProcessState::Running) ++sum.notRunning;
            sum.restarts += c->restarts;
            if (c->gaveUpAtUs >= 0) ++sum.gaveUp;
            stack.push_back(c);
        }
    }
    return sum;
}

std::vector<std::string> TreeState::treeOrder() const {
    std::vector<std::string> order;
    std::vector<std::string> stack{rootPath_};
    while (!stack.empty()) {
        const std::string path = stack.back();
        stack.pop_back();
        order.push_back(path);
        const ProcessNode* n = find(path);
        if (!n) continue;
        for (auto it = n->children.rbegin(); it != n->children.rend(); ++it)
            stack.push_back(*it);
    }
    return order;
}

const ProcessNode* TreeState::find(const std::string& path) const {
    auto it = nodes_.find(path);
    return it == nodes_.end() ? nullptr : &it->second;
}

std::pair<int, int> TreeState::budget(const std::string& supervisor, std::int64_t nowUs) const {
    auto it = intensity_.find(supervisor);
    if (it == intensity_.end()) return {0, 0};
    return {it->second.countAt(nowUs / 1'000'000), it->second.maxRestarts()};
}

} // namespace suplab
