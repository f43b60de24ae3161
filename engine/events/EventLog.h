#pragma once
// An in-memory, append-only record of every event, safe to read after the run.

#include "events/EventSink.h"

#include <mutex>
#include <vector>

namespace suplab {

class EventLog : public EventSink {
  public:
    void onEvent(const Event& event) override {
        std::lock_guard guard(lock_);
        events_.push_back(event);
    }
    std::vector<Event> snapshot() const {
        std::lock_guard guard(lock_);
        return events_;
    }

  private:
    mutable std::mutex lock_;
    std::vector<Event> events_;
};

} // namespace suplab
