#pragma once
// One node of a supervision tree as its supervisor needs it: OTP's child spec
// (id, restart, shutdown, significant), a supervisor's flags and children, and a
// worker's behaviour and timings. Immutable once built; shared by pointer between
// the scenario, the supervisors' child records and the GUI.

#include "base/EnumNames.h"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace suplab {

enum class NodeType : unsigned char { Worker, Supervisor, DynamicSupervisor };
enum class RestartType : unsigned char { Permanent, Transient, Temporary };
enum class Strategy : unsigned char { OneForOne, OneForAll, RestForOne };
enum class AutoShutdown : unsigned char { Never, AnySignificant, AllSignificant };

struct ShutdownSpec {
    enum class Kind : unsigned char { BrutalKill, Timeout, Infinity };
    Kind kind = Kind::Timeout;
    std::int64_t ms = 5000; // only for Timeout

    static ShutdownSpec brutalKill() { return {Kind::BrutalKill, 0}; }
    static ShutdownSpec infinity() { return {Kind::Infinity, 0}; }
    static ShutdownSpec timeout(std::int64_t ms) { return {Kind::Timeout, ms}; }
    std::string format() const;
    friend bool operator==(const ShutdownSpec&, const ShutdownSpec&) = default;
};

/// Beyond OTP, opt-in (lanes only): wait before each restart, doubling from
/// `baseMs` up to `maxMs` while a child keeps crashing, with +-`jitter` randomness
/// (as Akka's backoff supervisor, systemd's RestartSec or CrashLoopBackOff do).
struct BackoffSpec {
    std::int64_t baseMs = 0; // 0: off, restart at once as OTP does
    std::int64_t maxMs = 0;
    double jitter = 0; // 0..1
    bool enabled() const { return baseMs > 0; }
};

struct NodeSpec;
using NodePtr = std::shared_ptr<const NodeSpec>;

struct NodeSpec {
    std::string id;
    NodeType type = NodeType::Worker;
    RestartType restart = RestartType::Permanent;
    ShutdownSpec shutdown;
    bool significant = false;
    /// SupLab only: what a person should know about this node, shown with it (the
    /// importer says here that a child starts only under a condition, or stands for
    /// children computed at run time).
    std::string note;

    // supervisor and dynamic_supervisor
    Strategy strategy = Strategy::OneForOne;
    int max_restarts = 3;
    int max_seconds = 5;
    AutoShutdown auto_shutdown = AutoShutdown::Never;
    std::int64_t max_children = -1; // -1: infinity (dynamic only)
    std::vector<NodePtr> children;
    BackoffSpec backoff; // not in scenario files: set by a comparison lane

    // What a start attempt (counted from 1 per path, over the whole run) does. The
    // scenario format has these keys on workers; through the C++ API a supervisor
    // has them too (its init/1 fails, or returns ignore, before any child starts).
    std::int64_t fail_starts = 0;
    std::vector<std::int64_t> fail_attempts;
    std::vector<std::int64_t> ignore_attempts; // the start returns `ignore`: no process
    /// C++ API only: a start answers {ok, Pid, Info} with this Info (empty: {ok, Pid}).
    std::string start_info;

    // worker
    bool trap_exit = false;
    std::int64_t init_ms = 0;
    std::int64_t stop_ms = 0;
    std::string behaviour = "generic";
    std::string args_json = "null"; // the behaviour's argument, as JSON text
    std::vector<std::string> uses;
    std::int64_t call_ms = 100;
    std::int64_t mtbf_ms = 0; // 0: no random failures

    std::string source_json; // the node as written in the file (for OTP-style reports)

    bool isSupervisor() const { return type != NodeType::Worker; }

    enum class Attempt : unsigned char { Start, Fail, Ignore };
    /// What start attempt number `attempt` (from 1) does: a failure wins over an ignore.
    Attempt startAttempt(std::int64_t attempt) const;

    /// A worker with defaults, for tests and the GUI's "start child" form.
    static NodePtr worker(std::string id, RestartType restart = RestartType::Permanent);
};

/// The names the scenario format gives each enum's values (docs/scenario-format.md):
/// toString writes them, fromString (base/EnumNames.h) reads them.
const char* toString(NodeType);
const char* toString(RestartType);
const char* toString(Strategy);
const char* toString(AutoShutdown);

template <> constexpr auto allOf<NodeType>() {
    return std::array{NodeType::Worker, NodeType::Supervisor, NodeType::DynamicSupervisor};
}
template <> constexpr auto allOf<RestartType>() {
    return std::array{RestartType::Permanent, RestartType::Transient, RestartType::Temporary};
}
template <> constexpr auto allOf<Strategy>() {
    return std::array{Strategy::OneForOne, Strategy::OneForAll, Strategy::RestForOne};
}
template <> constexpr auto allOf<AutoShutdown>() {
    return std::array{AutoShutdown::Never, AutoShutdown::AnySignificant,
                      AutoShutdown::AllSignificant};
}

} // namespace suplab
