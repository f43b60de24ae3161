#pragma once
// pid -> process, shared by every thread. Sharded so that senders on different
// threads rarely meet on one lock. The table owns each live process; a sender
// borrows a counted reference only for the length of one delivery.
//
// Each shard is a PidMap under a spin lock: a lookup is one short critical
// section and one cache line, where a node-based map under a mutex took a call
// pair, a division and a pointer chase into cold memory for every message.

#include "base/Pid.h"
#include "base/SpinLock.h"
#include "process/PidMap.h"

#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace suplab {

class Process;

class ProcessTable {
  public:
    void insert(std::shared_ptr<Process> process);
    /// Adds `process` (whose pid is `pid`) and calls `then(*process)` under the same
    /// lock, before any other thread can reach it.
    template <typename Then> void insert(Pid pid, std::shared_ptr<Process> process, Then&& then) {
        auto& shard = shardFor(pid);
        std::lock_guard guard(shard.lock);
        Process& inserted = *process;
        shard.map.insert(pid, std::move(process));
        then(inserted);
    }
    /// Removes `pid` and hands over the table's reference (empty when it was not
    /// there); `also()` runs under the same lock.
    template <typename Also> std::shared_ptr<Process> take(Pid pid, Also&& also) {
        std::shared_ptr<Process> taken;
        auto& shard = shardFor(pid);
        std::lock_guard guard(shard.lock);
        also();
        shard.map.erase(pid, &taken);
        return taken;
    }
    std::shared_ptr<Process> take(Pid pid) {
        return take(pid, [] {});
    }
    /// The lock of `pid`'s shard, which also guards that process's inbox.
    SpinLock& lockFor(Pid pid) const { return shardFor(pid).lock; }
    std::shared_ptr<Process> find(Pid pid) const;
    /// Calls `f(process)` with `pid`'s shard locked, so that the process cannot
    /// leave the table, and be destroyed, meanwhile; false when no such process
    /// lives, else what `f` returns. `f` must be short and must not use the table.
    template <typename F> bool withProcess(Pid pid, F&& f) const {
        const auto& shard = shardFor(pid);
        std::lock_guard guard(shard.lock);
        const auto* process = shard.map.find(pid);
        return process && f(**process);
    }
    bool contains(Pid pid) const;
    /// A hint: starts loading the memory of `pid`'s process into the cache, so that
    /// a delivery to it soon does not wait for it (no effect when it is gone).
    void prefetch(Pid pid) const;
    std::size_t size() const;
    /// Every live pid (a snapshot; for diagnostics).
    std::vector<Pid> pids() const;
    /// Empties the table and hands every process to the caller (engine teardown).
    std::vector<std::shared_ptr<Process>> takeAll();

  private:
    static constexpr unsigned kShardBits = 5;
    static constexpr std::size_t kShards = std::size_t(1) << kShardBits;
    struct alignas(64) Shard {
        mutable SpinLock lock;
        // The shard is picked by the pid's low bits; the map hashes the rest.
        PidMap<std::shared_ptr<Process>, kShardBits> map;
    };
    const Shard& shardFor(Pid pid) const { return shards_[pid % kShards]; }
    Shard& shardFor(Pid pid) { return shards_[pid % kShards]; }
    std::array<Shard, kShards> shards_;
};

} // namespace suplab
