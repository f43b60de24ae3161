#include "Comparison.h"

#include "compare/MetricCatalog.h"
#include "events/EventFormat.h"
#include "run/ScenarioPlayer.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace suplab {

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

/// A metric's value as a CSV field or JSON number: empty (CSV) or null (JSON) when none.
std::string valueText(const MetricInfo& info, const RunMetrics& m, bool json) {
    const auto v = info.value(m);
    if (!v) return json ? "null" : "";
    return fixed(*v, info.decimals);
}

bool isFault(StepAction a) {
    return a == StepAction::Kill || a == StepAction::Exit || a == StepAction::Crash;
}

void collectSupervisors(const NodeSpec& node, const std::string& path, std::set<std::string>& out) {
    if (!node.isSupervisor()) return;
    out.insert(path);
    for (const auto& child : node.children)
        collectSupervisors(*child, path + "/" + child->id, out);
}

void collectWorkers(const NodeSpec& node, std::vector<const NodeSpec*>& out) {
    if (!node.isSupervisor()) out.push_back(&node);
    for (const auto& child : node.children)
        collectWorkers(*child, out);
}

std::string jsonMap(const std::map<std::string, double>& values, int decimals) {
    std::string out = "{";
    for (const auto& [key, v] : values) {
        if (out.size() > 1) out += ',';
        out += jsonQuote(key) + ":" + fixed(v, decimals);
    }
    return out + "}";
}

std::string laneJson(const LaneResult& r) {
    std::string out = "{\"lane\":" + jsonQuote(r.label);
    for (const MetricInfo& info : metricCatalog())
        out += ",\"" + std::string(info.key) + "\":" + valueText(info, r.metrics, true);
    out += ",\"window_ms\":" + fixed(r.metrics.windowMs, 3);
    out += ",\"root_failed_at_ms\":" +
           (r.metrics.rootFailedAtMs ? fixed(*r.metrics.rootFailedAtMs, 3) : std::string("null"));
    out += ",\"closest_approach_by_supervisor\":" + jsonMap(r.metrics.closestApproach, 3);
    out += ",\"availability_by_path\":" + jsonMap(r.metrics.availabilityByPath, 6);
    return out + "}";
}

std::string notesJson(const std::vector<std::string>& notes) {
    std::string out = "[";
    for (std::size_t i = 0; i < notes.size(); ++i)
        out += (i ? "," : "") + jsonQuote(notes[i]);
    return out + "]";
}

std::string csvHeaderOfMetrics() {
    std::string out;
    for (const MetricInfo& info : metricCatalog())
        out += std::string(",") + info.key;
    return out;
}

std::string csvRowOfMetrics(const RunMetrics& m) {
    std::string out;
    for (const MetricInfo& info : metricCatalog())
        out += "," + valueText(info, m, false);
    return out;
}

} // namespace

std::int64_t measuredWindowEndUs(const Scenario& played, const std::optional<ChaosOptions>& chaos) {
    double lastMs = played.script.empty() ? 0.0 : double(played.script.back().at_ms);
    if (chaos && chaos->ratePerSecond > 0)
        lastMs = std::max(lastMs, double(chaos->startMs) + chaos->durationSeconds * 1000.0);
    return std::int64_t((lastMs + double(played.settle_ms)) * 1000.0);
}

Scenario playedScenario(const Scenario& scenario, const CompareOptions& options) {
    Scenario s = scenario;
    if (!options.withScript) s.script.clear();
    if (options.chaos) s = withFaults(s, chaosSteps(*scenario.root, *options.chaos));
    s.stop_at_end = false; // measure the tree as the faults left it
    return s;
}

MeasureWindow measureWindowOf(const Scenario& played, std::int64_t endUs) {
    MeasureWindow w;
    w.rootPath = played.root->id;
    w.endUs = endUs;
    w.faultsInjected = 0;
    for (const ScriptStep& step : played.script) {
        if (isFault(step.action) && step.at_ms * 1000 <= endUs) ++w.faultsInjected;
        if (step.action == StepAction::StartChild && step.child)
            collectSupervisors(*step.child, step.target + "/" + step.child->id, w.supervisors);
    }
    collectSupervisors(*played.root, played.root->id, w.supervisors);
    return w;
}

