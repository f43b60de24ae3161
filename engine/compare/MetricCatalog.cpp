#include "MetricCatalog.h"

namespace suplab {

namespace {

using B = MetricInfo::Better;

std::optional<double> number(double v) {
    return v;
}

} // namespace

const std::vector<MetricInfo>& metricCatalog() {
    static const std::vector<MetricInfo> catalog = {
        {"faults_injected", "Faults injected",
         "Faults the schedule aimed at the tree in the window (kills, crashes and exit signals, "
         "the script's and the chaos's); the same in every lane.",
         B::Neither, 0, false, [](const RunMetrics& m) { return number(m.faultsInjected); }},
        {"faults_landed", "Faults landed", "Injected faults that took their target down.",
         B::Neither, 0, false, [](const RunMetrics& m) { return number(m.faultsLanded); }},
        {"faults_without_effect", "Faults without effect",
         "Injected faults that took nothing down: their target was already down or gone, or "
         "it trapped the exit signal.",
         B::Neither, 0, false, [](const RunMetrics& m) { return number(m.faultsWithoutEffect); }},
        {"follow_on_crashes", "Follow-on crashes",
         "Crashes no injected fault caused directly (a noproc from calling a dead dependency, "
         "say), plus every supervisor that gave up and so escalated.",
         B::Lower, 0, false, [](const RunMetrics& m) { return number(m.followOnCrashes); }},
        {"restarts", "Restarts",
         "Restarts of a failed child, each counted against its supervisor's intensity.", B::Lower,
         0, false, [](const RunMetrics& m) { return number(m.restarts); }},
        {"restarts_per_landed_fault", "Restarts per landed fault",
         "Restarts divided by faults landed (empty when none landed).", B::Lower, 3, false,
         [](const RunMetrics& m) { return m.restartsPerLandedFault(); }},
        {"bystanders", "Bystanders",
         "Running children stopped and restarted because a sibling failed (one_for_all, "
         "rest_for_one).",
         B::Neither, 0, false, [](const RunMetrics& m) { return number(m.bystanders); }},
        {"bystanders_per_landed_fault", "Bystanders per landed fault",
         "Bystanders divided by faults landed (empty when none landed).", B::Lower, 3, false,
         [](const RunMetrics& m) { return m.bystandersPerLandedFault(); }},
        {"give_ups", "Give-ups",
         "Supervisors that exceeded their restart intensity and exited, escalating to their "
         "parent.",
         B::Lower, 0, false, [](const RunMetrics& m) { return number(m.giveUps); }},
        {"closest_approach", "Closest approach",
         "The most restarts any supervisor held in its intensity window, over its max_restarts: "
         "1.0 means one more would have made it give up, above 1 that it gave up.",
         B::Lower, 3, false, [](const RunMetrics& m) { return number(m.closestApproachMax()); }},
        {"recovered", "Recovered",
         "Landed faults after which every process that was up before the fault was up again "
         "and stayed up until the next fault landed or the window ended.",
         B::Higher, 0, false, [](const RunMetrics& m) { return number(m.recovered); }},
        {"mean_recovery_ms", "Mean recovery (ms)",
         "Over recovered faults, the time from the fault until every process that was up "
         "before it was up again for good, a follow-on crash putting it back (empty when none "
         "recovered).",
         B::Lower, 3, false, [](const RunMetrics& m) { return m.meanRecoveryMs; }},
        {"max_recovery_ms", "Longest recovery (ms)",
         "The longest of those recoveries (empty when none recovered).", B::Lower, 3, false,
         [](const RunMetrics& m) { return m.maxRecoveryMs; }},
        {"lost", "Lost",
         "Processes that were up and are not at the end of the window, those ended on purpose "
         "by terminate_child or delete_child aside.",
         B::Lower, 0, false, [](const RunMetrics& m) { return number(m.lost); }},
        {"worker_downtime_ms", "Worker downtime (ms)",
         "Summed over workers, the time from each down to the next up, restarts included, "
         "within the window.",
         B::Lower, 3, false, [](const RunMetrics& m) { return number(m.workerDowntimeMs); }},
        {"worker_availability", "Worker availability",
         "The mean over workers of the share of their time in the window they were up, from "
         "their first start (or until they were ended on purpose).",
         B::Higher, 6, false, [](const RunMetrics& m) { return number(m.workerAvailability); }},
        {"root_failed", "Root failed",
         "1 when the root went down or gave up in the window, else 0.", B::Lower, 0, true,
         [](const RunMetrics& m) { return number(m.rootFailed ? 1 : 0); }},
        {"survival_ms", "Survival (ms)",
         "Time from the start until the root failed, or the whole window when it did not.",
         B::Higher, 3, false, [](const RunMetrics& m) { return number(m.survivalMs); }},
        {"escalations_at_root", "Escalations at root",
         "Give-ups of the root's own children: failures that reached the root, which it took "
         "in by restarting them or by failing itself.",
         B::Lower, 0, false, [](const RunMetrics& m) { return number(m.escalationsAtRoot); }},
        {"reached_root", "Reached root",
         "1 when the root failed or had to take in an escalation, else 0.", B::Lower, 0, true,
         [](const RunMetrics& m) { return number(m.reachedRoot() ? 1 : 0); }},
    };
    return catalog;
}

const MetricInfo* metricInfo(const std::string& key) {
    for (const MetricInfo& info : metricCatalog())
        if (key == info.key) return &info;
    return nullptr;
}

} // namespace suplab
