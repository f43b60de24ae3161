#include "Comparison.h"

#include "events/EventFormat.h"
#include "run/ScenarioPlayer.h"

#include <algorithm>
#include <cstdio>

namespace suplab {

namespace {
std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}
} // namespace

std::int64_t measuredWindowEndUs(const Scenario& played, const std::optional<ChaosOptions>& chaos) {
    const std::int64_t lastStepMs = played.script.empty() ? 0 : played.script.back().at_ms;
    std::int64_t endUs = (lastStepMs + played.settle_ms) * 1000;
    if (chaos && chaos->ratePerSecond > 0)
        endUs = std::max(
            endUs,
            std::int64_t((double(chaos->startMs) + chaos->durationSeconds * 1000.0) * 1000.0));
    return endUs;
}

std::vector<LaneResult> compareLanes(const Scenario& scenario, const std::vector<LaneSpec>& lanes,
                                     const std::optional<ChaosOptions>& chaos) {
    std::vector<LaneResult> results;
    for (const auto& lane : lanes) {
        std::vector<std::string> ignored; // the caller validated the lanes
        Scenario s = applyLane(scenario, lane, ignored);
        if (chaos) s = withFaults(s, chaosSteps(*scenario.root, *chaos));
        s.stop_at_end = false; // measure the tree as the faults left it
        const std::int64_t windowUs = measuredWindowEndUs(s, chaos);
        const std::int64_t lastStepMs = s.script.empty() ? 0 : s.script.back().at_ms;
        s.settle_ms = std::max(s.settle_ms, windowUs / 1000 - lastStepMs); // play the window out
        const auto events = playScenario(s, ClockKind::Virtual);
        const std::int64_t endUs = events.empty() ? 0 : std::max(events.back().tUs, windowUs);
        results.push_back({lane.label, computeMetrics(events, s.root->id, endUs)});
    }
    return results;
}

std::string comparisonCsv(const std::vector<LaneResult>& results) {
    std::string out = "lane,restarts,give_ups,bystanders,lost,faults,recovered,mean_recovery_ms,"
                      "max_recovery_ms,downtime_ms,availability,root_failed\r\n";
    for (const auto& r : results) {
        const auto& m = r.metrics;
        const std::string label = csvField(r.label);
        out += label + ',' + std::to_string(m.restarts) + ',' + std::to_string(m.giveUps) + ',' +
               std::to_string(m.bystanders) + ',' + std::to_string(m.lost) + ',' +
               std::to_string(m.faults) + ',' + std::to_string(m.recovered) + ',' +
               fixed(m.meanRecoveryMs, 3) + ',' + fixed(m.maxRecoveryMs, 3) + ',' +
               fixed(m.downtimeMs, 3) + ',' + fixed(m.availability, 6) + ',' +
               (m.rootFailed ? "true" : "false") + "\r\n";
    }
    return out;
}

std::string comparisonJson(const std::vector<LaneResult>& results) {
    std::string out = "{\"lanes\":[";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto& m = results[i].metrics;
        if (i) out += ',';
        out += "{\"lane\":" + jsonQuote(results[i].label) +
               ",\"restarts\":" + std::to_string(m.restarts) +
               ",\"give_ups\":" + std::to_string(m.giveUps) +
               ",\"bystanders\":" + std::to_string(m.bystanders) +
               ",\"lost\":" + std::to_string(m.lost) + ",\"faults\":" + std::to_string(m.faults) +
               ",\"recovered\":" + std::to_string(m.recovered) +
               ",\"mean_recovery_ms\":" + fixed(m.meanRecoveryMs, 3) +
               ",\"max_recovery_ms\":" + fixed(m.maxRecoveryMs, 3) +
               ",\"downtime_ms\":" + fixed(m.downtimeMs, 3) +
               ",\"availability\":" + fixed(m.availability, 6) +
               ",\"root_failed\":" + (m.rootFailed ? "true" : "false") +
               ",\"availability_by_path\":{";
        bool first = true;
        for (const auto& [path, a] : m.availabilityByPath) {
            if (!first) out += ',';
            first = false;
            out += jsonQuote(path) + ":" + fixed(a, 6);
        }
        out += "}}";
    }
    return out + "]}\n";
}

std::vector<LaneDistribution> distribute(const std::vector<std::vector<LaneResult>>& perSeed) {
    std::vector<LaneDistribution> out;
    for (const auto& run : perSeed) {
        if (out.empty())
            for (const auto& r : run)
                out.push_back({r.label});
        for (std::size_t i = 0; i < run.size() && i < out.size(); ++i) {
            const auto& m = run[i].metrics;
            auto& d = out[i];
            ++d.runs;
            d.rootFailures += m.rootFailed ? 1 : 0;
            d.meanRestarts += m.restarts;
            d.meanGiveUps += m.giveUps;
            d.meanAvailability += m.availability;
            d.meanRecoveryMs += m.meanRecoveryMs;
        }
    }
    for (auto& d : out) {
        if (!d.runs) continue;
        d.meanRestarts /= d.runs;
        d.meanGiveUps /= d.runs;
        d.meanAvailability /= d.runs;
        d.meanRecoveryMs /= d.runs;
    }
    return out;
}

std::string distributionCsv(const std::vector<LaneDistribution>& dist) {
    std::string out = "lane,runs,root_failures,root_failure_rate,mean_restarts,mean_give_ups,"
                      "mean_availability,mean_recovery_ms\r\n";
    for (const auto& d : dist)
        out += csvField(d.label) + ',' + std::to_string(d.runs) + ',' +
               std::to_string(d.rootFailures) + ',' +
               fixed(d.runs ? double(d.rootFailures) / d.runs : 0, 4) + ',' +
               fixed(d.meanRestarts, 3) + ',' + fixed(d.meanGiveUps, 3) + ',' +
               fixed(d.meanAvailability, 6) + ',' + fixed(d.meanRecoveryMs, 3) + "\r\n";
    return out;
}

std::string distributionJson(const std::vector<LaneDistribution>& dist) {
    std::string out = "{\"lanes\":[";
    for (std::size_t i = 0; i < dist.size(); ++i) {
        const auto& d = dist[i];
        if (i) out += ',';
        out += "{\"lane\":" + jsonQuote(d.label) + ",\"runs\":" + std::to_string(d.runs) +
               ",\"root_failures\":" + std::to_string(d.rootFailures) +
               ",\"root_failure_rate\":" + fixed(d.runs ? double(d.rootFailures) / d.runs : 0, 4) +
               ",\"mean_restarts\":" + fixed(d.meanRestarts, 3) +
               ",\"mean_give_ups\":" + fixed(d.meanGiveUps, 3) +
               ",\"mean_availability\":" + fixed(d.meanAvailability, 6) +
               ",\"mean_recovery_ms\":" + fixed(d.meanRecoveryMs, 3) + "}";
    }
    return out + "]}\n";
}

} // namespace suplab
