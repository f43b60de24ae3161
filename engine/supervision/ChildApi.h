#pragma once
// The supervisor child API as messages: what a caller asks (start_child,
// terminate_child, ...) and what it gets back, with OTP's error results.

#include "base/Message.h"
#include "base/Pid.h"
#include "base/Reason.h"
#include "base/SlabPool.h"
#include "supervision/NodeSpec.h"
#include "term/Value.h"

#include <string>
#include <vector>

namespace suplab {

enum class CallOp : unsigned char {
    StartChild,
    TerminateChild, // static: by id; dynamic: by pid
    RestartChild,
    DeleteChild,
    WhichChildren,
    CountChildren,
    GetChildSpec, // static: by id; dynamic: by pid (as OTP's simple_one_for_one)
    // sys:change_code: init/1 answers again, with `spec` (nullptr: it returned ignore).
    // It lasts as long as this process: restarted by its parent, the supervisor starts
    // from the spec its parent holds, as before.
    ChangeCode,
    Behaviour, // a worker's own operation (counter increment, room join, ...)
    Inspect,   // a worker's live state as text
};

enum class CallError : unsigned char {
    None,
    AlreadyStarted,
    AlreadyPresent,
    Running,
    Restarting,
    NotFound,
    MaxChildren,
    StartFailed,  // the start function failed: see CallResult::reason
    InvalidSpec,  // check_childspecs or the flags refused it: CallResult::reason is OTP's term
    NotSupported, // e.g. restart_child on a dynamic supervisor
    BadRequest,   // an operation this process does not understand
    Timeout,      // no reply before the caller's deadline (gen_server's call timeout)
};

const char* toString(CallError);

/// On the engine's pool: one is made for every call (100,000 for a dynamic_start run).
struct CallRequest : Payload {
    CallOp op = CallOp::WhichChildren;
    NodePtr spec;            // StartChild; ChangeCode: the supervisor's new flags and children
    std::string id;          // TerminateChild/RestartChild/DeleteChild/GetChildSpec (static)
    Pid pid = kNoPid;        // TerminateChild (dynamic)
    std::string function;    // Behaviour: the Elixir function (`increment`)
    std::vector<Value> args; // Behaviour: its arguments, the server's left out
    /// A call from a scenario's script: a failure is logged as `error OP SUBJECT WORD` by
    /// the supervisor as it replies, so that the line sits where OTP's reply does among
    /// the supervisor's events (the caller would log it later, on the real clock).
    std::string reportOp;
    std::string reportSubject;
    bool reportStartTerm = false; // a static start_child: OTP's {Reason, ChildRecord}
};

enum class ChildState : unsigned char { Running, Undefined, Restarting };

struct ChildInfo {
    std::string id;   // for dynamic children: the id from their node
    Pid pid = kNoPid; // kNoPid unless Running
    ChildState state = ChildState::Undefined;
    bool supervisor = false;
    friend bool operator==(const ChildInfo&, const ChildInfo&) = default;
};

struct ChildCounts {
    int specs = 0;
    int active = 0;
    int supervisors = 0;
    int workers = 0;
    friend bool operator==(const ChildCounts&, const ChildCounts&) = default;
};

/// On the engine's pool, as CallRequest.
struct CallResult : Payload {
    CallError error = CallError::None;
    Pid pid = kNoPid;     // StartChild, RestartChild: the new child (kNoPid when `ignored`)
    bool ignored = false; // the start returned ignore: {ok, undefined} (dynamic: :ignore)
    std::string info;     // {ok, Pid, Info}: the Info (empty for {ok, Pid})
    Reason reason;        // StartFailed, InvalidSpec
    std::vector<ChildInfo> children; // WhichChildren, newest first for static supervisors
    ChildCounts counts;              // CountChildren
    NodePtr spec;                    // GetChildSpec
    std::string text;                // Inspect
    Value value;                     // Behaviour: the function's reply

    bool ok() const { return error == CallError::None; }
    static CallResult failure(CallError e) {
        CallResult r;
        r.error = e;
        return r;
    }
    /// The word the conformance trace prints for an error result.
    std::string errorWord() const;
    bool reported = false; // the supervisor logged this failure as it replied
};

} // namespace suplab
