#include "GiveUpSearch.h"

#include <algorithm>

namespace suplab {

namespace {

constexpr std::int64_t kShortestPeriodMs = 1;        // 1,000 faults a second
constexpr std::int64_t kLongestPeriodMs = 3'600'000; // one an hour
constexpr std::int64_t kMostFaults = 100'000;

} // namespace

TrialFault::Kind faultKindFor(const TreeFacts& facts, const std::string& path) {
    const NodeSpec* spec = facts.spec(path);
    return spec && spec->isSupervisor() ? TrialFault::Kind::Kill : TrialFault::Kind::Crash;
}

TrialPlan steadyFaults(const std::string& path, TrialFault::Kind kind, std::int64_t periodMs,
                       std::int64_t count) {
    TrialPlan plan;
    plan.steady = TrialFault{path, kind};
    plan.periodUs = periodMs * 1000;
    plan.count = std::clamp<std::int64_t>(count, 1, kMostFaults);
    return plan;
}

std::optional<std::string> highestDown(const TrialResult& trial, const std::string& path) {
    const auto ancestors = TreeFacts::ancestorsOf(path);
    for (auto it = ancestors.rbegin(); it != ancestors.rend(); ++it)
        if (std::find(trial.wentDown.begin(), trial.wentDown.end(), *it) != trial.wentDown.end())
            return *it;
    return std::nullopt;
}

GiveUpPoint findGiveUpPoint(TrialTree& tree, const TreeFacts& facts, const std::string& path,
                            const TrialResult& single) {
    GiveUpPoint point;
    const std::string supervisor = TreeFacts::parentOf(path);
    if (supervisor.empty()) { // the root: one fault stops the application
        point.oneIsEnough = true;
        point.escalatesTo = path;
        return point;
    }
    if (single.gaveUp(supervisor)) {
        point.oneIsEnough = true;
        point.escalatesTo = highestDown(single, path);
        return point;
    }
    const NodeSpec& sup = *facts.spec(supervisor);
    const TrialFault::Kind kind = faultKindFor(facts, path);

    // Does a fault every `periodMs` make the supervisor give up? Enough faults to fill
    // its window and then some; the trial stops at the give-up.
    auto givesUp = [&](std::int64_t periodMs) {
        const std::int64_t count =
            (std::int64_t(sup.max_seconds) + 1) * 1000 / periodMs + sup.max_restarts + 2;
        TrialPlan plan = steadyFaults(path, kind, periodMs, count);
        plan.stopOnGiveUpOf = supervisor;
        return tree.run(plan).gaveUp(supervisor);
    };
    // max_restarts + 1 faults within max_seconds: a period of about max_seconds /
    // max_restarts. Gallop from there to a bracket, then halve it.
    const std::int64_t guess = std::clamp<std::int64_t>(
        sup.max_restarts > 0 ? 1000LL * sup.max_seconds / sup.max_restarts : kLongestPeriodMs,
        kShortestPeriodMs, kLongestPeriodMs);
    std::int64_t yes = kShortestPeriodMs;   // gives up
    std::int64_t no = kLongestPeriodMs + 1; // does not (one past the range: taken as no)
    if (givesUp(guess)) {
        yes = guess;
        for (std::int64_t step = 1; yes + step <= kLongestPeriodMs; step *= 2) {
            if (!givesUp(yes + step)) {
                no = yes + step;
                break;
            }
            yes += step;
        }
    } else {
        no = guess;
        for (std::int64_t step = 1; no - step > kShortestPeriodMs; step *= 2) {
            if (givesUp(no - step)) {
                yes = no - step;
                break;
            }
            no -= step;
        }
    }
    if (yes == kShortestPeriodMs && !givesUp(kShortestPeriodMs)) return point; // never
    while (no - yes > 1) {
        const std::int64_t mid = yes + (no - yes) / 2;
        (givesUp(mid) ? yes : no) = mid;
    }
    point.periodMs = yes;

    // Kept up at that rate: how far up does it go?
    const TrialResult sustained =
        tree.run(steadyFaults(path, kind, yes, facts.sustainUs(path) / (yes * 1000) + 1));
    point.escalatesTo = highestDown(sustained, path);
    return point;
}

} // namespace suplab
