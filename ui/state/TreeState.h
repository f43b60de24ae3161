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
#include <set>
#include <string>
#include <vector>

namespace suplab {

enum class ProcessState : unsigned char {
    NotStarted, // its tree has not been started yet (a lesson before its start_link)
    Starting,
    Running,
    Stopping,
    Down,
    Restarting,
    Removed
};
const char* toString(ProcessState state);

struct ProcessNode {
    std::string path;
    std::string id;
    std::string parent;                         // empty for the root
    std::vector<std::string> children;          // in start order
    std::vector<const ProcessNode*> childNodes; // the same, without a lookup each
    NodePtr spec;
    ProcessState state = ProcessState::Starting;
    Pid pid = kNoPid;
    int restarts = 0;
    std::string lastReason;
    std::int64_t upSinceUs = -1;
    std::int64_t lastChangeUs = 0; // for flashes and animations
    bool crashed = false;          // its last down was not asked for by its supervisor
    bool bystander = false;        // last restarted as a bystander of a group restart
    std::int64_t gaveUpAtUs = -1;  // supervisor: when it last exceeded its intensity; kept
                                   // through its parent's restart until dismissed
    bool dynamic = false;          // started through a dynamic supervisor

    bool isSupervisor() const { return spec && spec->isSupervisor(); }
};

class TreeState {
  public:
    /// `treeUp` false: the run begins with nothing started, every process "not started".
    explicit TreeState(const Scenario& scenario, bool treeUp = true);

    /// The spec of a child that will be started through the API at `path`.
    void expectChild(const std::string& path, NodePtr spec) { expected_[path] = std::move(spec); }

    /// Applies one event; returns the path whose node changed (empty if none).
    std::string apply(const Event& event);
    /// The paths changed since the last call, each once (what a view must redraw).
    std::vector<std::string> takeChanged();
    /// Marks `path` changed for the views (its live text or its mark changed).
    void touch(const std::string& path);

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

    /// Counts up whenever a process appears or leaves the tree (is removed or comes back):
    /// what the canvas lays out again for; any other change is redrawn in place.
    std::uint64_t structureVersion() const { return structureVersion_; }

    /// Forgets the "gave up" mark of `path` (the user has seen it); true if it had one.
    bool dismissGiveUp(const std::string& path);
    /// The supervisors that gave up and whose mark is still shown, by time.
    std::vector<std::pair<std::int64_t, std::string>> giveUps() const;

    /// A subtree's counts, for a folded box: processes under `path` (itself excluded),
    /// how many of them are workers, not running, and their restarts.
    struct Summary {
        int processes = 0;
        int workers = 0;
        int supervisors = 0;
        int notRunning = 0;
        int restarts = 0;
        int gaveUp = 0;
    };
    Summary summarize(const std::string& path) const;

  private:
    void addStatic(const NodePtr& spec, const std::string& parent);
    ProcessNode& ensure(const std::string& path);

    ProcessState initial_ = ProcessState::Starting; // of every static process, until it runs
    std::string rootPath_;
    std::map<std::string, ProcessNode> nodes_;
    std::map<std::string, RestartIntensity> intensity_;
    std::uint64_t structureVersion_ = 0;
    std::vector<std::string> changed_;
    std::set<std::string> changedSet_;
    std::map<std::string, NodePtr> expected_;
    std::map<std::string, std::vector<Span>> spans_;
};

} // namespace suplab
