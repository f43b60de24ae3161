#include "Runtime.h"

#include "process/Process.h"
#include "sched/Scheduler.h"

namespace suplab {

Runtime::Runtime(Scheduler& scheduler, EventBus& events, std::uint64_t seed)
    : scheduler_(scheduler), events_(events), seed_(seed) {
    scheduler_.attach(this);
    events_.setClock([this] { return nowUs(); });
}

Runtime::~Runtime() {
    clear();
    events_.setClock({});
    scheduler_.attach(nullptr);
}

std::int64_t Runtime::nowUs() const {
    return scheduler_.nowUs();
}

void Runtime::spawn(std::shared_ptr<Process> process) {
    const Pid pid = process->pid();
    // Woken under the table's lock: once in the table, another thread could wake
    // it, run it and end it before we got to it.
    table_.insert(pid, std::move(process), [](Process& p) {
        p.inbox_.markScheduled();
        p.wake();
    });
}

bool Runtime::deliver(Pid to, Signal&& signal) {
    // Under the table's lock for that pid, which also guards its inbox: the process
    // cannot end and be destroyed meanwhile (it would have to leave the table
    // first), so no counted reference is taken.
    return table_.withProcess(to, [&](Process& p) { return p.deliver(std::move(signal)); });
}

std::shared_ptr<Process> Runtime::retire(Process& process, slab::Vector<Signal>& late) {
    return table_.take(process.pid(), [&] { late = process.inbox_.close(); });
}

PathEntry& Runtime::pathEntry(const std::string& path) {
    std::lock_guard guard(namesLock_);
    auto [it, made] = names_.try_emplace(path); // unordered_map nodes do not move
    if (made) it->second.path = &it->first;
    return it->second;
}

void Runtime::registerPath(PathEntry& entry, Pid pid) {
    entry.pid.store(pid, std::memory_order_release);
}

void Runtime::unregisterPath(PathEntry& entry, Pid pid) {
    // Only if it is still ours: a replacement may have registered meanwhile.
    Pid mine = pid;
    entry.pid.compare_exchange_strong(mine, kNoPid, std::memory_order_acq_rel);
}

Pid Runtime::whereis(const std::string& path) const {
    std::lock_guard guard(namesLock_);
    auto it = names_.find(path);
    return it == names_.end() ? kNoPid : it->second.pid.load(std::memory_order_acquire);
}

std::int64_t Runtime::nextStartAttempt(PathEntry& entry) {
    return entry.attempts.fetch_add(1, std::memory_order_relaxed) + 1;
}

void Runtime::clear() {
    // Frames are destroyed without running any more process code.
    auto all = table_.takeAll();
    all.clear();
    std::lock_guard guard(namesLock_);
    names_.clear();
}

} // namespace suplab
