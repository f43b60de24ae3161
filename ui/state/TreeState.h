#pragma once
// What the GUI knows of the tree, rebuilt from the scenario and the event stream
// only (never by reading engine internals): every process by path, its state,
// pid, restarts and last exit reason, and each supervisor's restart budget.

#include "events/Event.h"
#include "scenario/Scenario.h"
#include "supervision/RestartIntensity.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace suplab {

enum class ProcessState : unsigned char { Starting, Running, Stopping, Down, Restarting, Removed };
const char* toString(ProcessState state);

struct ProcessNode {
    std::string path;
    std::string id;
    std::string parent;                // empty for the root
    std::vector<std::string> children; // in start order
    NodePtr spec;
    ProcessState state = ProcessState::Starting;
    Pid pid = kNoPid;
    int restarts = 0;
    std::string lastReason;
    std::int64_t upSinceUs = -1;
    std::int64_t lastChangeUs = 0; // for flashes and animations
    bool crashed = false;          // its last down was not asked for by its supervisor
    bool bystander = false;        // last restarted as a bystander of a group restart
    bool gaveUp = false;           // supervisor: exceeded its intensity
    bool dynamic = false;          // started through a dynamic supervisor

    bool isSupervisor() const { return spec && spec->isSupervisor(); }
};

class TreeState {
  public:
    explicit TreeState(const Scenario& scenario);

    /// The spec of a child that will be started through the API at `path`.
    void expectChild(const std::string& path, NodePtr spec) { expected_[path] = std::move(spec); }

    /// Applies one event; returns the path whose node changed (empty if none).
    std::string apply(const Event& event);

    const ProcessNode* find(const std::string& path) const;
    const ProcessNode& root() const { return nodes_.at(rootPath_); }
    const std::string& rootPath() const { return rootPath_; }
    const std::map<std::string, ProcessNode>& nodes() const { return nodes_; }

    /// Restarts that count against `supervisor`'s intensity at `nowUs`, and its limit.
    std::pair<int, int> budget(const std::string& supervisor, std::int64_t nowUs) const;
    /// One life of a process: up at `fromUs`, down at `toUs` (-1: still up).
    struct Span {
        std::int64_t fromUs;
        std::int64_t toUs;
        std::string reason;
    };
    /// Every life of every process, oldest first (for the timeline).
    const std::map<std::string, std::vector<Span>>& spans() const { return spans_; }
    /// Processes in tree order (root first, children in start order).
    std::vector<std::string> treeOrder() const;

    /// Every counted restart of each supervisor, in µs (for the charts).
    const std::map<std::string, std::vector<std::int64_t>>& restartTimes() const {
        return restartTimes_;
    }

  private:
    void addStatic(const NodePtr& spec, const std::string& parent);
    ProcessNode& ensure(const std::string& path);

    std::string rootPath_;
    std::map<std::string, ProcessNode> nodes_;
    std::map<std::string, RestartIntensity> intensity_;
    std::map<std::string, std::vector<std::int64_t>> restartTimes_;
    std::map<std::string, NodePtr> expected_;
    std::map<std::string, std::vector<Span>> spans_;
};

} // namespace suplab
