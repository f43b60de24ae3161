#include "Analysis.h"

#include "analysis/DependencyFindings.h"
#include "analysis/GiveUpSearch.h"
#include "analysis/TreeFacts.h"
#include "analysis/TrialPool.h"
#include "compare/Comparison.h"

#include <algorithm>
#include <atomic>
#include <chrono>

namespace suplab {

namespace {

FaultOutcome outcomeOf(const TrialResult& r) {
    FaultOutcome o;
    o.tried = true;
    o.rootDown = r.rootDown;
    for (const auto& path : r.wentDown)
        (std::find(r.stillDown.begin(), r.stillDown.end(), path) == r.stillDown.end() ? o.restarted
                                                                                      : o.stopped)
            .push_back(path);
    if (r.stillDown.empty()) o.downtimeMs = double(r.downUs) / 1000.0;
    return o;
}

TrialPlan loopOf(const TreeFacts& facts, const std::vector<std::string>& paths) {
    TrialPlan plan;
    for (const auto& path : paths) {
        plan.loops.push_back({path, faultKindFor(facts, path)});
        plan.loopUs = std::max(plan.loopUs, facts.sustainUs(path));
    }
    return plan;
}

/// Weakest first: its give-up stops the application, then the most that one kill takes
/// down, then the fewest faults a second that make its supervisor give up.
bool weaker(const ProcessAnalysis& a, const ProcessAnalysis& b, const std::string& root) {
    const bool aRoot = a.escalatesTo && *a.escalatesTo == root;
    const bool bRoot = b.escalatesTo && *b.escalatesTo == root;
    if (aRoot != bRoot) return aRoot;
    const auto ra = a.kill.radius().size(), rb = b.kill.radius().size();
    if (ra != rb) return ra > rb;
    const double ga = a.givesUpAt.value_or(1e300), gb = b.givesUpAt.value_or(1e300);
    return ga < gb;
}

} // namespace

std::vector<std::string> FaultOutcome::radius() const {
    std::vector<std::string> out = restarted;
    out.insert(out.end(), stopped.begin(), stopped.end());
    return out;
}

const ProcessAnalysis* AnalysisReport::find(const std::string& path) const {
    for (const auto& p : processes)
        if (p.path == path) return &p;
    return nullptr;
}

AnalysisReport analyze(const Scenario& input, const AnalysisOptions& options) {
    const auto began = std::chrono::steady_clock::now();
    AnalysisReport report;
    report.name = input.name;
    report.notes = comparisonNotes(input);
    const Scenario scenario = analysedScenario(input);
    const TreeFacts facts(scenario);
    TrialPool pool(scenario, options.threads, options.freshEachTrial);
    report.threads = pool.threads();
    if (!pool.startError().empty()) {
        report.error = pool.startError();
        return report;
    }
    const std::vector<std::string>& paths = pool.baseline();
    const std::string& root = facts.rootPath();
    report.processes.resize(paths.size());

    const int groups = int(paths.size()) * 2 + 1;
    std::atomic<int> done{0};
    auto tick = [&] {
        const int d = ++done;
        if (options.progress) options.progress(d, groups);
    };

    // One process at a time: one crash, one kill, the give-up search, its crash loop.
    pool.forEach(
        paths.size(),
        [&](TrialTree& tree, std::size_t i) {
            ProcessAnalysis& p = report.processes[i];
            p.path = paths[i];
            const NodeSpec* spec = facts.spec(p.path);
            p.supervisor = spec && spec->isSupervisor();
            TrialResult single;
            if (!p.supervisor) {
                single = tree.run(steadyFaults(p.path, TrialFault::Kind::Crash, 1, 1));
                p.crash = outcomeOf(single);
            }
            TrialResult kill = tree.run(steadyFaults(p.path, TrialFault::Kind::Kill, 1, 1));
            p.kill = outcomeOf(kill);
            const GiveUpPoint point =
                findGiveUpPoint(tree, facts, p.path, p.supervisor ? kill : single);
            if (point.oneIsEnough) p.givesUpAt = 0.0;
            if (point.periodMs) {
                p.givesUpPeriodMs = point.periodMs;
                p.givesUpAt = 1000.0 / double(*point.periodMs);
            }
            p.escalatesTo = point.escalatesTo;
            if (p.path != root) p.loopStopsRoot = tree.run(loopOf(facts, {p.path})).rootDown;
            tick();
        },
        options.cancel);

    // Dependencies, worker by worker.
    pool.forEach(
        paths.size(),
        [&](TrialTree& tree, std::size_t i) {
            report.processes[i].findings = dependencyFindings(tree, scenario, facts, paths[i]);
            tick();
        },
        options.cancel);
    auto cancelled = [&] { return options.cancel && options.cancel->load(); };
    if (cancelled()) {
        report.error = "cancelled";
        report.processes.clear();
        return report;
    }

    // The weakest points, and pairs of crash loops among the most critical of them.
    std::vector<const ProcessAnalysis*> ranked;
    for (const auto& p : report.processes)
        if (p.path != root) ranked.push_back(&p);
    std::stable_sort(
        ranked.begin(), ranked.end(),
        [&](const ProcessAnalysis* a, const ProcessAnalysis* b) { return weaker(*a, *b, root); });
    for (const auto* p : ranked)
        report.weakest.push_back(p->path);
    for (const auto* p : ranked)
        if (p->loopStopsRoot) report.cutSets.push_back({p->path});
    for (const auto* p : ranked)
        if (!p->loopStopsRoot && int(report.pairCandidates.size()) < options.pairs)
            report.pairCandidates.push_back(p->path);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    for (std::size_t a = 0; a < report.pairCandidates.size(); ++a)
        for (std::size_t b = a + 1; b < report.pairCandidates.size(); ++b)
            pairs.emplace_back(a, b);
    std::vector<char> stopsRoot(pairs.size(), 0);
    pool.forEach(
        pairs.size(),
        [&](TrialTree& tree, std::size_t i) {
            const auto [a, b] = pairs[i];
            stopsRoot[i] =
                tree.run(loopOf(facts, {report.pairCandidates[a], report.pairCandidates[b]}))
                    .rootDown;
        },
        options.cancel);
    if (cancelled()) {
        report.error = "cancelled";
        report.processes.clear();
        report.cutSets.clear();
        return report;
    }
    for (std::size_t i = 0; i < pairs.size(); ++i)
        if (stopsRoot[i])
            report.cutSets.push_back(
                {report.pairCandidates[pairs[i].first], report.pairCandidates[pairs[i].second]});
    tick();

    report.trials = pool.trials();
    report.treeStarts = pool.starts();
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    return report;
}

} // namespace suplab
