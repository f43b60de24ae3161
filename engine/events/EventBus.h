#pragma once
// The one event stream. Stamps each event with a gap-free seq and the run's
// clock, and hands it to every sink in that order.
//
// The lock is a spin lock: it is taken for every event, three times per child of
// a group restart, and held only while the sinks append (EventSink asks them to
// be quick). A mutex costs two atomic operations and two calls where this costs one.

#include "events/EventSink.h"

#include "base/SpinLock.h"

#include <atomic>
#include <functional>
#include <mutex>
#include <span>
#include <vector>

namespace suplab {

class EventBus {
  public:
    using Clock = std::function<std::int64_t()>;

    void setClock(Clock clock) { clock_ = std::move(clock); }
    /// Sinks are added before the run they should hear from starts.
    void addSink(EventSink* sink);
    void removeSink(EventSink* sink);

    /// Whether any sink listens. When none does, an event costs nothing, as a
    /// trace that is off on the BEAM: no clock read, no lock, no seq; and callers
    /// skip building its strings (the benchmark's start workloads have no sink).
    bool listened() const { return sinkCount_.load(std::memory_order_relaxed) > 0; }

    void emit(EventKind kind, std::string path, Pid pid, std::string reason = {},
              std::string detail = {});
    /// A script step's call failed: `error OP PATH REASON` in the trace.
    void emitError(std::string op, std::string path, std::string reason);

    /// One of several events of one kind that happen at one instant (a group
    /// restart's bystanders). The strings are the caller's and are only read.
    struct Item {
        const std::string* path;
        Pid pid;
        const std::string* detail;
    };
    /// Emits `items` in order, consecutive in seq. They share their time, and a
    /// lock and one Event for every kBatch of them: 1,000 bystanders cost 16 clock
    /// reads and no string allocation here, where one emit() each cost 1,000 of both.
    void emitAll(EventKind kind, std::span<const Item> items);
    static constexpr std::size_t kBatch = 64; // (the lock is not held longer than this)

  private:
    void publish(Event&& event);
    SpinLock lock_;
    Clock clock_;
    std::uint64_t nextSeq_ = 1;
    std::vector<EventSink*> sinks_;
    std::atomic<std::size_t> sinkCount_{0}; // sinks_.size(), read without the lock
};

} // namespace suplab
