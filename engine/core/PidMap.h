#pragma once
// A hash map from pid to V, open addressing with linear probing, for the engine's
// pid-keyed tables (the process table's shards, a supervisor's links and its
// children by pid).
//
// Why not std::unordered_map: each lookup there is a division, a bucket and a node
// in cold memory, and each insert an allocation. Pids are handed out in sequence,
// so `pid >> Shift` (Shift drops what a caller already used to pick a shard) puts
// nearly every pid in a slot of its own: a lookup is one cache line. Deletion
// shifts the rest of the probe run back instead of leaving tombstones, so a table
// that sees millions of pids come and go stays short; one that empties out shrinks.
//
// Not thread-safe: its owner locks around it or owns it on one thread.

#include "core/Pid.h"
#include "core/SlabPool.h"

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
        if (2 * (used_ + 1) > slots_.size())
            rehash(slots_.empty() ? kMinCapacity : 2 * slots_.size());
        return place(pid, std::move(value));
    }

    /// The value of pid, default-made first when absent. kNoPid cannot be a key.
    V& operator[](Pid pid) { return insert(pid); }

    /// Removes pid; its value is moved to `out` when given. False when absent.
    bool erase(Pid pid, V* out = nullptr) {
        if (slots_.empty() || pid == kNoPid) return false;
        const std::size_t mask = slots_.size() - 1;
        std::size_t hole = home(pid);
        while (slots_[hole].pid != pid) {
            if (slots_[hole].pid == kNoPid) return false;
            hole = (hole + 1) & mask;
        }
        if (out) *out = std::move(slots_[hole].value);
        slots_[hole] = Slot{};
        --used_;
        // Move later members of the probe run back into the hole when their home
        // allows it, so every remaining pid stays reachable from its home slot.
        for (std::size_t i = (hole + 1) & mask; slots_[i].pid != kNoPid; i = (i + 1) & mask) {
            const std::size_t want = home(slots_[i].pid);
            if (((i - want) & mask) < ((i - hole) & mask)) continue; // its home lies past the hole
            slots_[hole] = std::move(slots_[i]);
            slots_[i] = Slot{};
            hole = i;
        }
        if (slots_.size() > kMinCapacity && 8 * used_ < slots_.size()) rehash(slots_.size() / 2);
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

    const Slot* slotOf(Pid pid) const {
        if (slots_.empty() || pid == kNoPid) return nullptr;
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t i = home(pid);; i = (i + 1) & mask) {
            if (slots_[i].pid == pid) return &slots_[i];
            if (slots_[i].pid == kNoPid) return nullptr;
        }
    }

    /// Puts a pid known to be absent into a table with room for it.
    V& place(Pid pid, V&& value) {
        const std::size_t mask = slots_.size() - 1;
        std::size_t i = home(pid);
        while (slots_[i].pid != kNoPid)
            i = (i + 1) & mask;
        slots_[i].pid = pid;
        slots_[i].value = std::move(value);
        ++used_;
        return slots_[i].value;
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
