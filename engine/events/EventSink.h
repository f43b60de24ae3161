#pragma once
// Where events go. Sinks are called in seq order, one event at a time, on
// whichever engine thread caused the event: they must be quick (append, enqueue).

#include "events/Event.h"

namespace suplab {

class EventSink {
  public:
    virtual ~EventSink() = default;
    virtual void onEvent(const Event& event) = 0;
};

} // namespace suplab
