#include "ChaosSchedule.h"

#include <algorithm>
#include <cmath>

namespace suplab {

namespace {

std::uint64_t next(std::uint64_t& state) { // splitmix64: small, seedable, good enough
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double uniform(std::uint64_t& state) {
    return (double(next(state) >> 11) + 0.5) / 9007199254740992.0;
}

void collect(const NodeSpec& node, const std::string& path, const ChaosOptions& o,
             std::vector<std::string>& out) {
    const bool inside =
        o.subtree.empty() || path == o.subtree || path.rfind(o.subtree + "/", 0) == 0;
    if (inside && (!o.workersOnly || node.type == NodeType::Worker)) out.push_back(path);
    if (node.type == NodeType::DynamicSupervisor && node.children.empty()) return;
    for (const auto& child : node.children)
        collect(*child, path + "/" + child->id, o, out);
}

} // namespace

std::vector<std::string> chaosTargets(const NodeSpec& root, const ChaosOptions& options) {
    std::vector<std::string> out;
    collect(root, root.id, options, out);
    return out;
}

std::vector<ScriptStep> chaosSteps(const NodeSpec& root, const ChaosOptions& options) {
    std::vector<ScriptStep> steps;
    const auto targets = chaosTargets(root, options);
    if (targets.empty() || options.ratePerSecond <= 0 || options.kinds.empty()) return steps;
    std::uint64_t state = options.seed ^ 0xC4A05C4A05ull;
    const double endMs = double(options.startMs) + options.durationSeconds * 1000.0;
    double t = double(options.startMs);
    for (;;) {
        t += -std::log(uniform(state)) * 1000.0 / options.ratePerSecond;
        if (t >= endMs) break;
        ScriptStep s;
        s.at_ms = std::int64_t(t);
        s.target = targets[next(state) % targets.size()];
        s.action = options.kinds[next(state) % options.kinds.size()];
        s.reason = options.crashReason;
        steps.push_back(std::move(s));
    }
    return steps;
}

Scenario withFaults(const Scenario& scenario, const std::vector<ScriptStep>& faults) {
    Scenario out = scenario;
    out.script.insert(out.script.end(), faults.begin(), faults.end());
    std::stable_sort(out.script.begin(), out.script.end(),
                     [](const ScriptStep& a, const ScriptStep& b) { return a.at_ms < b.at_ms; });
    return out;
}

} // namespace suplab
