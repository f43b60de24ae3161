#include "CompareController.h"

#include "run/PacedClock.h"

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
    nowUs_ = 0;
    {
        std::lock_guard guard(thread_.lock());
        commands_.clear();
    }
    events_.clear();
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

void CompareController::apply(LaneCommand command) {
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
        std::deque<LaneCommand> commands;
        {
            std::lock_guard guard(thread_.lock());
            commands.swap(commands_);
        }
        for (const auto& c : commands) // the same fault, the same instant, every lane
            for (auto& lane : lanes)
                lane->execute(c);
        const auto wallNow = WallClock::now();
        const std::int64_t now =
            clock.tick(std::chrono::duration<double, std::micro>(wallNow - lastWall).count(),
                       speed_.load(), paused_.load());
        lastWall = wallNow;
        for (auto& lane : lanes)
            lane->advanceTo(now);
        nowUs_ = now;
        thread_.waitFor(8, [this] { return !commands_.empty(); });
    }
}

void CompareController::drain() {
    for (std::size_t i = 0; i < events_.size(); ++i)
        if (auto batch = events_[i]->take(); !batch.empty()) Q_EMIT eventsArrived(int(i), batch);
}

} // namespace suplab
