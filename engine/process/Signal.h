#pragma once
// Everything that can arrive in a process's inbox. Messages are queued for the
// process's code; the other signals are handled by the runtime on arrival.

#include "base/Message.h"

namespace suplab {

/// exit/2 or a link's exit. kill sent by exit/2 is untrappable (the process ends
/// with killed); kill from a link is an ordinary reason. Otherwise a trapping process
/// gets an ExitMsg, and one that does not trap ignores normal and ends with any other.
struct ExitSignal {
    Pid from = kNoPid;
    Reason reason;
    bool viaLink = false; // sent by a linked process as it ended: the link is gone too
};

/// erlang:monitor/2 from `watcher`; answered with DOWN (noproc if already gone).
struct MonitorSignal {
    Pid watcher = kNoPid;
    Ref ref = 0;
};

struct DemonitorSignal {
    Ref ref = 0;
};

struct UnlinkSignal {
    Pid from = kNoPid;
};

using Signal = std::variant<Message, ExitSignal, MonitorSignal, DemonitorSignal, UnlinkSignal>;

} // namespace suplab