std::vector<LaneResult> compareLanes(const Scenario& scenario, const std::vector<LaneSpec>& lanes,
                                     const CompareOptions& options) {
    std::vector<LaneResult> results;
    for (const auto& lane : lanes) {
        std::vector<std::string> ignored; // the caller validated the lanes
        Scenario s = playedScenario(applyLane(scenario, lane, ignored), options);
        const std::int64_t windowUs = measuredWindowEndUs(s, options.chaos);
        const std::int64_t lastStepMs = s.script.empty() ? 0 : s.script.back().at_ms;
        s.settle_ms = std::max<std::int64_t>(0, windowUs / 1000 - lastStepMs); // play it out
        auto events = playScenario(s, ClockKind::Virtual);
        std::erase_if(events, [&](const Event& e) { return e.tUs > windowUs; });
        LaneResult r{lane.label, computeMetrics(events, measureWindowOf(s, windowUs)), {}};
        if (options.keepEvents) r.events = std::move(events);
        results.push_back(std::move(r));
    }
    return results;
}

std::vector<std::string> comparisonNotes(const Scenario& scenario) {
    std::vector<const NodeSpec*> workers; // the tree's, and those the script starts
    collectWorkers(*scenario.root, workers);
    for (const ScriptStep& step : scenario.script)
        if (step.action == StepAction::StartChild && step.child)
            collectWorkers(*step.child, workers);
    const auto instant = std::count_if(workers.begin(), workers.end(),
                                       [](const NodeSpec* w) { return w->init_ms == 0; });
    if (instant == 0) return {};
    if (std::size_t(instant) == workers.size())
        return {"Every worker declares init_ms 0, so on the virtual clock a restart takes no "
                "time: recovery and downtime count only what stays down. Give the workers an "
                "init_ms to give restarts their cost."};
    return {std::to_string(instant) + " of " + std::to_string(workers.size()) +
            " workers declare init_ms 0: on the virtual clock their restarts take no time."};
}

std::string comparisonCsv(const std::vector<LaneResult>& results) {
    std::string out = "lane" + csvHeaderOfMetrics() + "\r\n";
    for (const auto& r : results)
        out += csvField(r.label) + csvRowOfMetrics(r.metrics) + "\r\n";
    return out;
}

std::string comparisonJson(const std::vector<LaneResult>& results,
                           const std::vector<std::string>& notes) {
    std::string out = "{\"notes\":" + notesJson(notes) + ",\"lanes\":[";
    for (std::size_t i = 0; i < results.size(); ++i)
        out += (i ? "," : "") + laneJson(results[i]);
    return out + "]}\n";
}

std::vector<LaneDistribution> distribute(const std::vector<SeedRun>& runs) {
    std::vector<LaneDistribution> out;
    const auto& catalog = metricCatalog();
    if (runs.empty()) return out;
    for (std::size_t lane = 0; lane < runs.front().lanes.size(); ++lane) {
        LaneDistribution d;
        d.label = runs.front().lanes[lane].label;
        for (const MetricInfo& info : catalog) {
            std::vector<double> values;
            for (const SeedRun& run : runs)
                if (lane < run.lanes.size())
                    if (auto v = info.value(run.lanes[lane].metrics)) values.push_back(*v);
            d.metrics.push_back(spreadOf(values, info.yesNo));
        }
        for (const SeedRun& run : runs)
            d.runs += lane < run.lanes.size() ? 1 : 0;
        out.push_back(std::move(d));
    }
    return out;
}

std::vector<Verdict> verdictsOf(const std::vector<LaneDistribution>& distribution) {
    std::vector<Verdict> out;
    const auto& catalog = metricCatalog();
    for (std::size_t k = 0; k < catalog.size(); ++k) {
        const MetricInfo& info = catalog[k];
        if (info.better == MetricInfo::Better::Neither) continue;
        for (const auto& a : distribution)
            for (const auto& b : distribution) {
                if (&a == &b || !a.metrics[k] || !b.metrics[k]) continue;
                const bool aBetter = info.better == MetricInfo::Better::Higher
                                         ? intervalAbove(*a.metrics[k], *b.metrics[k])
                                         : intervalAbove(*b.metrics[k], *a.metrics[k]);
                if (aBetter) out.push_back({info.key, a.label, b.label});
            }
    }
    return out;
}

