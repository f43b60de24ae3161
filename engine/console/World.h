#pragma once
// The running tree as the console sees it: who is registered under a name, what a
// process is, and the one way to act on it (run/Action.h). EngineWorld is the real
// one; a test may bring its own.

#include "run/Action.h"
#include "scenario/Scenario.h"

#include <string>

namespace suplab::console {

class World {
  public:
    virtual ~World() = default;
    /// The console's own process (what `self()` returns).
    virtual Pid self() = 0;
    /// The process registered as `name` (a module's name, `Counter`), or kNoPid.
    virtual Pid whereis(const std::string& name) = 0;
    /// The process at `path` now, or kNoPid.
    virtual Pid at(const std::string& path) = 0;
    virtual bool alive(Pid pid) = 0;
    /// Where `pid` lives in the tree, or empty when it is not a process of the tree.
    virtual std::string pathOf(Pid pid) = 0;
    /// The node `pid` was started from, or nullptr.
    virtual NodePtr nodeOf(Pid pid) = 0;
    virtual ActionResult run(Action action) = 0;
    /// Lets `ms` milliseconds pass on the run's clock.
    virtual void sleep(std::int64_t ms) = 0;
    /// Starts the scenario's tree if it is not running (the root's `start_link`): the
    /// root's pid, and whether it was running already; kNoPid when it failed to start.
    struct TreeStart {
        Pid pid = kNoPid;
        bool alreadyStarted = false;
    };
    virtual TreeStart startTree() = 0;
    /// The root's id: the module whose `start_link` starts the tree.
    virtual std::string rootId() = 0;
    /// A start_child gave `node` to the supervisor at `supervisorPath`: remember it.
    virtual void started(const std::string& supervisorPath, NodePtr node) = 0;
};

} // namespace suplab::console
