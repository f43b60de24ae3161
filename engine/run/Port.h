#pragma once
// The outside world's process: the scenario player, the tests and the GUI talk
// to the engine through a Port. It has a pid (so replies, acks and exit signals
// can reach it) and always traps exits, but it is never scheduled: its owner's
// thread receives on it, and on the virtual clock that drives the scheduler.

#include "process/Process.h"
#include "supervision/ChildApi.h"

#include <functional>
#include <optional>

namespace suplab {

class Port final : public Process {
  public:
    explicit Port(Runtime& runtime, std::string name = "port");

    /// Waits for a message `pred` accepts, until `deadlineUs` on the run's clock
    /// (negative: no deadline). nullopt when the deadline came first, or when
    /// (virtual clock) the engine has nothing left to do.
    std::optional<Message> receiveUntil(const std::function<bool(const Message&)>& pred,
                                        std::int64_t deadlineUs);
    std::optional<Message> receive(const std::function<bool(const Message&)>& pred) {
        return receiveUntil(pred, -1);
    }

    /// Lets the engine run until `tUs` on the run's clock.
    void sleepUntil(std::int64_t tUs);

    /// gen_server:call: a CallError::NotFound result when `target` is gone, and
    /// CallError::Timeout when no reply came by `deadlineUs` on the run's clock
    /// (negative: wait for ever).
    CallResult call(Pid target, CallRequest request, std::int64_t deadlineUs = -1);

    /// Spawns `child` linked to this port and waits for its init to finish:
    /// its pid, or its exit reason when it failed to start, or `ignored` when its
    /// init returned ignore (no process, reason normal).
    struct StartOutcome {
        Pid pid = kNoPid;
        Reason reason;
        bool ignored = false;
        bool ok() const { return pid != kNoPid; }
    };
    StartOutcome startLinked(std::shared_ptr<Process> child);

    /// Waits until `pid` has exited (we are linked to it) and returns its reason.
    std::optional<Reason> awaitExit(Pid pid, std::int64_t deadlineUs = -1);

  protected:
    Task<Reason> body() override;
    void wake() override;

  private:
    bool poll(const std::function<bool(const Message&)>& pred, std::optional<Message>& out);
};

} // namespace suplab
