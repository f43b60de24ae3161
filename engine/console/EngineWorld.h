#pragma once
// The console's world on a real engine: names, nodes and actions through the engine's
// port. Use it from the thread that owns the port (the engine thread of the GUI, the
// main thread of suplab-cli).

#include "console/World.h"
#include "run/EngineCore.h"
#include "scenario/Scenario.h"

#include <functional>
#include <map>

namespace suplab::console {

class EngineWorld final : public World {
  public:
    /// `scenario`'s nodes tell what each process is; it must outlive this world.
    EngineWorld(EngineCore& engine, const Scenario& scenario);

    Pid self() override;
    Pid whereis(const std::string& name) override;
    Pid at(const std::string& path) override;
    bool alive(Pid pid) override;
    std::string pathOf(Pid pid) override;
    NodePtr nodeOf(Pid pid) override;
    ActionResult run(Action action) override;
    void sleep(std::int64_t ms) override;
    /// On the real clock a sleep is cut short once `cancelled` says so (the GUI's Reset
    /// must not wait for a Process.sleep).
    void setCancel(std::function<bool()> cancelled) { cancelled_ = std::move(cancelled); }
    void started(const std::string& supervisorPath, NodePtr node) override;
    TreeStart startTree() override;
    std::string rootId() override;

  private:
    void remember(const std::string& parentPath, const NodePtr& node);

    EngineCore& engine_;
    const Scenario& scenario_;
    std::map<std::string, NodePtr> nodes_; // by path
    std::function<bool()> cancelled_;
};

} // namespace suplab::console
