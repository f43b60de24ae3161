#pragma once
// A one-byte lock for the short critical sections of a mailbox push or drain.
// std::mutex costs 40 bytes per process; with 100,000 processes that matters.

#include <atomic>
#include <thread>

namespace suplab {

class SpinLock {
  public:
    void lock() noexcept {
        for (int spins = 0; flag_.test_and_set(std::memory_order_acquire); ++spins)
            if (spins > 64) std::this_thread::yield();
    }
    void unlock() noexcept { flag_.clear(std::memory_order_release); }

  private:
    std::atomic_flag flag_ = ATOMIC_FLAG_INIT;
};

} // namespace suplab
