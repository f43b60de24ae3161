#pragma once
// A process identifier. Pids are never reused within one runtime, so a stale pid
// held by a worker (see `uses`) can be told apart from the process that replaced it.

#include <cstdint>
#include <string>

namespace suplab {

using Pid = std::uint64_t;
inline constexpr Pid kNoPid = 0;

/// Erlang-style rendering, `<0.42>`; kNoPid renders as `undefined`.
inline std::string formatPid(Pid pid) {
    if (pid == kNoPid) return "undefined";
    return "<0." + std::to_string(pid) + ">";
}

} // namespace suplab
