#pragma once
// The process world of one run: the process table, the path registry, the
// scheduler and the event stream. Processes talk to each other only through it.

#include "base/Pid.h"
#include "base/SlabPool.h"
#include "events/EventBus.h"
#include "process/PathEntry.h"
#include "process/ProcessTable.h"
#include "process/Signal.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace suplab {

class Scheduler;

class Runtime {
  public:
    Runtime(Scheduler& scheduler, EventBus& events, std::uint64_t seed = 0);
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    Scheduler& scheduler() const { return scheduler_; }
    EventBus& events() const { return events_; }
    std::uint64_t seed() const { return seed_; }
    std::int64_t nowUs() const;

    Pid allocatePid() { return nextPid_.fetch_add(1, std::memory_order_relaxed); }
    Ref makeRef() { return nextRef_.fetch_add(1, std::memory_order_relaxed); }

    /// Makes a constructed process live: it can be found and gets scheduled.
    void spawn(std::shared_ptr<Process> process);
    /// Delivers a signal; false when no such process is alive.
    bool deliver(Pid to, Signal&& signal);
    bool isAlive(Pid pid) const { return table_.contains(pid); }
    /// A hint that a signal to `pid` comes soon (see ProcessTable::prefetch).
    void prefetch(Pid pid) const { table_.prefetch(pid); }
    /// The live process with that pid (its immutable parts only may be read).
    std::shared_ptr<Process> find(Pid pid) const { return table_.find(pid); }
    std::size_t processCount() const { return table_.size(); }
    std::vector<Pid> livePids() const { return table_.pids(); }

    /// The entry of `path`, made on first use; it stays valid until clear().
    PathEntry& pathEntry(const std::string& path);

    // Paths: set when a process reports up, cleared when that same process ends.
    void registerPath(PathEntry& entry, Pid pid);
    void unregisterPath(PathEntry& entry, Pid pid);
    Pid whereis(const std::string& path) const;

    /// 1, 2, 3, ...: the start attempts of the worker at that path over the whole run.
    std::int64_t nextStartAttempt(PathEntry& entry);

    /// The lock that guards `pid`'s inbox: its table shard's (see Mailbox).
    SpinLock& inboxLock(Pid pid) const { return table_.lockFor(pid); }

    /// Called by a process as it ends (on its own scheduler turn): under one lock,
    /// its inbox closes (what was pending goes to `late`) and it leaves the table,
    /// which hands over its reference.
    std::shared_ptr<Process> retire(Process& process, slab::Vector<Signal>& late);

    /// The engine's teardown: the scheduler is stopped; destroy every remaining process.
    void clear();

  private:
    Scheduler& scheduler_;
    EventBus& events_;
    std::uint64_t seed_;
    std::atomic<Pid> nextPid_{1};
    std::atomic<Ref> nextRef_{1};
    ProcessTable table_;

    mutable std::mutex namesLock_;
    // Nodes on the pool: a 10,000-child tree makes 10,000 of them.
    std::unordered_map<std::string, PathEntry, std::hash<std::string>, std::equal_to<std::string>,
                       slab::Allocator<std::pair<const std::string, PathEntry>>>
        names_;
};

} // namespace suplab
