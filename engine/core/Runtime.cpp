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
    table_.insert(process);
    process->wake();
}

bool Runtime::deliver(Pid to, Signal&& signal) {
    auto process = table_.find(to);
    if (!process) return false;
    return process->deliver(std::move(signal));
}

void Runtime::registerPath(const std::string& path, Pid pid) {
    std::lock_guard guard(namesLock_);
    names_[path] = pid;
}

void Runtime::unregisterPath(const std::string& path, Pid pid) {
    // The entry stays, empty: the same path is registered again at its restart,
    // and keeping it saves a node's free and malloc per restart. Their number is
    // bounded by the tree's distinct paths.
    std::lock_guard guard(namesLock_);
    if (auto it = names_.find(path); it != names_.end() && it->second == pid) it->second = kNoPid;
}

Pid Runtime::whereis(const std::string& path) const {
    std::lock_guard guard(namesLock_);
    auto it = names_.find(path);
    return it == names_.end() ? kNoPid : it->second;
}

std::int64_t Runtime::nextStartAttempt(const std::string& path) {
    std::lock_guard guard(namesLock_);
    return ++attempts_[path];
}

void Runtime::clear() {
    // Frames are destroyed without running any more process code.
    auto all = table_.takeAll();
    all.clear();
    std::lock_guard guard(namesLock_);
    names_.clear();
}

} // namespace suplab
