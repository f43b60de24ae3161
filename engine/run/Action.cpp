#include "Action.h"

#include "run/EngineCore.h"

#include "supervision/ChildFactory.h"
#include "supervision/SupervisorProcess.h"

namespace suplab {

namespace {

bool isChildApi(Action::Kind k) {
    using K = Action::Kind;
    return k == K::StartChild || k == K::TerminateChild || k == K::RestartChild ||
           k == K::DeleteChild;
}

CallRequest requestFor(const Action& action, EngineCore& engine) {
    using K = Action::Kind;
    CallRequest request;
    switch (action.kind) {
    case K::StartChild:
        request.op = CallOp::StartChild;
        request.spec = action.node;
        break;
    case K::TerminateChild:
        request.op = CallOp::TerminateChild;
        request.id = action.childId;
        // A dynamic supervisor knows its children by pid: the one given, or the
        // latest at that path.
        request.pid = action.childPid != kNoPid ? action.childPid
                                                : engine.runtime().whereis(action.subject());
        break;
    case K::RestartChild:
        request.op = CallOp::RestartChild;
        request.id = action.childId;
        break;
    case K::DeleteChild:
        request.op = CallOp::DeleteChild;
        request.id = action.childId;
        break;
    case K::WhichChildren:
        request.op = CallOp::WhichChildren;
        break;
    case K::CountChildren:
        request.op = CallOp::CountChildren;
        break;
    case K::Inspect:
        request.op = CallOp::Inspect;
        break;
    case K::Behaviour:
        request.op = CallOp::Behaviour;
        request.function = action.function;
        request.args = action.args;
        break;
    case K::Kill:
    case K::Exit:
    case K::Crash:
        break;
    }
    return request;
}

} // namespace

Action Action::signal(Kind kind, std::string path, Reason reason) {
    Action a;
    a.kind = kind;
    a.target = std::move(path);
    a.reason = std::move(reason);
    return a;
}

Action Action::onChild(Kind kind, std::string sup, std::string id) {
    Action a;
    a.kind = kind;
    a.target = std::move(sup);
    a.childId = std::move(id);
    return a;
}

Action Action::startChild(std::string sup, NodePtr node) {
    Action a;
    a.kind = Kind::StartChild;
    a.target = std::move(sup);
    a.childId = node ? node->id : std::string();
    a.node = std::move(node);
    return a;
}

Action Action::query(Kind kind, std::string path) {
    Action a;
    a.kind = kind;
    a.target = std::move(path);
    return a;
}

const char* Action::opName() const {
    switch (kind) {
    case Kind::Kill:
        return "kill";
    case Kind::Exit:
        return "exit";
    case Kind::Crash:
        return "crash";
    case Kind::StartChild:
        return "start_child";
    case Kind::TerminateChild:
        return "terminate_child";
    case Kind::RestartChild:
        return "restart_child";
    case Kind::DeleteChild:
        return "delete_child";
    case Kind::WhichChildren:
        return "which_children";
    case Kind::CountChildren:
        return "count_children";
    case Kind::Inspect:
        return "inspect";
    case Kind::Behaviour:
        return "call";
    }
    return "?";
}

std::string Action::subject() const {
    if (!isChildApi(kind)) return target;
    return childPath(target, kind == Kind::StartChild && node ? node->id : childId);
}

ActionResult runAction(EngineCore& engine, const Action& action) {
    ActionResult result;
    result.target = engine.runtime().whereis(action.target);
    result.targetFound = result.target != kNoPid;
    if (!result.targetFound) {
        result.call = CallResult::failure(CallError::NotFound);
        return result;
    }
    Port& port = engine.port();
    if (action.isSignal()) {
        const Reason reason = action.kind == Action::Kind::Kill ? Reason::kill() : action.reason;
        std::string detail = action.kind == Action::Kind::Crash  ? "crash"
                             : action.kind == Action::Kind::Kill ? "exit signal kill"
                                                                 : "exit signal";
        if (action.origin != "script") detail += " (from " + action.origin + ")";
        engine.events().emit(EventKind::Inject, action.target, result.target, reason.format(),
                             detail);
        if (action.kind == Action::Kind::Crash)
            port.send(result.target, CrashMsg{reason});
        else
            port.sendExit(result.target, reason);
        return result;
    }
    CallRequest request = requestFor(action, engine);
    if (action.reportAsScriptError) {
        request.reportOp = action.opName();
        request.reportSubject = action.subject();
        // A static supervisor's failed start_child prints OTP's {Reason, ChildRecord}.
        request.reportStartTerm =
            action.kind == Action::Kind::StartChild &&
            dynamic_cast<const SupervisorProcess*>(engine.runtime().find(result.target).get());
    }
    const std::int64_t deadline =
        action.timeoutMs < 0 ? -1 : engine.runtime().nowUs() + action.timeoutMs * 1000;
    result.call = port.call(result.target, std::move(request), deadline);
    return result;
}

} // namespace suplab
