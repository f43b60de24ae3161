#include "ChildApi.h"

namespace suplab {

const char* toString(CallError e) {
    switch (e) {
    case CallError::None:
        return "ok";
    case CallError::AlreadyStarted:
        return "already_started";
    case CallError::AlreadyPresent:
        return "already_present";
    case CallError::Running:
        return "running";
    case CallError::Restarting:
        return "restarting";
    case CallError::NotFound:
        return "not_found";
    case CallError::MaxChildren:
        return "max_children";
    case CallError::StartFailed:
        return "start_failed";
    case CallError::InvalidSpec:
        return "invalid_spec";
    case CallError::NotSupported:
        return "not_supported";
    case CallError::BadRequest:
        return "bad_request";
    case CallError::Timeout:
        return "timeout";
    }
    return "?";
}

std::string CallResult::errorWord() const {
    if (error == CallError::StartFailed || error == CallError::InvalidSpec) return reason.format();
    return toString(error);
}

} // namespace suplab
