#pragma once
// A lightweight process: a pid, an inbox, links, monitors, a trap_exit flag and a
// body written as a coroutine. The body runs only on a scheduler thread and one
// thread at a time; everything other threads may touch goes through the inbox.
//
// Receiving is selective, as in Erlang: the body waits for the first queued
// message a predicate accepts, and leaves the others queued in order.

#include "base/Message.h"
#include "base/ThreadTally.h"
#include "process/LinkSet.h"
#include "process/Mailbox.h"
#include "process/MessageQueue.h"
#include "process/PathEntry.h"
#include "process/Task.h"

#include <atomic>
#include <coroutine>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace suplab {

class Runtime;

/// A non-owning reference to a message predicate living in a suspended frame.
struct MatchRef {
    const void* object = nullptr;
    bool (*call)(const void*, const Message&) = nullptr;
    bool operator()(const Message& m) const { return call(object, m); }
};

class Process {
  public:
    Process(Runtime& runtime, std::string path);
    virtual ~Process();
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    /// Process objects alive in this program, all runtimes together (a soak checks
    /// that none outlives its run).
    static std::int64_t objectCount() { return Objects::total(); }

    Pid pid() const { return pid_; }
    const std::string& path() const { return path_; }
    bool trapExit() const { return trapExit_; }

    /// Any thread, holding inboxLock (Runtime::deliver does): hands a signal to
    /// this process, and queues it to run if it was idle. False when it has exited.
    bool deliver(Signal&& signal);

    /// Scheduler thread only: handle pending signals and run the body as far as
    /// it can go. Returns when the body waits for a message it does not have yet
    /// (nothing), or when the process has ended: then with the last reference to
    /// it, which the runtime's table gave up, for the caller to destroy it when
    /// that suits.
    std::shared_ptr<Process> runScheduled();

    // --- Inside a body (or a Port's owner): the process's view of the world ---

    template <typename Pred> struct ReceiveAwaiter {
        Process& self;
        Pred pred;
        std::optional<Message> out{};
        static bool match(const void* o, const Message& m) {
            return static_cast<const ReceiveAwaiter*>(o)->pred(m);
        }
        bool await_ready() { return self.takeMatching(MatchRef{this, &match}, out); }
        void await_suspend(std::coroutine_handle<> h) {
            self.park(h, MatchRef{this, &match}, &out);
        }
        Message await_resume() { return std::move(*out); }
    };

    /// Waits for a message `pred` accepts, or a timeout (negative: none).
    /// Resumes with std::nullopt when the timeout came first.
    template <typename Pred> struct TimedReceiveAwaiter {
        Process& self;
        Pred pred;
        std::int64_t timeoutMs;
        Ref timer = 0;
        std::optional<Message> out{};
        static bool match(const void* o, const Message& m) {
            auto* a = static_cast<const TimedReceiveAwaiter*>(o);
            if (auto* t = std::get_if<TimerMsg>(&m)) return a->timer != 0 && t->ref == a->timer;
            return a->pred(m);
        }
        bool await_ready() {
            if (self.takeMatching(MatchRef{this, &match}, out)) return true;
            return timeoutMs == 0;
        }
        void await_suspend(std::coroutine_handle<> h) {
            if (timeoutMs > 0) timer = self.startReceiveTimeout(timeoutMs);
            self.park(h, MatchRef{this, &match}, &out);
        }
        std::optional<Message> await_resume() {
            if (timer == 0) return std::move(out);
            self.endReceiveTimeout(timer);
            if (out && std::holds_alternative<TimerMsg>(*out) &&
                std::get<TimerMsg>(*out).ref == timer)
                return std::nullopt;
            return std::move(out);
        }
    };

    template <typename Pred> ReceiveAwaiter<Pred> receive(Pred pred) {
        return ReceiveAwaiter<Pred>{*this, std::move(pred)};
    }
    template <typename Pred> TimedReceiveAwaiter<Pred> receive(Pred pred, std::int64_t timeoutMs) {
        return TimedReceiveAwaiter<Pred>{*this, std::move(pred), timeoutMs};
    }
    /// Waits `ms` milliseconds; signals are still handled meanwhile (a kill ends us).
    auto sleep(std::int64_t ms) {
        return receive([](const Message&) { return false; }, ms);
    }

