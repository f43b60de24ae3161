#pragma once
// What a process can find in its queue. Exit signals are not messages: the
// runtime applies BEAM's rules to them on arrival (see Signal.h) and only a
// trapping process sees them, as ExitMsg.

#include "base/Pid.h"
#include "base/Reason.h"
#include "base/SlabPool.h"

#include <cstdint>
#include <memory>
#include <variant>

namespace suplab {

using Ref = std::uint64_t;

/// {'EXIT', From, Reason}: an exit signal turned into a message by trap_exit.
struct ExitMsg {
    Pid from = kNoPid;
    Reason reason;
};

/// {'DOWN', Ref, process, Pid, Reason}
struct DownMsg {
    Ref ref = 0;
    Pid pid = kNoPid;
    Reason reason;
};

/// A timer started by this process has fired.
struct TimerMsg {
    Ref ref = 0;
};

/// The ref of a receive's timeout carries this bit, so that a process can tell a
/// timeout that fired just as its receive ended (on the real clock the two can
/// cross) from its other timers, and drop it instead of leaving it queued forever.
inline constexpr Ref kReceiveTimeoutBit = Ref(1) << 62;
inline bool isReceiveTimeout(Ref ref) {
    return (ref & kReceiveTimeoutBit) != 0;
}

/// proc_lib's init_ack: the child finished its init successfully, or returned `ignore`.
struct StartedMsg {
    Pid child = kNoPid;
    bool ignored = false; // the start returned `ignore`: the process ends `normal` at once
};

/// The worker's own code exits with this reason (a scripted crash).
struct CrashMsg {
    Reason reason;
};

/// A supervisor's asynchronous retry of a failed restart (OTP's cast to self).
struct RetryMsg {
    std::uint64_t key = 0;
};

/// What a call or a reply carries. This layer does not know the protocols spoken
/// above it (the supervisor's child API): each defines its own payload types and
/// reads them back with payloadAs. On the engine's pool, as there is one per call.
struct Payload : slab::Allocated {
    Payload() = default;
    Payload(const Payload&) = default;
    Payload(Payload&&) = default;
    Payload& operator=(const Payload&) = default;
    Payload& operator=(Payload&&) = default;
    virtual ~Payload() = default;
};

/// The payload as a `T`, or nullptr when it is none or another type.
template <class T> T* payloadAs(const std::unique_ptr<Payload>& payload) {
    return dynamic_cast<T*>(payload.get());
}

/// A synchronous call (gen_server:call); the request is boxed to keep messages small.
struct CallMsg {
    Ref ref = 0;
    Pid from = kNoPid;
    std::unique_ptr<Payload> request;
};

struct ReplyMsg {
    Ref ref = 0;
    std::unique_ptr<Payload> result;
};

/// A plain message from outside the supervision protocol: what a test harness's
/// `send(parent, {:up, self()})` is on the BEAM. Workers and supervisors ignore it.
struct NoticeMsg {
    Pid pid = kNoPid;
};

using Message = std::variant<ExitMsg, DownMsg, TimerMsg, StartedMsg, CrashMsg, RetryMsg, CallMsg,
                             ReplyMsg, NoticeMsg>;

} // namespace suplab
