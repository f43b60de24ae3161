#pragma once
// An OTP supervisor with one_for_one, one_for_all or rest_for_one
// (otp-semantics.md §3-§9): start-up and its unwinding, the restart decision,
// group restarts with bystanders, asynchronous retries, giving up, auto_shutdown
// and the child API.

#include "process/PidMap.h"
#include "supervision/ChildApi.h"
#include "supervision/SupervisorBase.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace suplab {

class SupervisorProcess final : public SupervisorBase {
  public:
    SupervisorProcess(Runtime& runtime, std::string path, NodePtr spec);

  protected:
    Task<Reason> body() override;

  private:
    struct Child : slab::Allocated { // on the pool: a supervisor may hold 100,000
        NodePtr spec;
        Pid pid = kNoPid;
        ChildState state = ChildState::Undefined;
        std::uint64_t key = 0;
        std::int64_t upSinceUs = -1; // for the backoff's crash streak (kept only with a backoff)
        int crashStreak = 0;
        PathEntry* entry = nullptr; // the runtime's entry for its path, once started
    };

    Child* byKey(std::uint64_t key);
    Child* byId(const std::string& id);
    std::size_t indexOf(const Child* child) const;
    using SupervisorBase::pathOf;
    std::string pathOf(const Child& child) const {
        return child.entry ? *child.entry->path : pathOf(*child.spec); // (a copy, not a join)
    }
    void markStopped(Child& child);
    void prefetch(const Child& next) const;
    void remove(const Child* child);

    /// Records the outcome of startChild(child.spec): a started child runs under
    /// its new pid; an ignored one stays not running (§3.3). False when the start
    /// failed. (Not a coroutine of its own around startChild: one frame fewer for
    /// every child start.)
    bool adopt(Child& child, const Started& started);
    /// An ignored start: logged; a temporary child is not kept (§3.3). True when removed.
    bool ignored(Child& child, const std::string& how);
    Task<void> stop(Child& child);
    /// Shuts down children [from, end) that run, newest first; temporary ones are removed.
    Task<void> stopFrom(std::size_t from);
    Task<void> stopAll();

    Task<Stop> onChildExit(Child& child, Reason reason);
    /// The intensity check, any backoff (beyond OTP), then the strategy;
    /// `backoffDone`: the check and the wait are behind us.
    Task<Stop> restart(Child& child, bool backoffDone = false);
    Task<void> restartGroup(std::size_t from, Child& failed);
    /// The `restart` events of the running children [from, end) but `failed`.
    void announceBystanders(std::size_t from, const Child& failed);
    Stop autoShutdown(bool significant);

    Task<Stop> childExited(Pid from, Reason reason) override;
    Task<Stop> restartDue(std::uint64_t key, bool backoffDone) override;
    Task<void> handleCall(CallMsg& call, const CallRequest& req) override;
    Task<void> stopChildren() override;
    /// sys:change_code (§12 code_change): new flags and specs, checked first; a
    /// child already known keeps its process and takes its new spec, a new one is
    /// added not running, one the new list leaves out is kept.
    CallResult changeCode(const NodeSpec* next);
    CallResult whichChildren() const;
    CallResult countChildren() const;

    slab::Vector<std::unique_ptr<Child>> children_; // start order
    PidMap<Child*> byPid_;
    std::uint64_t nextKey_ = 1;
};

} // namespace suplab