std::string distributionCsv(const std::vector<LaneDistribution>& distribution) {
    const auto verdicts = verdictsOf(distribution);
    const auto& catalog = metricCatalog();
    std::string out = "lane,metric,runs,mean,sd,min,max,ci95_low,ci95_high,better_than\r\n";
    for (const auto& d : distribution)
        for (std::size_t k = 0; k < catalog.size(); ++k) {
            const MetricInfo& info = catalog[k];
            out += csvField(d.label) + ',' + info.key + ',';
            const auto& s = d.metrics[k];
            const int places = std::max(info.decimals, 3);
            if (!s) {
                out += "0,,,,,,,\r\n";
                continue;
            }
            std::string beaten;
            for (const Verdict& v : verdicts)
                if (v.metric == info.key && v.better == d.label)
                    beaten += (beaten.empty() ? "" : ";") + v.worse;
            out += std::to_string(s->runs) + ',' + fixed(s->mean, places) + ',' +
                   fixed(s->sd, places) + ',' + fixed(s->min, places) + ',' +
                   fixed(s->max, places) + ',' + (s->low ? fixed(*s->low, places) : "") + ',' +
                   (s->high ? fixed(*s->high, places) : "") + ',' + csvField(beaten) + "\r\n";
        }
    return out;
}

std::string perSeedCsv(const std::vector<SeedRun>& runs) {
    std::string out = "seed,lane" + csvHeaderOfMetrics() + "\r\n";
    for (const SeedRun& run : runs)
        for (const LaneResult& r : run.lanes)
            out += std::to_string(run.seed) + ',' + csvField(r.label) + csvRowOfMetrics(r.metrics) +
                   "\r\n";
    return out;
}

std::string distributionJson(const std::vector<LaneDistribution>& distribution,
                             const std::vector<SeedRun>& runs,
                             const std::vector<std::string>& notes) {
    const auto& catalog = metricCatalog();
    std::string out = "{\"notes\":" + notesJson(notes) + ",\"lanes\":[";
    for (std::size_t i = 0; i < distribution.size(); ++i) {
        const auto& d = distribution[i];
        out += (i ? "," : "") + std::string("{\"lane\":") + jsonQuote(d.label) +
               ",\"runs\":" + std::to_string(d.runs) + ",\"metrics\":{";
        for (std::size_t k = 0; k < catalog.size(); ++k) {
            const auto& s = d.metrics[k];
            const int places = std::max(catalog[k].decimals, 3);
            out += (k ? "," : "") + jsonQuote(catalog[k].key) + ":";
            if (!s) {
                out += "null";
                continue;
            }
            out += "{\"runs\":" + std::to_string(s->runs) + ",\"mean\":" + fixed(s->mean, places) +
                   ",\"sd\":" + fixed(s->sd, places) + ",\"min\":" + fixed(s->min, places) +
                   ",\"max\":" + fixed(s->max, places) + ",\"ci95\":" +
                   (s->low ? "[" + fixed(*s->low, places) + "," + fixed(*s->high, places) + "]"
                           : std::string("null")) +
                   "}";
        }
        out += "}}";
    }
    out += "],\"verdicts\":[";
    const auto verdicts = verdictsOf(distribution);
    for (std::size_t i = 0; i < verdicts.size(); ++i)
        out += (i ? "," : "") + std::string("{\"metric\":") + jsonQuote(verdicts[i].metric) +
               ",\"better\":" + jsonQuote(verdicts[i].better) +
               ",\"worse\":" + jsonQuote(verdicts[i].worse) + "}";
    out += "],\"per_seed\":[";
    for (std::size_t i = 0; i < runs.size(); ++i) {
        out += (i ? "," : "") + std::string("{\"seed\":") + std::to_string(runs[i].seed) +
               ",\"lanes\":[";
        for (std::size_t l = 0; l < runs[i].lanes.size(); ++l)
            out += (l ? "," : "") + laneJson(runs[i].lanes[l]);
        out += "]}";
    }
    return out + "]}\n";
}

std::string laneLogName(std::size_t laneIndex, const std::string& label,
                        std::optional<std::uint64_t> seed) {
    std::string safe;
    for (char c : label)
        safe += (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '=' || c == '-' ||
                 c == '_')
                    ? c
                    : '_';
    if (safe.size() > 80) safe.resize(80);
    std::string name = seed ? "seed" + std::to_string(*seed) + "-" : std::string();
    return name + "lane" + std::to_string(laneIndex + 1) + (safe.empty() ? "" : "-" + safe) +
           ".jsonl";
}

} // namespace suplab
