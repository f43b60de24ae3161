#include "ProcessTable.h"

#include "core/Process.h"

namespace suplab {

void ProcessTable::insert(std::shared_ptr<Process> process) {
    auto& shard = shardFor(process->pid());
    std::lock_guard guard(shard.lock);
    shard.map.emplace(process->pid(), std::move(process));
}

void ProcessTable::erase(Pid pid) {
    std::shared_ptr<Process> last; // released outside the lock
    auto& shard = shardFor(pid);
    std::lock_guard guard(shard.lock);
    if (auto it = shard.map.find(pid); it != shard.map.end()) {
        last = std::move(it->second);
        shard.map.erase(it);
    }
}

std::shared_ptr<Process> ProcessTable::find(Pid pid) const {
    const auto& shard = shardFor(pid);
    std::lock_guard guard(shard.lock);
    auto it = shard.map.find(pid);
    return it == shard.map.end() ? nullptr : it->second;
}

bool ProcessTable::contains(Pid pid) const {
    const auto& shard = shardFor(pid);
    std::lock_guard guard(shard.lock);
    return shard.map.count(pid) != 0;
}

std::size_t ProcessTable::size() const {
    std::size_t n = 0;
    for (const auto& shard : shards_) {
        std::lock_guard guard(shard.lock);
        n += shard.map.size();
    }
    return n;
}

std::vector<Pid> ProcessTable::pids() const {
    std::vector<Pid> out;
    for (const auto& shard : shards_) {
        std::lock_guard guard(shard.lock);
        for (const auto& entry : shard.map)
            out.push_back(entry.first);
    }
    return out;
}

std::vector<std::shared_ptr<Process>> ProcessTable::takeAll() {
    std::vector<std::shared_ptr<Process>> all;
    for (auto& shard : shards_) {
        std::lock_guard guard(shard.lock);
        for (auto& [pid, p] : shard.map)
            all.push_back(std::move(p));
        shard.map.clear();
    }
    return all;
}

} // namespace suplab
