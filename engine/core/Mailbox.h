#pragma once
// A process's inbox: many senders on any thread, one reader (the process while it
// runs). Closing it at exit makes later sends fail, so a sender learns the
// receiver is gone (and a monitor request can be answered with noproc).

#include "core/Signal.h"
#include "core/SlabPool.h"
#include "core/SpinLock.h"

#include <mutex>
#include <vector>

namespace suplab {

class Mailbox {
  public:
    /// Appends a signal; false when the mailbox is closed (the owner has exited).
    bool push(Signal&& signal) {
        std::lock_guard guard(lock_);
        if (closed_) return false;
        items_.push_back(std::move(signal));
        pending_.store(true, std::memory_order_relaxed);
        return true;
    }

    /// Moves every pending signal into `out` (cleared first), oldest first.
    void takeAll(slab::Vector<Signal>& out) {
        out.clear();
        std::lock_guard guard(lock_);
        out.swap(items_);
        pending_.store(false, std::memory_order_relaxed);
    }

    /// Closes the mailbox and returns what was still pending.
    slab::Vector<Signal> close() {
        std::lock_guard guard(lock_);
        closed_ = true;
        pending_.store(false, std::memory_order_relaxed);
        return std::move(items_);
    }

    /// Without the lock: a process asks after every run whether more came, and
    /// the answer may be stale either way. A signal pushed just after a `true`
    /// still gets its process run, by the push's own wake-up.
    bool empty() const { return !pending_.load(std::memory_order_relaxed); }

  private:
    SpinLock lock_;
    bool closed_ = false;
    std::atomic<bool> pending_{false}; // items_ is not empty (written under the lock)
    slab::Vector<Signal> items_;
};

} // namespace suplab