    /// Takes the first queued message `match` accepts into `out`.
    bool takeMatching(MatchRef match, std::optional<Message>& out);
    /// Removes and returns the first queued ExitMsg from `from`, if any (§7.1 step 3).
    std::optional<ExitMsg> takeExitFrom(Pid from);

    Runtime& runtime() const { return runtime_; }
    void setTrapExit(bool on) { trapExit_ = on; }
    Pid parent() const { return parent_; }

    void send(Pid to, Message message);
    void sendExit(Pid to, Reason reason);
    /// Spawns `child` linked to this process; it starts running at once.
    Pid spawnLink(std::shared_ptr<Process> child);
    Ref monitor(Pid target);
    void demonitor(Pid target, Ref ref);
    void unlink(Pid other);
    Ref startTimer(std::int64_t ms);
    void cancelTimer(Ref ref);
    /// The timeout of the receive in progress (see kReceiveTimeoutBit); a process
    /// waits in one receive at a time.
    Ref startReceiveTimeout(std::int64_t ms);
    /// The receive is over: its timeout, queued or still to come, is dropped.
    void endReceiveTimeout(Ref ref);
    std::int64_t nowUs() const;

    /// Reports `up` for this process and makes its path resolve to it; from then
    /// on its exit is reported as `down`.
    void announceUp();
    /// Before it runs: the runtime's entry for path(), which the caller already
    /// holds (a supervisor restarting a child), so the process need not look it up.
    void usePathEntry(PathEntry& entry) { pathEntry_ = &entry; }

  protected:
    virtual Task<Reason> body() = 0;
    /// Runs the process for the first time: by default, starts the body coroutine.
    virtual void begin();
    /// Hands queued messages to whatever waits for them: by default, resumes the
    /// body while the message it waits for is there.
    virtual void dispatch();
    /// Ends the process with `reason` (links and monitors are told); idempotent.
    void exit(Reason reason) { die(std::move(reason)); }
    /// This process's path entry in the runtime (looked up once).
    PathEntry& pathEntry();
    bool dead() const { return dead_; }
    /// Something arrived for an idle process (inboxLock held): queue it to run.
    /// The Port, run by its owner's thread, overrides it.
    virtual void wake();
    void handleSignal(Signal&& signal);
    /// Handles the signals that have arrived. `idleAfter` (a Port): the next
    /// signal wakes the process again.
    void drainInbox(bool idleAfter = false);
    /// Handles the signals just taken from the inbox.
    void handleBatch();

  private:
    friend class Runtime;
    void park(std::coroutine_handle<> h, MatchRef match, std::optional<Message>* out);
    /// Runs until the process has ended (true) or has nothing left to handle and is
    /// idle (false: it may be running on another thread already).
    bool runOnce();
    void die(Reason reason);
    /// A signal that reached us after we ended: a monitor request gets its DOWN (noproc).
    void answerLate(const Signal& signal);

    using Objects = ThreadTally<struct ProcessObjectsTag>;

    Runtime& runtime_;
    Pid pid_;
    Pid parent_ = kNoPid;
    std::string path_;
    PathEntry* pathEntry_ = nullptr;
    bool trapExit_ = false;
    bool started_ = false;
    bool dead_ = false;
    bool announced_ = false;

    Mailbox inbox_;
    MessageQueue queue_;
    LinkSet links_;

    // What only some processes need lives apart, made on first use: a worker
    // written as a handler (ReactiveProcess) has no coroutine to wait in, and
    // few processes are monitored. An idle worker is 56 bytes lighter for it.
    struct Watchers : slab::Allocated {
        slab::Vector<std::pair<Ref, Pid>> list; // (ref, watcher)
    };
    struct Coroutine : slab::Allocated {
        Task<Reason> task;
        std::coroutine_handle<> waiter; // the body, parked in a receive
        MatchRef match;
        std::optional<Message>* out = nullptr;
        Ref receiveTimeout = 0; // the running receive's timeout, or 0
    };
    std::unique_ptr<Watchers> watchers_;
    std::unique_ptr<Coroutine> coroutine_;
};

} // namespace suplab
