#pragma once
// One thing done to a running tree, whoever asks for it: a script step, the console,
// the GUI's menus or a compare lane. Each of them builds an Action and hands it to
// runAction, so that a kill from the menu and a kill from the script are the same
// kill, logged the same way.

#include "base/Reason.h"
#include "scenario/Scenario.h"
#include "supervision/ChildApi.h"

#include <string>

namespace suplab {

class EngineCore;

/// How long a call made for a person (at the GUI or the console) may wait for its reply:
/// GenServer.call's default.
inline constexpr std::int64_t kPersonCallTimeoutMs = 5000;

struct Action {
    enum class Kind : unsigned char {
        Kill,           // exit(Pid, kill) from outside: untrappable
        Exit,           // exit(Pid, reason) from outside
        Crash,          // the worker's own code exits with `reason`
        StartChild,     // `node` under the supervisor `target`
        TerminateChild, // by `childId` (a dynamic supervisor: its live child with that id,
                        // or `childPid` when given)
        RestartChild,
        DeleteChild,
        WhichChildren,
        CountChildren,
        Inspect,   // a worker's live state as text
        Behaviour, // a worker's own function: `function` with `args`
    };
    Kind kind = Kind::Kill;
    std::string target; // the path of the process the action is aimed at
    std::string childId;
    Pid childPid = kNoPid;
    Reason reason; // Exit, Crash
    NodePtr node;  // StartChild
    std::string function;
    std::vector<Value> args;
    /// Who asked, for the event log: "script", "the GUI", "the console".
    std::string origin = "script";
    /// How long a call may wait for its reply, in milliseconds on the run's clock; -1
    /// waits for ever, as OTP's supervisor calls do (a script's calls). A person at the
    /// GUI or the console gets an answer in bounded time: CallError::Timeout.
    std::int64_t timeoutMs = -1;
    /// A script's step: a failed call is logged as the trace's `error` line, by the
    /// supervisor as it replies (see CallRequest::reportOp).
    bool reportAsScriptError = false;

    /// Kill, Exit or Crash of the process at `path` (`reason` is ignored for Kill).
    static Action signal(Kind kind, std::string path, Reason reason = Reason::kill());
    /// TerminateChild, RestartChild or DeleteChild of `id` under the supervisor `sup`.
    static Action onChild(Kind kind, std::string sup, std::string id);
    static Action startChild(std::string sup, NodePtr node);
    /// WhichChildren, CountChildren or Inspect of the process at `path`.
    static Action query(Kind kind, std::string path);
    /// Who asked (see `origin`) and how long a call may wait (see `timeoutMs`).
    Action& from(std::string who, std::int64_t timeoutMillis) {
        origin = std::move(who);
        timeoutMs = timeoutMillis;
        return *this;
    }

    bool isSignal() const {
        return kind == Kind::Kill || kind == Kind::Exit || kind == Kind::Crash;
    }
    /// The operation's name in the trace and in messages: `kill`, `terminate_child`, ...
    const char* opName() const;
    /// `Sup/child` for the child API, the target itself otherwise.
    std::string subject() const;
};

struct ActionResult {
    /// False when nothing was running at `target` when the action was due.
    bool targetFound = false;
    Pid target = kNoPid;
    /// The reply, for calls (CallError::None for a signal that was sent).
    CallResult call;
    bool ok() const { return targetFound && call.ok(); }
};

/// Does `action` through the engine's port: sends the signal, or makes the call and
/// waits for its reply (until the action's timeout). Safe from the thread that owns the
/// engine's port only.
ActionResult runAction(EngineCore& engine, const Action& action);

} // namespace suplab
