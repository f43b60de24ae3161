#include "CompareController.h"

#include <algorithm>

namespace suplab {

CompareController::CompareController(QObject* parent) : QObject(parent) {}

CompareController::~CompareController() {
    stop();
}

void CompareController::start(std::vector<Scenario> scenarios, double speed) {
    stop();
    lastCommandUs_ = -1;
    faultsApplied_ = 0;
    deliveredUs_ = -1;
    {
        std::lock_guard guard(loop_.lock());
        failures_.clear();
    }
    events_.clear();
    held_.assign(scenarios.size(), {});
    for (std::size_t i = 0; i < scenarios.size(); ++i)
        events_.push_back(std::make_unique<EventQueue>());
    loop_.start([this, s = std::move(scenarios)] { body(s); }, speed);
}

void CompareController::stop() {
    loop_.stop();
}

void CompareController::apply(Action command) {
    loop_.post(std::move(command));
}

void CompareController::body(const std::vector<Scenario>& scenarios) {
    std::vector<std::unique_ptr<Engine>> lanes;
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        lanes.push_back(std::make_unique<Engine>(scenarios[i], ClockKind::Virtual));
        lanes.back()->subscribe(events_[i].get());
        lanes.back()->start();
    }
    while (!loop_.stopping()) {
        const auto commands = loop_.takeCommands();
        for (const auto& c : commands) { // the same fault, the same instant, every lane
            for (std::size_t i = 0; i < lanes.size(); ++i) {
                ActionOutcome outcome = performForGui(*lanes[i], c);
                if (outcome.ok || outcome.inspection) continue;
                std::lock_guard guard(loop_.lock());
                failures_.push_back({int(i), std::move(outcome)});
            }
            lastCommandUs_ = lanes.front()->nowUs();
            if (c.isSignal()) ++faultsApplied_;
        }
        // A command's events carry its lane's instant, which drain() holds back until
        // the clock is past it: step past it so that they are delivered even while paused.
        if (!commands.empty())
            for (auto& lane : lanes)
                loop_.catchUp(lane->nowUs() + 1);
        const std::int64_t target = loop_.pacedTarget();
        std::int64_t slowest = target;
        std::int64_t fastest = target;
        for (auto& lane : lanes) {
            lane->advanceTo(target);
            slowest = std::min(slowest, lane->nowUs());
            fastest = std::max(fastest, lane->nowUs());
        }
        loop_.catchUp(fastest);    // work that took virtual time (a slow init) moves the clock
        loop_.publishNow(slowest); // every lane has played everything up to here
        loop_.waitForCommands();
    }
}

void CompareController::drain() {
    // Read the clock before taking the events: each lane has emitted all of its
    // events before that instant, so what is delivered is whole in every lane.
    const std::int64_t t = loop_.nowUs();
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
        std::lock_guard guard(loop_.lock());
        failures.swap(failures_);
    }
    for (const auto& f : failures)
        Q_EMIT commandFailed(f.lane, f.outcome.what, f.outcome.message);
}

} // namespace suplab
