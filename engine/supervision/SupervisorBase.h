#pragma once
// What static and dynamic supervisors share: they trap exits, start a child and
// wait for its init (proc_lib's synchronous start), shut one child down by the
// protocol of otp-semantics.md §7.1, keep one restart history, and answer calls.

#include "events/Event.h"
#include "process/Process.h"
#include "supervision/ChildApi.h"
#include "supervision/NodeSpec.h"
#include "supervision/RestartIntensity.h"

#include <optional>
#include <unordered_map>
#include <vector>

namespace suplab {

class SupervisorBase : public Process {
  public:
    SupervisorBase(Runtime& runtime, std::string path, NodePtr spec);
    const NodeSpec& spec() const { return *spec_; }

  protected:
    using Stop = std::optional<Reason>; // set: the supervisor must stop with it

    /// The loop a started supervisor runs until it must stop (§4): an EXIT from its
    /// parent stops it, one from a child goes to childExited(), a retry or a backoff
    /// timer starts the child it names again, a call is answered. Then every child
    /// is stopped and the supervisor ends with the reason.
    Task<Reason> serve();

    struct Started {
        Pid pid = kNoPid; // kNoPid: the start failed with `reason`, or was `ignored`
        Reason reason;
        bool ignored = false; // the start returned ignore: no process, no failure
        bool failed() const { return pid == kNoPid && !ignored; }
    };
    /// The supervisor's own init/1 (§2.4): the reason to end with when this start
    /// attempt fails (start_error) or returns ignore (normal, the parent told so);
    /// nothing when the supervisor goes on to start its children.
    std::optional<Reason> ownInit();
    /// A code change's new flags (§2.3, already checked), with `children` as the new
    /// list of specs. The restart history is kept.
    void takeFlags(const NodeSpec& flags, std::vector<NodePtr> children);
    /// Spawns the child `node` names (linked) and waits until its init is done or it exits.
    /// `entry`, when given, caches the runtime's entry for the child's path: a
    /// restart then skips the registry's lookup (a lock and a string hash).
    Task<Started> startChild(NodePtr node, PathEntry** entry = nullptr);
    /// Asks `child`, started from `spec`, to stop as its `shutdown` says and waits
    /// for its exit. Its EXIT is consumed here, so it is never handled as a crash.
    Task<void> shutdownChild(Pid child, const NodeSpec& spec);
    /// Where a child of ours started from `spec` lives in the tree.
    std::string pathOf(const NodeSpec& spec) const;

    /// The intensity check that comes before every restart. False: give up
    /// (reported here, before the children are shut down).
    bool admitRestart(const std::string& childPath, const std::string& why);
    std::int64_t nowSeconds() const { return nowUs() / 1'000'000; }
    std::string budgetText() const;
    /// Beyond OTP: the wait before the `streak`-th consecutive restart of a child.
    std::int64_t backoffDelayMs(int streak, const std::string& childPath);

    void reply(const CallMsg& call, CallResult result);
    void emit(EventKind kind, const std::string& path, Pid pid, std::string reason = {},
              std::string detail = {});

    NodePtr spec_;
    RestartIntensity intensity_;
    std::uint64_t jitterState_ = 0;
    std::unordered_map<Ref, std::uint64_t> delayed_; // backoff timer -> child key

  private:
    /// An EXIT from `from`, not the parent: a child's, dealt with by the strategy,
    /// or one from a pid that is no child (any more), ignored (§4.1).
    virtual Task<Stop> childExited(Pid from, Reason reason) = 0;
    /// The child `key` is due to start again: a retry after a failed restart, or
    /// the end of its backoff (`backoffDone`). Nothing when it is no longer waiting.
    virtual Task<Stop> restartDue(std::uint64_t key, bool backoffDone) = 0;
    virtual Task<void> handleCall(CallMsg& call, const CallRequest& req) = 0;
    /// Every child, stopped as the supervisor's own end requires.
    virtual Task<void> stopChildren() = 0;
};

} // namespace suplab
