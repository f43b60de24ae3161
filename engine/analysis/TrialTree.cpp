#include "TrialTree.h"

#include "run/Action.h"
#include "run/EngineCore.h"
#include "run/ScenarioPlayer.h"
#include "sched/VirtualScheduler.h"
#include "supervision/ChildFactory.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace suplab {

namespace {

constexpr std::int64_t kSecondUs = 1'000'000;
/// A trial that has made this many events is cut short: a tree that never settles.
constexpr std::size_t kMaxTrialEvents = 2'000'000;

std::int64_t nextWholeSecond(std::int64_t us) {
    return (us + kSecondUs - 1) / kSecondUs * kSecondUs;
}

struct TreeTimes {
    std::int64_t longestPauseMs = 0; // the longest wait between two steps of a restart
    int longestWindowS = 0;          // the longest intensity window
    bool carriesOver = false;        // start counters or call phases make trials depend
};

void measure(const NodeSpec& node, TreeTimes& t) {
    t.longestPauseMs = std::max({t.longestPauseMs, node.init_ms, node.stop_ms});
    if (!node.uses.empty()) {
        t.longestPauseMs = std::max(t.longestPauseMs, node.call_ms);
        // Calls every call_ms from its start: trials start on whole seconds, so a period
        // that divides a second falls the same way in each; another one would not.
        if (1000 % node.call_ms != 0) t.carriesOver = true;
    }
    if (node.fail_starts > 0 || !node.fail_attempts.empty() || !node.ignore_attempts.empty())
        t.carriesOver = true;
    if (node.isSupervisor()) t.longestWindowS = std::max(t.longestWindowS, node.max_seconds);
    for (const auto& child : node.children)
        measure(*child, t);
}

NodePtr withoutRandomFailures(const NodePtr& node) {
    auto copy = std::make_shared<NodeSpec>(*node);
    copy->mtbf_ms = 0;
    for (auto& child : copy->children)
        child = withoutRandomFailures(child);
    return copy;
}

} // namespace

Scenario analysedScenario(const Scenario& scenario) {
    Scenario s = scenario;
    s.script.clear();
    s.stop_at_end = false;
    s.root = withoutRandomFailures(scenario.root);
    return s;
}

bool TrialResult::gaveUp(const std::string& supervisor) const {
    return std::find(gaveUpPaths.begin(), gaveUpPaths.end(), supervisor) != gaveUpPaths.end();
}

/// Follows the trial as it happens (the virtual clock runs on this thread): which
/// processes of the tree are down, since when, and which looping ones came back up.
/// Paths of the tree are looked up once, by index, as trials make many events.
class TrialTree::Watch final : public EventSink {
  public:
    explicit Watch(std::string rootPath) : root_(std::move(rootPath)) {}

    void onEvent(const Event& e) override {
        ++seen_;
        if (!recording_) return;
        ++eventCount_;
        if (keepEvents_ && events_.size() < kMaxTrialEvents) events_.push_back(e);
        lastEventUs_ = e.tUs;
        if (e.kind == EventKind::Down) {
            if (e.path == root_) rootDown_ = true;
            const auto it = index_.find(e.path);
            if (it == index_.end()) {
                if (std::find(otherDown_.begin(), otherDown_.end(), e.path) == otherDown_.end())
                    otherDown_.push_back(e.path);
                return;
            }
            const std::size_t i = it->second;
            wentDown_[i] = 1;
            if (running_[i]) {
                running_[i] = 0;
                if (missing_++ == 0) downSinceUs_ = e.tUs;
            }
        } else if (e.kind == EventKind::Up) {
            const auto it = index_.find(e.path);
            if (it != index_.end() && !running_[it->second]) {
                running_[it->second] = 1;
                if (--missing_ == 0) downUs_ += e.tUs - downSinceUs_;
            }
            for (const auto& loop : loops_)
                if (loop.path == e.path) cameUp_.push_back(loop);
        } else if (e.kind == EventKind::GiveUp) {
            if (std::find(gaveUp_.begin(), gaveUp_.end(), e.path) == gaveUp_.end())
                gaveUp_.push_back(e.path);
        }
    }

    void setBaseline(const std::vector<std::string>& baseline) {
        index_.clear();
        for (std::size_t i = 0; i < baseline.size(); ++i)
            index_.emplace(baseline[i], i);
    }

