#pragma once
// The pending timers of a scheduler: the earliest first (ties in start order),
// and a cancel that takes the timer out at once.
//
// Why cancel must remove: a supervisor shutting down 10,000 children starts and
// cancels a 5-second timeout for each. Leaving cancelled timers in the heap until
// they came due grew it to 10,000 entries, and that growth (fresh pages, doubling
// copies) was most of the page faults of the whole shutdown. Here each timer's
// heap position is kept in a PidMap keyed by its ref, so the heap holds only live
// timers: one, during that shutdown.
//
// Not thread-safe: the scheduler locks around it.

#include "base/Message.h"
#include "process/PidMap.h"

#include <cstdint>
#include <vector>

namespace suplab {

class TimerHeap {
  public:
    struct Timer {
        std::int64_t due = 0; // in the scheduler's own unit and epoch
        std::uint64_t order = 0;
        Ref ref = 0;
        Pid target = kNoPid;
    };

    bool empty() const { return heap_.empty(); }
    std::size_t size() const { return heap_.size(); }
    /// The timer due first; only when not empty.
    const Timer& top() const { return heap_.front(); }

    /// Adds a timer (ref must be nonzero and not pending already).
    void push(std::int64_t due, Ref ref, Pid target);
    /// Removes and returns the timer due first; only when not empty.
    Timer pop();
    /// Takes the timer `ref` out; false when it is not pending (fired, or never started).
    bool cancel(Ref ref);
    void clear();

  private:
    static bool before(const Timer& a, const Timer& b) {
        return a.due != b.due ? a.due < b.due : a.order < b.order;
    }
    /// Puts `timer` at `index` and records where it is.
    void place(std::size_t index, const Timer& timer);
    void siftUp(std::size_t index, Timer timer);
    void siftDown(std::size_t index, Timer timer);
    /// Removes the entry at `index`, filling the gap with the last one.
    void removeAt(std::size_t index);

    std::vector<Timer> heap_;
    PidMap<std::size_t> where_; // ref -> index in heap_ (refs are handed out in sequence, as pids)
    std::uint64_t order_ = 0;
};

} // namespace suplab
