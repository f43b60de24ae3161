#pragma once
// One thing the engine did. The conformance kinds (up, down, start_failed,
// give_up, error) are the trace of docs/trace-format.md; the others explain the why.

#include "base/Pid.h"

#include <cstdint>
#include <string>

namespace suplab {

enum class EventKind : unsigned char {
    Up,              // a process has started (worker: init done; supervisor: init begun)
    Down,            // a process that was up has ended
    StartFailed,     // a start attempt failed
    GiveUp,          // a supervisor exceeded its restart intensity
    Error,           // a script step's call returned an error
    Restart,         // a supervisor decided to restart a child (detail: why, budget)
    Inject,          // a fault was injected from outside (kill, exit, crash)
    Trapped,         // an exit signal became a message or was ignored
    ShutdownTimeout, // a child ignored `shutdown` for its whole timeout and is killed
    AutoShutdown,    // a significant child made its supervisor stop
    Call,            // an API call succeeded (start_child, terminate_child, ...)
    Ignored,         // a start returned `ignore`: no process (detail: what the supervisor kept)
};

const char* toString(EventKind kind);
/// True for the five kinds that make up the conformance trace.
bool isConformanceKind(EventKind kind);

struct Event {
    std::uint64_t seq = 0;
    std::int64_t tUs = 0;
    EventKind kind = EventKind::Up;
    std::string path;
    Pid pid = kNoPid;
    std::string reason; // empty when the event has none
    std::string detail; // free text for the richer kinds
    std::string op;     // error: the script step's action (start_child, ...)
};

} // namespace suplab
