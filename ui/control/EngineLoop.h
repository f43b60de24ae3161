#pragma once
// What a single run and a comparison share on the GUI side: the engine thread
// that takes the commands the GUI posts, the virtual clock paced to the wall clock
// (speed, pause), and a frame timer that drains what the thread produced once per
// frame. RunController and CompareController each supply their loop's body and
// their drain; starting, stopping, posting and pacing are written here once.

#include "control/EngineThread.h"
#include "control/PacedClock.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>

namespace suplab {

template <class Command> class EngineLoop {
  public:
    /// `drain` runs on the GUI thread, once per frame and once more after a stop.
    explicit EngineLoop(std::function<void()> drain) : drain_(std::move(drain)) {
        frame_.setInterval(16); // one drain per frame, never one signal per event
        QObject::connect(&frame_, &QTimer::timeout, &frame_, [this] { drain_(); });
    }
    ~EngineLoop() { thread_.stop(); }
    EngineLoop(const EngineLoop&) = delete;
    EngineLoop& operator=(const EngineLoop&) = delete;

    /// Stops any run, then starts `body` on a fresh engine thread with the clock at 0,
    /// unpaused, at `speed`, and no command waiting.
    void start(std::function<void()> body, double speed) {
        stop();
        speed_ = speed;
        paused_ = false;
        nowUs_ = 0;
        clock_ = PacedClock();
        lastWall_ = WallClock::now();
        {
            std::lock_guard guard(thread_.lock());
            commands_.clear();
        }
        thread_.start(std::move(body));
        frame_.start();
    }
    /// Ends the run: joins the engine thread (every engine thread is gone afterwards)
    /// and drains what it left.
    void stop() {
        if (!thread_.running()) return;
        thread_.stop();
        drain_();
        frame_.stop();
    }
    bool running() const { return thread_.running(); }

    void setPaused(bool paused) {
        paused_ = paused;
        thread_.notify();
    }
    bool paused() const { return paused_.load(); }
    void setSpeed(double speed) { speed_ = speed; }
    double speed() const { return speed_.load(); }
    /// The run's clock as the engine thread last published it.
    std::int64_t nowUs() const { return nowUs_.load(); }

    /// From the GUI: queues `command` for the engine thread and wakes it.
    void post(Command command) {
        {
            std::lock_guard guard(thread_.lock());
            commands_.push_back(std::move(command));
        }
        thread_.notify();
    }
    /// The lock that guards what the body hands to the drain.
    std::mutex& lock() { return thread_.lock(); }

    // On the engine thread, in the body:
    bool stopping() const { return thread_.stopping(); }
    /// Every command posted since the last call, oldest first.
    std::deque<Command> takeCommands() {
        std::deque<Command> taken;
        std::lock_guard guard(thread_.lock());
        taken.swap(commands_);
        return taken;
    }
    /// The virtual instant to reach now: the wall time since the last call times the
    /// speed, added to the clock (nothing while paused).
    std::int64_t pacedTarget() {
        const auto wallNow = WallClock::now();
        const double elapsedUs =
            std::chrono::duration<double, std::micro>(wallNow - lastWall_).count();
        lastWall_ = wallNow;
        return clock_.tick(elapsedUs, speed_.load(), paused_.load());
    }
    /// Moves the paced clock forward to `tUs` (a step, or work that took virtual time).
    void catchUp(std::int64_t tUs) { clock_.catchUp(tUs); }
    void publishNow(std::int64_t tUs) { nowUs_ = tUs; }
    /// Waits a short slice, or until a command is posted or the run is stopped.
    void waitForCommands() {
        thread_.waitFor(8, [this] { return !commands_.empty(); });
    }

  private:
    using WallClock = std::chrono::steady_clock;

    std::function<void()> drain_;
    EngineThread thread_;
    std::atomic<bool> paused_{false};
    std::atomic<double> speed_{1.0};
    std::atomic<std::int64_t> nowUs_{0};
    std::deque<Command> commands_; // guarded by thread_.lock()
    PacedClock clock_;             // the engine thread's
    WallClock::time_point lastWall_;
    QTimer frame_;
};

} // namespace suplab
