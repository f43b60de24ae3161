#include "ProcessTable.h"

#include "process/Process.h"

#include <mutex>

namespace suplab {

void ProcessTable::insert(std::shared_ptr<Process> process) {
    const Pid pid = process->pid();
    auto& shard = shardFor(pid);
    std::lock_guard guard(shard.lock);
    shard.map.insert(pid, std::move(process));
}

std::shared_ptr<Process> ProcessTable::find(Pid pid) const {
    const auto& shard = shardFor(pid);
    std::lock_guard guard(shard.lock);
    const auto* process = shard.map.find(pid);
    return process ? *process : nullptr;
}

bool ProcessTable::contains(Pid pid) const {
    const auto& shard = shardFor(pid);
    std::lock_guard guard(shard.lock);
    return shard.map.contains(pid);
}

void ProcessTable::prefetch(Pid pid) const {
    const auto& shard = shardFor(pid);
    std::lock_guard guard(shard.lock);
    if (const auto* process = shard.map.find(pid)) {
        const char* object = reinterpret_cast<const char*>(process->get());
        // allocate_shared puts the control block right before the object.
        for (int line = -1; line < 7; ++line)
            __builtin_prefetch(object + 64 * line, 1);
    }
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
        shard.map.forEach([&](Pid pid, const auto&) { out.push_back(pid); });
    }
    return out;
}

std::vector<std::shared_ptr<Process>> ProcessTable::takeAll() {
    std::vector<std::shared_ptr<Process>> all;
    for (auto& shard : shards_) {
        std::lock_guard guard(shard.lock);
        shard.map.forEach([&](Pid, auto& process) { all.push_back(std::move(process)); });
        shard.map.clear();
    }
    return all;
}

} // namespace suplab
