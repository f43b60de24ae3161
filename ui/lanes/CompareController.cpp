#include "CompareController.h"

#include <chrono>

namespace suplab {

class CompareController::LaneSink final : public EventSink {
  public:
    LaneSink(CompareController& owner, std::size_t lane) : owner_(owner), lane_(lane) {}
    void onEvent(const Event& event) override {
        std::lock_guard guard(owner_.lock_);
        owner_.events_[lane_].push_back(event);
    }

  private:
    CompareController& owner_;
    std::size_t lane_;
};

CompareController::CompareController(QObject* parent) : QObject(parent) {
    frame_.setInterval(16);
    connect(&frame_, &QTimer::timeout, this, &CompareController::drain);
}

CompareController::~CompareController() {
    stop();
}

void CompareController::start(std::vector<Scenario> scenarios, double speed) {
    stop();
    stopping_ = false;
    speed_ = speed;
    nowUs_ = 0;
    {
        std::lock_guard guard(lock_);
        commands_.clear();
        events_.assign(scenarios.size(), {});
    }
    sinks_.clear();
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        sinks_.push_back(std::make_unique<LaneSink>(*this, i));
    thread_ = std::thread([this, s = std::move(scenarios)]() mutable { loop(std::move(s)); });
    frame_.start();
}

void CompareController::stop() {
    if (!thread_.joinable()) return;
    stopping_ = true;
    wake_.notify_all();
    thread_.join();
    drain();
    frame_.stop();
}

void CompareController::apply(LaneCommand command) {
    {
        std::lock_guard guard(lock_);
        commands_.push_back(std::move(command));
    }
    wake_.notify_all();
}

void CompareController::loop(std::vector<Scenario> scenarios) {
    using WallClock = std::chrono::steady_clock;
    std::vector<std::unique_ptr<LaneDriver>> lanes;
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        lanes.push_back(
            std::make_unique<LaneDriver>(scenarios[i], ClockKind::Virtual, sinks_[i].get()));
    std::int64_t now = 0;
    auto lastWall = WallClock::now();
    while (!stopping_) {
        std::deque<LaneCommand> commands;
        {
            std::lock_guard guard(lock_);
            commands.swap(commands_);
        }
        for (const auto& c : commands) // the same fault, the same instant, every lane
            for (auto& lane : lanes)
                lane->execute(c);
        const auto wallNow = WallClock::now();
        const double elapsedUs =
            std::chrono::duration<double, std::micro>(wallNow - lastWall).count();
        lastWall = wallNow;
        if (!paused_) now += static_cast<std::int64_t>(elapsedUs * speed_.load());
        for (auto& lane : lanes)
            lane->advanceTo(now); // one clock for all lanes
        nowUs_ = now;
        std::unique_lock lock(lock_);
        wake_.wait_for(lock, std::chrono::milliseconds(8),
                       [this] { return stopping_.load() || !commands_.empty(); });
    }
}

void CompareController::drain() {
    std::vector<std::vector<Event>> batches;
    {
        std::lock_guard guard(lock_);
        batches.resize(events_.size());
        for (std::size_t i = 0; i < events_.size(); ++i)
            batches[i].swap(events_[i]);
    }
    for (std::size_t i = 0; i < batches.size(); ++i)
        if (!batches[i].empty()) Q_EMIT eventsArrived(int(i), batches[i]);
}

} // namespace suplab
