#include "DependencyFindings.h"

#include "analysis/GiveUpSearch.h"
#include "supervision/ChildFactory.h"

#include <algorithm>
#include <functional>

namespace suplab {

namespace {

/// A copy of `node` with the node at `path` (relative: ids below it) changed by `change`;
/// only the nodes on the way are copied.
NodePtr changedAt(const NodePtr& node, const std::vector<std::string>& ids, std::size_t depth,
                  const std::function<void(NodeSpec&)>& change) {
    auto copy = std::make_shared<NodeSpec>(*node);
    if (depth == ids.size()) {
        change(*copy);
        return copy;
    }
    for (auto& child : copy->children)
        if (child->id == ids[depth]) child = changedAt(child, ids, depth + 1, change);
    return copy;
}

Scenario withSupervisorChanged(const Scenario& scenario, const std::string& supervisorPath,
                               const std::function<void(NodeSpec&)>& change) {
    std::vector<std::string> ids; // below the root
    std::string rest =
        supervisorPath.substr(std::min(supervisorPath.size(), scenario.root->id.size() + 1));
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        ids.push_back(rest.substr(0, slash));
        rest = slash == std::string::npos ? std::string() : rest.substr(slash + 1);
    }
    Scenario s = scenario;
    s.root = changedAt(scenario.root, ids, 0, change);
    return s;
}

std::ptrdiff_t indexOf(const NodeSpec& supervisor, const std::string& id) {
    for (std::size_t i = 0; i < supervisor.children.size(); ++i)
        if (supervisor.children[i]->id == id) return std::ptrdiff_t(i);
    return -1;
}

/// Whether the worker at `path` ended with noproc in `trial`: it called a dead pid.
bool crashedOnCall(const TrialResult& trial, const std::string& path) {
    return std::any_of(trial.events.begin(), trial.events.end(), [&](const Event& e) {
        return e.kind == EventKind::Down && e.path == path && e.reason == "noproc";
    });
}

struct Candidate {
    std::string fix;
    std::function<void(NodeSpec&)> change;
};

} // namespace

std::vector<Finding> dependencyFindings(TrialTree& tree, const Scenario& scenario,
                                        const TreeFacts& facts, const std::string& path) {
    std::vector<Finding> out;
    const NodeSpec* worker = facts.spec(path);
    const std::string supPath = TreeFacts::parentOf(path);
    const NodeSpec* sup = facts.spec(supPath);
    if (!worker || !sup || worker->uses.empty() || sup->type != NodeType::Supervisor) return out;
    const std::string self = worker->id;

    for (const std::string& dep : worker->uses) {
        const std::string depPath = childPath(supPath, dep);
        const bool later = indexOf(*sup, dep) > indexOf(*sup, self);
        TrialPlan once = steadyFaults(depPath, faultKindFor(facts, depPath), 1, 1);
        once.keepEvents = true; // to read why the worker went down
        const TrialResult trial = tree.run(once);
        const bool crashes = crashedOnCall(trial, path);
        if (!later && !crashes) continue;

        Finding f;
        f.kind = later ? "uses_later_sibling" : "stale_dependency";
        f.path = path;
        f.uses = depPath;
        const std::string strategy = toString(sup->strategy);
        if (later)
            f.text =
                self + " calls " + dep + ", which " + supPath + " starts after it" +
                (crashes ? ": when " + dep + " restarts, " + strategy + " does not restart " +
                               self + " with it, and " + self + " crashes (noproc) on its next call"
                         : "");
        else
            f.text = self + " keeps " + dep + "'s pid from its start; when " + dep +
                     " restarts under " + strategy + ", " + self +
                     " keeps calling the old pid and crashes (noproc) on its next call";

        // What would avoid it, most local change first.
        std::vector<Candidate> candidates;
        auto moveBefore = [dep, self](NodeSpec& s) {
            auto d = std::find_if(s.children.begin(), s.children.end(),
                                  [&](const NodePtr& c) { return c->id == dep; });
            NodePtr moved = *d;
            s.children.erase(d);
            auto w = std::find_if(s.children.begin(), s.children.end(),
                                  [&](const NodePtr& c) { return c->id == self; });
            s.children.insert(w, moved);
        };
        if (later) {
            if (sup->strategy == Strategy::OneForOne)
                candidates.push_back({"place " + dep + " before " + self + " and make " + supPath +
                                          " rest_for_one (a restart of " + dep + " then restarts " +
                                          self + " too)",
                                      [moveBefore](NodeSpec& s) {
                                          moveBefore(s);
                                          s.strategy = Strategy::RestForOne;
                                      }});
            else
                candidates.push_back({"place " + dep + " before " + self, moveBefore});
        } else {
            candidates.push_back({"make " + supPath + " rest_for_one (a restart of " + dep +
                                      " then restarts " + self + " and the children after it)",
                                  [](NodeSpec& s) { s.strategy = Strategy::RestForOne; }});
        }
        candidates.push_back({"make " + supPath +
                                  " one_for_all (a restart of any child "
                                  "restarts them all)",
                              [](NodeSpec& s) { s.strategy = Strategy::OneForAll; }});

        for (const Candidate& c : candidates) {
            TrialTree changed(withSupervisorChanged(scenario, supPath, c.change));
            if (!changed.startError().empty()) continue;
            const TrialResult check = changed.run(once);
            if (!crashedOnCall(check, path)) {
                f.fix = c.fix;
                f.fixChecked = true;
                break;
            }
        }
        if (f.fix.empty()) f.fix = candidates.front().fix;
        out.push_back(std::move(f));
    }
    return out;
}

} // namespace suplab
