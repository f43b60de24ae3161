#include "EventBus.h"

#include <algorithm>

namespace suplab {

void EventBus::addSink(EventSink* sink) {
    std::lock_guard guard(lock_);
    sinks_.push_back(sink);
    sinkCount_.store(sinks_.size(), std::memory_order_relaxed);
}

void EventBus::removeSink(EventSink* sink) {
    std::lock_guard guard(lock_);
    sinks_.erase(std::remove(sinks_.begin(), sinks_.end(), sink), sinks_.end());
    sinkCount_.store(sinks_.size(), std::memory_order_relaxed);
}

void EventBus::emit(EventKind kind, std::string path, Pid pid, std::string reason,
                    std::string detail) {
    if (!listened()) return;
    Event event;
    event.kind = kind;
    event.path = std::move(path);
    event.pid = pid;
    event.reason = std::move(reason);
    event.detail = std::move(detail);
    publish(std::move(event));
}

void EventBus::emitError(std::string op, std::string path, std::string reason) {
    if (!listened()) return;
    Event event;
    event.kind = EventKind::Error;
    event.path = std::move(path);
    event.reason = std::move(reason);
    event.op = std::move(op);
    publish(std::move(event));
}

void EventBus::emitAll(EventKind kind, std::span<const Item> items) {
    if (!listened()) return;
    Event event;
    event.kind = kind;
    const std::string* detail = nullptr;
    for (std::size_t from = 0; from < items.size(); from += kBatch) {
        const auto batch = items.subspan(from, std::min(kBatch, items.size() - from));
        std::lock_guard guard(lock_);
        event.tUs = clock_ ? clock_() : 0;
        for (const Item& item : batch) {
            event.path.assign(*item.path); // (the Event's buffers are reused)
            event.pid = item.pid;
            if (item.detail != detail) event.detail.assign(*(detail = item.detail));
            event.seq = nextSeq_++;
            for (auto* sink : sinks_)
                sink->onEvent(event);
        }
    }
}

void EventBus::publish(Event&& event) {
    // The clock is read under the lock so that t_us never goes backwards in seq order.
    std::lock_guard guard(lock_);
    event.tUs = clock_ ? clock_() : 0;
    event.seq = nextSeq_++;
    for (auto* sink : sinks_)
        sink->onEvent(event);
}

} // namespace suplab
