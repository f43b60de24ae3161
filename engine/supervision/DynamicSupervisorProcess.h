#pragma once
// Elixir's DynamicSupervisor (otp-semantics.md §10): starts empty, children come
// through start_child and are known by pid, max_children, one_for_one restarts
// with OTP's intensity, and a parallel shutdown with one timer per timeout value.

#include "process/PidMap.h"
#include "supervision/ChildApi.h"
#include "supervision/SupervisorBase.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace suplab {

class DynamicSupervisorProcess final : public SupervisorBase {
  public:
    DynamicSupervisorProcess(Runtime& runtime, std::string path, NodePtr spec);

  protected:
    Task<Reason> body() override;

  private:
    struct Child : slab::Allocated { // on the pool: a dynamic supervisor may hold 100,000
        NodePtr spec;
        Pid pid = kNoPid; // the live pid, or the old one while restarting
        bool restarting = false;
        std::uint64_t key = 0;
        std::int64_t upSinceUs = -1; // for the backoff's crash streak (kept only with a backoff)
        int crashStreak = 0;
        PathEntry* entry = nullptr; // the runtime's entry for its path, once started
    };

    Child* byPid(Pid pid);
    Child* byKey(std::uint64_t key);
    void remove(const Child* child);
    void removeAll(const std::unordered_set<const Child*>& gone);
    using SupervisorBase::pathOf;
    std::string pathOf(const Child& child) const {
        return child.entry ? *child.entry->path : pathOf(*child.spec); // (a copy, not a join)
    }

    Task<Stop> onChildExit(Child& child, Reason reason);
    /// The intensity check, any backoff (beyond OTP), then the start;
    /// `backoffDone`: the check and the wait are behind us.
    Task<Stop> restart(Child& child, bool backoffDone = false);
    /// Stops `victims` in parallel and waits for every one of them.
    Task<void> stopInParallel(std::vector<Child*> victims);

    Task<Stop> childExited(Pid from, Reason reason) override;
    Task<Stop> restartDue(std::uint64_t key, bool backoffDone) override;
    Task<void> handleCall(CallMsg& call, const CallRequest& req) override;
    Task<void> stopChildren() override;
    /// Elixir's code_change: init/1 again; new flags (max_restarts, max_seconds,
    /// max_children), checked first and wrapped in supervisor_data; children untouched.
    CallResult changeCode(const NodeSpec* next);

    slab::Vector<std::unique_ptr<Child>> children_; // in the order they were started
    PidMap<Child*> byPid_;                          // live and restarting children by pid
    std::uint64_t nextKey_ = 1;
    // The path entry of the last child id started: a dynamic supervisor mostly
    // starts one kind of child, whose path is the same every time.
    std::string lastId_;
    PathEntry* lastEntry_ = nullptr;
};

} // namespace suplab
