#pragma once
// The thread an engine lives on, for the GUI: started with a loop, stopped and
// joined on request; the loop waits in short slices so commands are seen at once.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace suplab {

class EngineThread {
  public:
    ~EngineThread() { stop(); }

    void start(std::function<void()> loop) {
        stop();
        stopping_ = false;
        thread_ = std::thread(std::move(loop));
    }
    /// Asks the loop to end and joins it; every engine thread is gone afterwards.
    void stop() {
        if (!thread_.joinable()) return;
        stopping_ = true;
        wake_.notify_all();
        thread_.join();
    }
    bool running() const { return thread_.joinable(); }
    bool stopping() const { return stopping_.load(); }

    /// The lock that guards what the loop and the GUI share.
    std::mutex& lock() { return lock_; }
    /// Wakes the loop (a command was queued).
    void notify() { wake_.notify_all(); }
    /// In the loop: waits up to `ms`, or until notified or stopping; `ready` is
    /// checked under the lock.
    template <typename Ready> void waitFor(int ms, Ready ready) {
        std::unique_lock guard(lock_);
        wake_.wait_for(guard, std::chrono::milliseconds(ms),
                       [&] { return stopping_.load() || ready(); });
    }

  private:
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    std::mutex lock_;
    std::condition_variable wake_;
};

} // namespace suplab
