#pragma once
// Events from engine threads, waiting for the GUI's next frame: the engine
// appends, the GUI takes the whole batch at once.

#include "events/EventSink.h"

#include <mutex>
#include <vector>

namespace suplab {

class EventQueue final : public EventSink {
  public:
    void onEvent(const Event& event) override {
        std::lock_guard guard(lock_);
        events_.push_back(event);
    }
    /// Everything queued since the last call, in seq order.
    std::vector<Event> take() {
        std::vector<Event> out;
        std::lock_guard guard(lock_);
        out.swap(events_);
        return out;
    }
    void clear() { take(); }

  private:
    std::mutex lock_;
    std::vector<Event> events_;
};

} // namespace suplab
