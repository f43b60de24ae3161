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
        return true;
    }

    /// Moves every pending signal into `out` (cleared first), oldest first.
    void takeAll(slab::Vector<Signal>& out) {
        out.clear();
        std::lock_guard guard(lock_);
        out.swap(items_);
    }

    /// Closes the mailbox and returns what was still pending.
    slab::Vector<Signal> close() {
        std::lock_guard guard(lock_);
        closed_ = true;
        return std::move(items_);
    }

    bool empty() {
        std::lock_guard guard(lock_);
        return items_.empty();
    }

  private:
    SpinLock lock_;
    bool closed_ = false;
    slab::Vector<Signal> items_;
};

} // namespace suplab