    void begin(const std::vector<TrialFault>& loops, bool keepEvents, std::int64_t nowUs) {
        running_.assign(index_.size(), 1);
        wentDown_.assign(index_.size(), 0);
        otherDown_.clear();
        loops_ = loops;
        keepEvents_ = keepEvents;
        events_.clear();
        eventCount_ = 0;
        cameUp_.clear();
        gaveUp_.clear();
        missing_ = 0;
        downUs_ = 0;
        rootDown_ = false;
        lastEventUs_ = nowUs;
        recording_ = true;
    }
    /// Every process of the tree is running, and nothing else went down.
    bool whole() const { return missing_ == 0 && !rootDown_ && otherDown_.empty(); }
    void end(std::int64_t nowUs) {
        if (missing_ > 0) downUs_ += nowUs - downSinceUs_;
        missing_ = 0;
        recording_ = false;
    }
    bool wentDown(const std::string& path) const {
        const auto it = index_.find(path);
        return it != index_.end() && wentDown_[it->second];
    }
    bool gaveUp(const std::string& path) const {
        return std::find(gaveUp_.begin(), gaveUp_.end(), path) != gaveUp_.end();
    }

    bool recording_ = false;
    bool keepEvents_ = false;
    std::string root_;
    std::unordered_map<std::string, std::size_t> index_; // the tree's paths
    std::vector<char> running_, wentDown_;               // by index
    std::vector<std::string> otherDown_;                 // paths not in the tree as started
    std::vector<TrialFault> loops_;
    std::vector<std::string> gaveUp_;
    std::vector<Event> events_;
    std::size_t eventCount_ = 0;
    std::uint64_t seen_ = 0;         // every event, recorded or not
    std::vector<TrialFault> cameUp_; // looping processes up again, not yet hit
    int missing_ = 0;
    std::int64_t downSinceUs_ = 0, downUs_ = 0, lastEventUs_ = 0;
    bool rootDown_ = false;
};

TrialTree::TrialTree(const Scenario& scenario, bool freshEachTrial)
    : scenario_(analysedScenario(scenario)) {
    TreeTimes times;
    measure(*scenario_.root, times);
    quietUs_ = (times.longestPauseMs + 1) * 1000;
    restUs_ = (times.longestWindowS + 1) * kSecondUs;
    freshEachTrial_ = freshEachTrial || times.carriesOver;
    collectCallers(scenario_.root, scenario_.root->id);
    build();
}

TrialTree::~TrialTree() {
    if (engine_) {
        engine_->shutdown();
        engine_->events().removeSink(watch_.get());
    }
}

void TrialTree::build() {
    if (engine_) {
        engine_->shutdown();
        engine_->events().removeSink(watch_.get());
    }
    engine_ = std::make_unique<EngineCore>(ClockKind::Virtual, scenario_.seed);
    watch_ = std::make_unique<Watch>(scenario_.root->id);
    watch_->setBaseline(baseline_);
    engine_->events().addSink(watch_.get());
    start(true);
}

void TrialTree::settle() {
    auto& clock = *engine_->virtualScheduler();
    while (clock.nowUs() < watch_->lastEventUs_ + quietUs_)
        clock.advanceTo(watch_->lastEventUs_ + quietUs_);
}

void TrialTree::start(bool fromTimeZero) {
    ++starts_;
    used_ = false;
    endedWhole_ = true;
    // Started as the player starts it; what is up once nothing more happens is the
    // tree every trial starts from.
    auto& clock = *engine_->virtualScheduler();
    watch_->begin({}, true, clock.nowUs());
    ScenarioPlayer player(*engine_, scenario_);
    if (!player.startTree(fromTimeZero)) {
        startError_ = "the tree does not start";
        for (const Event& e : watch_->events_)
            if (e.kind == EventKind::StartFailed)
                startError_ += ": " + e.path + " failed to start (" + e.reason + ")";
        watch_->end(clock.nowUs());
        return;
    }
    rootPid_ = player.rootPid();
    player.startDynamicChildren();
    settle();
    std::vector<std::string> up;
    for (const Event& e : watch_->events_) {
        if (e.kind == EventKind::Up && std::find(up.begin(), up.end(), e.path) == up.end())
            up.push_back(e.path);
        if (e.kind == EventKind::Down) std::erase(up, e.path);
    }
    watch_->end(clock.nowUs());
    watch_->events_.clear();
    if (starts_ == 1) {
        baseline_ = up;
        watch_->setBaseline(baseline_);
    }
}

void TrialTree::collectCallers(const NodePtr& node, const std::string& path) {
    if (!node->uses.empty()) callers_.push_back(path);
    for (const auto& child : node->children)
        collectCallers(child, childPath(path, child->id));
}

