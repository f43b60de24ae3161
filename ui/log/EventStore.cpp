#include "EventStore.h"

namespace suplab {

EventStore::EventStore() {
    clear();
}

void EventStore::clear() {
    chunks_.clear();
    size_ = 0;
    ids_.clear();
    strings_.clear();
    strings_.emplace_back(); // id 0: the empty string
    ids_.emplace(std::string_view(strings_.back()), 0);
}

std::uint32_t EventStore::intern(const std::string& s) {
    if (s.empty()) return 0;
    if (auto it = ids_.find(std::string_view(s)); it != ids_.end()) return it->second;
    const auto id = std::uint32_t(strings_.size());
    strings_.push_back(s);
    ids_.emplace(std::string_view(strings_.back()), id);
    return id;
}

void EventStore::append(const Event& e) {
    if ((size_ & kMask) == 0) {
        chunks_.emplace_back();
        chunks_.back().reserve(kMask + 1);
    }
    chunks_.back().push_back(Record{e.seq, e.tUs, e.pid, intern(e.path), intern(e.reason),
                                    intern(e.detail), intern(e.op), e.kind});
    ++size_;
}

Event EventStore::event(std::size_t i) const {
    const Record& r = record(i);
    Event e;
    e.seq = r.seq;
    e.tUs = r.tUs;
    e.kind = r.kind;
    e.path = text(r.path);
    e.pid = r.pid;
    e.reason = text(r.reason);
    e.detail = text(r.detail);
    e.op = text(r.op);
    return e;
}

std::vector<Event> EventStore::events(std::size_t first, std::size_t last) const {
    std::vector<Event> out;
    out.reserve(last > first ? last - first : 0);
    for (std::size_t i = first; i < last; ++i)
        out.push_back(event(i));
    return out;
}

} // namespace suplab
