#pragma once
// Which clock a run keeps: the virtual one (deterministic, instant, pausable) or
// the real one (worker threads, wall time).

#include "base/EnumNames.h"

#include <array>

namespace suplab {

enum class ClockKind : unsigned char { Virtual, Real };

/// `virtual` or `real`, as the CLI's --clock and the trace's header write it.
inline const char* toString(ClockKind clock) {
    return clock == ClockKind::Virtual ? "virtual" : "real";
}

template <> constexpr auto allOf<ClockKind>() {
    return std::array{ClockKind::Virtual, ClockKind::Real};
}

} // namespace suplab
