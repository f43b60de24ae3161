#include "NodeSpec.h"

#include <algorithm>

namespace suplab {

std::string ShutdownSpec::format() const {
    switch (kind) {
    case Kind::BrutalKill:
        return "brutal_kill";
    case Kind::Infinity:
        return "infinity";
    case Kind::Timeout:
        return std::to_string(ms);
    }
    return {};
}

NodeSpec::Attempt NodeSpec::startAttempt(std::int64_t attempt) const {
    if (attempt <= fail_starts ||
        std::find(fail_attempts.begin(), fail_attempts.end(), attempt) != fail_attempts.end())
        return Attempt::Fail;
    if (std::find(ignore_attempts.begin(), ignore_attempts.end(), attempt) != ignore_attempts.end())
        return Attempt::Ignore;
    return Attempt::Start;
}

NodePtr NodeSpec::worker(std::string id, RestartType restart) {
    auto node = std::make_shared<NodeSpec>();
    node->id = std::move(id);
    node->restart = restart;
    return node;
}

const char* toString(NodeType t) {
    switch (t) {
    case NodeType::Worker:
        return "worker";
    case NodeType::Supervisor:
        return "supervisor";
    case NodeType::DynamicSupervisor:
        return "dynamic_supervisor";
    }
    return "?";
}

const char* toString(RestartType r) {
    switch (r) {
    case RestartType::Permanent:
        return "permanent";
    case RestartType::Transient:
        return "transient";
    case RestartType::Temporary:
        return "temporary";
    }
    return "?";
}

const char* toString(Strategy s) {
    switch (s) {
    case Strategy::OneForOne:
        return "one_for_one";
    case Strategy::OneForAll:
        return "one_for_all";
    case Strategy::RestForOne:
        return "rest_for_one";
    }
    return "?";
}

const char* toString(AutoShutdown a) {
    switch (a) {
    case AutoShutdown::Never:
        return "never";
    case AutoShutdown::AnySignificant:
        return "any_significant";
    case AutoShutdown::AllSignificant:
        return "all_significant";
    }
    return "?";
}

} // namespace suplab
