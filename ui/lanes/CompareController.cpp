#include "CompareController.h"

#include "control/PacedClock.h"

#include <algorithm>
#include <chrono>

namespace suplab {

CompareController::CompareController(QObject* parent) : QObject(parent) {
    frame_.setInterval(16);
    connect(&frame_, &QTimer::timeout, this, &CompareController::drain);
}

CompareController::~CompareController() {
    stop();
}

void CompareController::start(std::vector<Scenario> scenarios, double speed) {
    stop();
    speed_ = speed;
    paused_ = false;
    nowUs_ = 0;
    lastCommandUs_ = -1;
    faultsApplied_ = 0;
    deliveredUs_ = -1;
    {
        std::lock_guard guard(thread_.lock());
        commands_.clear();
        failures_.clear();
    }
    events_.clear();
    held_.assign(scenarios.size(), {});
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        events_.push_back(std::make_unique<EventQueue>());
    thread_.start([this, s = std::move(scenarios)]() mutable { loop(std::move(s)); });
    frame_.start();
}

void CompareController::stop() {
    if (!thread_.running()) return;
    thread_.stop();
    drain();
    frame_.stop();
}

void CompareController::setPaused(bool paused) {
    paused_ = paused;
    thread_.notify();
}

void CompareController::apply(Action command) {
    {
        std::lock_guard guard(thread_.lock());
        commands_.push_back(std::move(command));
    }
    thread_.notify();
}

void CompareController::loop(std::vector<Scenario> scenarios) {
    using WallClock = std::chrono::steady_clock;
    std::vector<std::unique_ptr<LaneDriver>> lanes;
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        lanes.push_back(
            std::make_unique<LaneDriver>(scenarios[i], ClockKind::Virtual, events_[i].get()));
    PacedClock clock; // one clock for all lanes
    auto lastWall = WallClock::now();
    while (!thread_.stopping()) {
        std::deque<Action> commands;
        {
            std::lock_guard guard(thread_.lock());
            commands.swap(commands_);
        }
        for (const auto& c : commands) { // the same fault, the same instant, every lane
            for (std::size_t i = 0; i < lanes.size(); ++i) {
                LaneOutcome outcome = lanes[i]->execute(c);
                if (outcome.ok || outcome.inspection) continue;
                std::lock_guard guard(thread_.lock());
                failures_.push_back({int(i), std::move(outcome)});
            }
            lastCommandUs_ = lanes.front()->nowUs();
            if (c.isSignal()) ++faultsApplied_;
        }
        // A command's events carry its lane's instant, which drain() holds back until
        // the clock is past it: step past it so that they are delivered even while paused.
        if (!commands.empty())
            for (auto& lane : lanes)
                clock.catchUp(lane->nowUs() + 1);
        const auto wallNow = WallClock::now();
        const std::int64_t target =
            clock.tick(std::chrono::duration<double, std::micro>(wallNow - lastWall).count(),
                       speed_.load(), paused_.load());
        lastWall = wallNow;
        std::int64_t slowest = target;
        std::int64_t fastest = target;
        for (auto& lane : lanes) {
            lane->advanceTo(target);
            slowest = std::min(slowest, lane->nowUs());
            fastest = std::max(fastest, lane->nowUs());
        }
        clock.catchUp(fastest); // work that took virtual time (a slow init) moves the clock
        nowUs_ = slowest;       // every lane has played everything up to here
        thread_.waitFor(8, [this] { return !commands_.empty(); });
    }
}

void CompareController::drain() {
    // Read the clock before taking the events: each lane has emitted all of its
    // events before that instant, so what is delivered is whole in every lane.
    const std::int64_t t = nowUs_.load();
    for (std::size_t i = 0; i < events_.size(); ++i) {
        auto& held = held_[i];
        auto taken = events_[i]->take();
        held.insert(held.end(), std::make_move_iterator(taken.begin()),
                    std::make_move_iterator(taken.end()));
        const auto later =
            std::find_if(held.begin(), held.end(), [t](const Event& e) { return e.tUs >= t; });
        if (later == held.begin()) continue;
        std::vector<Event> batch(std::make_move_iterator(held.begin()),
                                 std::make_move_iterator(later));
        held.erase(held.begin(), later);
        Q_EMIT eventsArrived(int(i), batch);
    }
    deliveredUs_ = std::max(deliveredUs_, t - 1);
    std::vector<Failure> failures;
    {
        std::lock_guard guard(thread_.lock());
        failures.swap(failures_);
    }
    for (const auto& f : failures)
        Q_EMIT commandFailed(f.lane, f.outcome.what, f.outcome.message);
}

} // namespace suplab
