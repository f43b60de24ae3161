#include "Runtime.h"

#include "core/Process.h"
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
    Process& p = *process;
    table_.insert(process);
    p.wake(&process);
}

bool Runtime::deliver(Pid to, Signal&& signal) {
    auto process = table_.find(to);
    if (!process) return false;
    Process& p = *process;
    return p.deliver(std::move(signal), &process);
}

PathEntry& Runtime::pathEntry(const std::string& path) {
    std::lock_guard guard(namesLock_);
    return names_[path]; // unordered_map nodes do not move
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
