#pragma once
// The scenario model (docs/scenario-format.md, format 1): a supervision tree and a script.
// Pure data, immutable once loaded.

#include "base/EnumNames.h"
#include "supervision/NodeSpec.h"
#include "term/Value.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suplab {

enum class StepAction : unsigned char {
    Kill,
    Exit,
    Crash,
    StartChild,
    TerminateChild,
    RestartChild,
    DeleteChild,
    Call, // SupLab only: a worker's own function, as the console calls it
};

struct ScriptStep {
    std::int64_t at_ms = 0;
    StepAction action = StepAction::Kill;
    std::string target;
    std::string reason = "boom"; // exit and crash
    NodePtr child;               // start_child
    std::string child_id;        // terminate/restart/delete_child (and start_child's id)
    std::string function;        // call: the worker's function (`increment`)
    std::vector<Value> args;     // call: its arguments, the worker itself left out
};

struct Scenario {
    std::string name;
    std::string description;
    NodePtr root;
    std::vector<ScriptStep> script; // sorted by at_ms, ties in file order
    std::int64_t settle_ms = 300;
    bool stop_at_end = true;
    std::uint64_t seed = 0;
};

/// The scenario format's name of each script action (toString), listed by allOf.
const char* toString(StepAction);

template <> constexpr auto allOf<StepAction>() {
    return std::array{StepAction::Kill,           StepAction::Exit,
                      StepAction::Crash,          StepAction::StartChild,
                      StepAction::TerminateChild, StepAction::RestartChild,
                      StepAction::DeleteChild,    StepAction::Call};
}

} // namespace suplab
