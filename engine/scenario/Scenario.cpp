#include "Scenario.h"

namespace suplab {

const char* toString(StepAction a) {
    switch (a) {
    case StepAction::Kill:
        return "kill";
    case StepAction::Exit:
        return "exit";
    case StepAction::Crash:
        return "crash";
    case StepAction::StartChild:
        return "start_child";
    case StepAction::TerminateChild:
        return "terminate_child";
    case StepAction::RestartChild:
        return "restart_child";
    case StepAction::DeleteChild:
        return "delete_child";
    case StepAction::Call:
        return "call";
    }
    return "?";
}

} // namespace suplab