void TrialTree::restart() {
    // The same engine, the tree stopped as its parent stops it and started again: a
    // fresh engine would cost more than the tree.
    Port& port = engine_->port();
    if (engine_->runtime().isAlive(rootPid_)) port.sendExit(rootPid_, Reason::shutdown());
    port.awaitExit(rootPid_, engine_->runtime().nowUs()); // also takes a dead root's exit
    auto& clock = *engine_->virtualScheduler();
    while (engine_->runtime().isAlive(rootPid_) && clock.step(INT64_MAX)) {
    }
    port.awaitExit(rootPid_, clock.nowUs());
    watch_->begin({}, false, clock.nowUs());
    settle();
    watch_->end(clock.nowUs());
    // Started on a whole second, as the first start was: calls fall as they did then.
    clock.advanceTo(nextWholeSecond(clock.nowUs()));
    start(false);
}

void TrialTree::rest() {
    if (!used_) return;
    if (freshEachTrial_) return build();
    auto& clock = *engine_->virtualScheduler();
    const std::uint64_t seen = watch_->seen_;
    clock.advanceTo(clock.nowUs() + restUs_);
    if (!endedWhole_ || callerRestarted_ || watch_->seen_ != seen) restart();
}

void TrialTree::inject(const std::string& path, TrialFault::Kind kind) {
    Action action =
        Action::signal(kind == TrialFault::Kind::Kill ? Action::Kind::Kill : Action::Kind::Crash,
                       path, Reason::word("boom"));
    action.origin = "the analysis";
    runAction(*engine_, action);
}

TrialResult TrialTree::run(const TrialPlan& plan) {
    TrialResult result;
    if (!startError_.empty()) return result;
    rest();
    used_ = true;
    ++trials_;
    auto& clock = *engine_->virtualScheduler();
    const std::int64_t t0 = nextWholeSecond(clock.nowUs() + 1);
    clock.advanceTo(t0);
    watch_->begin(plan.loops, plan.keepEvents, t0);

    for (const auto& loop : plan.loops)
        inject(loop.path, loop.kind);
    const std::int64_t loopEnd = t0 + plan.loopUs;
    std::int64_t next = 0; // steady faults injected
    const std::int64_t steadyCount = plan.steady ? plan.count : 0;
    // Once the root is down there is nothing left to hit: what remains is its children
    // going down with it.
    auto faultsDone = [&] {
        return watch_->rootDown_ || next == steadyCount ||
               (!plan.stopOnGiveUpOf.empty() && watch_->gaveUp(plan.stopOnGiveUpOf));
    };
    while (true) {
        const std::int64_t now = clock.nowUs();
        const bool looping = now < loopEnd && !watch_->rootDown_;
        if (looping)
            for (const auto& loop : std::exchange(watch_->cameUp_, {}))
                inject(loop.path, loop.kind);
        while (!faultsDone() && t0 + next * plan.periodUs <= now) {
            inject(plan.steady->path, plan.steady->kind);
            ++next;
        }
        if (watch_->eventCount_ >= kMaxTrialEvents) break;
        if (clock.step(now)) continue; // one at a time, so that a loop's crash follows its up
        // Nothing more at this instant: on to the next fault, the loop's end, or quiet.
        const std::int64_t quietAt = watch_->lastEventUs_ + quietUs_;
        if (faultsDone() && !looping && now >= quietAt) break;
        std::int64_t limit = quietAt > now ? quietAt : INT64_MAX;
        if (!faultsDone()) limit = std::min(limit, t0 + next * plan.periodUs);
        if (looping) limit = std::min(limit, loopEnd);
        if (!clock.step(limit)) clock.advanceTo(limit);
    }
    endedWhole_ = watch_->whole();
    // A caller that started again calls on another beat than in a fresh tree.
    callerRestarted_ = false;
    for (const auto& path : callers_)
        callerRestarted_ |= watch_->wentDown(path);
    watch_->end(clock.nowUs());

    result.startUs = t0;
    result.endUs = clock.nowUs();
    result.downUs = watch_->downUs_;
    result.rootDown = watch_->rootDown_;
    result.events = std::move(watch_->events_);
    watch_->events_.clear();
    result.gaveUpPaths = watch_->gaveUp_;
    for (std::size_t i = 0; i < baseline_.size(); ++i)
        if (watch_->wentDown_[i]) result.wentDown.push_back(baseline_[i]);
    result.wentDown.insert(result.wentDown.end(), watch_->otherDown_.begin(),
                           watch_->otherDown_.end());
    const Runtime& runtime = engine_->runtime();
    for (const auto& path : result.wentDown)
        if (runtime.whereis(path) == kNoPid) result.stillDown.push_back(path);
    return result;
}

} // namespace suplab
