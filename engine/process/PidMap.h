#pragma once
// A hash map from pid to V for the engine's pid-keyed tables (the process
// table's shards, a supervisor's links and its children by pid): open addressing,
// linear probing in Robin Hood order.
//
// Why not std::unordered_map: each lookup there is a division, a bucket and a node
// in cold memory, and each insert an allocation. Pids are handed out in sequence,
// so `pid >> Shift` (Shift drops the bits a caller already used to pick a shard)
// puts nearly every pid in a slot of its own: a lookup is one cache line.
// Robin Hood order (every run sorted by distance from home) lets a lookup stop
// early and a deletion shift back only up to the next pid that sits at home: plain
// linear probing would shift back through the whole run, and runs of sequential
// pids are as long as the table. No tombstones; a table that empties out shrinks.
//
// Not thread-safe: its owner locks around it or owns it on one thread.

#include "base/Pid.h"
#include "base/SlabPool.h"

#include <algorithm>
#include <cstddef>
#include <utility>

namespace suplab {

template <typename V, unsigned Shift = 0> class PidMap {
  public:
    std::size_t size() const { return used_; }
    bool empty() const { return used_ == 0; }
    bool contains(Pid pid) const { return slotOf(pid) != nullptr; }

    V* find(Pid pid) {
        Slot* slot = const_cast<Slot*>(slotOf(pid));
        return slot ? &slot->value : nullptr;
    }
    const V* find(Pid pid) const {
        const Slot* slot = slotOf(pid);
        return slot ? &slot->value : nullptr;
    }

    /// Adds pid -> value unless pid is there already (then it keeps its value).
    /// Returns the stored value. kNoPid cannot be a key.
    V& insert(Pid pid, V value = V{}) {
        if (Slot* there = const_cast<Slot*>(slotOf(pid))) return there->value;
        // Up to 7/8 full: sequential pids sit at home, and Robin Hood keeps the
        // others near it, so probes stay short while 100,000 processes cost half
        // the table memory that a half-full limit would.
        if (8 * (used_ + 1) > 7 * slots_.size())
            rehash(slots_.empty() ? kMinCapacity : 2 * slots_.size());
        return place(pid, std::move(value));
    }

    /// The value of pid, default-made first when absent. kNoPid cannot be a key.
    V& operator[](Pid pid) { return insert(pid); }

    /// Removes pid; its value is moved to `out` when given. False when absent.
    bool erase(Pid pid, V* out = nullptr) {
        Slot* found = const_cast<Slot*>(slotOf(pid));
        if (!found) return false;
        if (out) *out = std::move(found->value);
        const std::size_t mask = slots_.size() - 1;
        std::size_t hole = std::size_t(found - slots_.data());
        // Shift the rest of the run back by one until a free slot or a pid that sits
        // at its home: Robin Hood order keeps every run sorted by distance from home.
        for (std::size_t i = (hole + 1) & mask; slots_[i].pid != kNoPid && distance(i) != 0;
             i = (i + 1) & mask) {
            slots_[hole] = std::move(slots_[i]);
            hole = i;
        }
        slots_[hole] = Slot{};
        --used_;
        // Shrink to a quarter full, well below the point of growing again.
        if (slots_.size() > kMinCapacity && 16 * used_ < slots_.size())
            rehash(std::max(kMinCapacity, slots_.size() / 4));
        return true;
    }

    /// Calls f(pid, value) for every entry, in slot order.
    template <typename F> void forEach(F&& f) {
        for (Slot& slot : slots_)
            if (slot.pid != kNoPid) f(slot.pid, slot.value);
    }
    template <typename F> void forEach(F&& f) const {
        for (const Slot& slot : slots_)
            if (slot.pid != kNoPid) f(slot.pid, slot.value);
    }

    void clear() {
        Slots().swap(slots_);
        used_ = 0;
    }

  private:
    static constexpr std::size_t kMinCapacity = 16;
    struct Slot {
        Pid pid = kNoPid; // kNoPid: free
        [[no_unique_address]] V value{};
    };
    using Slots = slab::Vector<Slot>;

    std::size_t home(Pid pid) const { return (pid >> Shift) & (slots_.size() - 1); }
    /// How far the pid in (occupied) slot i sits from its home.
    std::size_t distance(std::size_t i) const {
        return (i - home(slots_[i].pid)) & (slots_.size() - 1);
    }

    const Slot* slotOf(Pid pid) const {
        if (slots_.empty() || pid == kNoPid) return nullptr;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = home(pid), d = 0;; i = (i + 1) & mask, ++d) {
            if (slots_[i].pid == pid) return &slots_[i];
            // A free slot, or one nearer its home than pid would be here: Robin
            // Hood order says pid would have taken that slot, so it is absent.
            if (slots_[i].pid == kNoPid || distance(i) < d) return nullptr;
        }
    }

    /// Puts a pid known to be absent into a table with room for it. Robin Hood:
    /// whoever is nearer its home gives up its slot and moves on, so that no pid
    /// ends up much farther from home than the others.
    V& place(Pid pid, V&& value) {
        const std::size_t mask = slots_.size() - 1;
        Slot incoming{pid, std::move(value)};
        V* placed = nullptr;
        for (std::size_t i = home(pid), d = 0;; i = (i + 1) & mask, ++d) {
            if (slots_[i].pid == kNoPid) {
                slots_[i] = std::move(incoming);
                ++used_;
                return placed ? *placed : slots_[i].value;
            }
            if (const std::size_t theirs = distance(i); theirs < d) {
                std::swap(slots_[i], incoming);
                if (!placed) placed = &slots_[i].value;
                d = theirs;
            }
        }
    }

    void rehash(std::size_t capacity) {
        Slots old(capacity);
        old.swap(slots_);
        used_ = 0;
        for (Slot& slot : old)
            if (slot.pid != kNoPid) place(slot.pid, std::move(slot.value));
    }

    Slots slots_;
    std::size_t used_ = 0;
};

} // namespace suplab
