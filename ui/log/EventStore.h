#pragma once
// The event log's records, compact: 48 bytes an event, with each distinct string
// (paths, reasons, details) stored once and referred to by number. Records live in
// fixed chunks, so the log grows without ever copying itself: ten million events
// take about half a gigabyte where full Event objects took over 1.5 GB (and twice
// that while a vector reallocated).

#include "events/Event.h"

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace suplab {

class EventStore {
  public:
    struct Record {
        std::uint64_t seq = 0;
        std::int64_t tUs = 0;
        Pid pid = kNoPid;
        std::uint32_t path = 0, reason = 0, detail = 0, op = 0; // string ids (0: "")
        EventKind kind = EventKind::Up;
    };

    EventStore();

    void append(const Event& event);
    void clear();
    std::size_t size() const { return size_; }

    const Record& record(std::size_t i) const { return chunks_[i >> kShift][i & kMask]; }
    /// The string with that id.
    const std::string& text(std::uint32_t id) const { return strings_[id]; }
    /// How many distinct strings there are (ids run from 0 to this, exclusive).
    std::uint32_t textCount() const { return std::uint32_t(strings_.size()); }

    /// The event at `i`, rebuilt as a full Event.
    Event event(std::size_t i) const;
    /// Events [first, last), rebuilt.
    std::vector<Event> events(std::size_t first, std::size_t last) const;

  private:
    static constexpr unsigned kShift = 16; // 65,536 records a chunk
    static constexpr std::size_t kMask = (std::size_t(1) << kShift) - 1;

    std::uint32_t intern(const std::string& s);

    std::vector<std::vector<Record>> chunks_; // (growing this moves chunks, never records)
    std::size_t size_ = 0;
    std::deque<std::string> strings_; // a deque: its elements never move
    std::unordered_map<std::string_view, std::uint32_t> ids_;
};

} // namespace suplab
