#include "Event.h"

#include <array>

namespace suplab {

namespace {
constexpr std::array<const char*, 12> kNames = {
    "up",     "down",    "start_failed",     "give_up",       "error", "restart",
    "inject", "trapped", "shutdown_timeout", "auto_shutdown", "call",  "ignored",
};
} // namespace

const char* toString(EventKind kind) {
    return kNames[static_cast<std::size_t>(kind)];
}

bool isConformanceKind(EventKind kind) {
    switch (kind) {
    case EventKind::Up:
    case EventKind::Down:
    case EventKind::StartFailed:
    case EventKind::GiveUp:
    case EventKind::Error:
        return true;
    default:
        return false;
    }
}

} // namespace suplab
