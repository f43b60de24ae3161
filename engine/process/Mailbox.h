#pragma once
// A process's inbox: many senders on any thread, one reader (the process while it
// runs). It also knows whether its process is scheduled (queued or running), so
// that the sender whose signal finds it idle is the one that queues it.
//
// It has no lock of its own. Every operation is made under the lock of the
// process's table shard (Runtime::inboxLock), which a sender takes anyway to find
// the process: a message costs one atomic operation where a lock here, and a
// compare-and-swap on a separate scheduling state, made it three. Closing it at
// exit makes later sends fail, so a sender learns the receiver is gone (and a
// monitor request can be answered with noproc).

#include "base/SlabPool.h"
#include "process/Signal.h"

namespace suplab {

class Mailbox {
  public:
    enum class Push : unsigned char {
        Closed, // the owner has exited: nothing was queued
        Queued, // queued for a process already scheduled
        Woke,   // queued for an idle process, now marked scheduled: the caller queues it
    };

    Push push(Signal&& signal) {
        if (closed_) return Push::Closed;
        items_.push_back(std::move(signal));
        if (scheduled_) return Push::Queued;
        scheduled_ = true;
        return Push::Woke;
    }

    /// A new process is queued to run for the first time.
    void markScheduled() { scheduled_ = true; }

    /// Moves every pending signal into `out` (cleared first), oldest first. With
    /// `idleIfNone`, an empty inbox marks its process idle and returns false: the
    /// next signal will queue it again.
    bool takeAll(slab::Vector<Signal>& out, bool idleIfNone = false) {
        out.clear();
        if (items_.empty()) {
            if (idleIfNone) scheduled_ = false;
            return false;
        }
        out.swap(items_);
        return true;
    }

    /// Marks the process idle: for a Port, which is not scheduled but told (every
    /// signal after this one wakes it).
    void markIdle() { scheduled_ = false; }

    /// Closes the mailbox and returns what was still pending.
    slab::Vector<Signal> close() {
        closed_ = true;
        return std::move(items_);
    }

  private:
    bool closed_ = false;
    bool scheduled_ = false;
    slab::Vector<Signal> items_;
};

} // namespace suplab
