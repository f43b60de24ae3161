#pragma once
// pid -> process, shared by every thread. Sharded so that senders on different
// threads rarely meet on one lock. The table owns each live process; a sender
// borrows a counted reference only for the length of one delivery.

#include "core/Pid.h"
#include "core/SlabPool.h"

#include <array>
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace suplab {

class Process;

class ProcessTable {
  public:
    void insert(std::shared_ptr<Process> process);
    void erase(Pid pid);
    std::shared_ptr<Process> find(Pid pid) const;
    bool contains(Pid pid) const;
    std::size_t size() const;
    /// Every live pid (a snapshot; for diagnostics).
    std::vector<Pid> pids() const;
    /// Empties the table and hands every process to the caller (engine teardown).
    std::vector<std::shared_ptr<Process>> takeAll();

  private:
    static constexpr std::size_t kShards = 32;
    struct Shard {
        mutable std::mutex lock;
        std::unordered_map<Pid, std::shared_ptr<Process>, std::hash<Pid>, std::equal_to<Pid>,
                           slab::Allocator<std::pair<const Pid, std::shared_ptr<Process>>>>
            map;
    };
    const Shard& shardFor(Pid pid) const { return shards_[pid % kShards]; }
    Shard& shardFor(Pid pid) { return shards_[pid % kShards]; }
    std::array<Shard, kShards> shards_;
};

} // namespace suplab
