#pragma once
// A supervision tree under test, driven the way supervisor_SUITE drives one: start
// it, call its API, send exit signals, let virtual time pass.

#include "events/EventLog.h"
#include "run/EngineCore.h"
#include "scenario/Scenario.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace suplab::test {

/// Builds nodes tersely: sup("S", Strategy::OneForAll, {w("a"), w("b")}).
std::shared_ptr<NodeSpec> w(std::string id, RestartType restart = RestartType::Permanent);
std::shared_ptr<NodeSpec> sup(std::string id, Strategy strategy,
                              std::vector<std::shared_ptr<NodeSpec>> children, int maxRestarts = 3,
                              int maxSeconds = 5);
std::shared_ptr<NodeSpec> dynsup(std::string id, int maxRestarts = 3, int maxChildren = -1);

class Tree {
  public:
    explicit Tree(NodePtr root, ClockKind clock = ClockKind::Virtual, unsigned threads = 0);
    ~Tree();

    bool started() const { return root_ != kNoPid; }
    /// The root's init returned ignore (start_link gave `ignore`: no process).
    bool ignored() const { return ignored_; }
    Reason startReason() const { return startReason_; }
    Pid root() const { return root_; }
    /// What runs at `path` now, or kNoPid (a query: absence is no failure).
    Pid pid(const std::string& path) { return engine_->runtime().whereis(path); }
    /// What runs at `path` now; nothing there fails the test (a typo must not pass).
    Pid running(const std::string& path);
    bool alive(Pid p) { return engine_->runtime().isAlive(p); }

    // Every helper below that aims at a path fails the test when nothing runs
    // there: a step sent to no one would otherwise pass silently.
    CallResult call(const std::string& supPath, CallRequest request);
    CallResult startChild(const std::string& supPath, NodePtr spec);
    CallResult terminateChild(const std::string& supPath, const std::string& id);
    CallResult restartChild(const std::string& supPath, const std::string& id);
    CallResult deleteChild(const std::string& supPath, const std::string& id);
    /// get_childspec by id (a static supervisor) or, for a dynamic one, by the pid at supPath/id.
    CallResult getChildSpec(const std::string& supPath, const std::string& id);
    /// sys:change_code with `next` as init/1's new answer (nullptr: it returned ignore).
    CallResult changeCode(const std::string& supPath, NodePtr next);
    std::vector<ChildInfo> whichChildren(const std::string& supPath);
    ChildCounts countChildren(const std::string& supPath);
    /// which_children as `id:state` words, newest first: "b:running a:undefined".
    std::string childrenText(const std::string& supPath);

    void kill(const std::string& path) { exit(path, Reason::kill()); }
    void exit(const std::string& path, Reason reason);
    void crash(const std::string& path, Reason reason);
    /// Lets `ms` milliseconds pass (virtual: instantly).
    void wait(std::int64_t ms);
    /// Lets the run go on, a millisecond of its clock at a time, until `condition`
    /// holds: true then, false when `timeoutMs` of the run's clock passed first.
    bool waitUntil(const std::function<bool()>& condition, std::int64_t timeoutMs = 10000);
    /// Stops the root as its parent would (exit signal shutdown) and waits for it.
    std::optional<Reason> stop();
    /// The conformance trace so far.
    std::string trace() const;
    std::vector<Event> events() const { return log_.snapshot(); }
    EngineCore& engine() { return *engine_; }

  private:
    std::unique_ptr<EngineCore> engine_;
    EventLog log_;
    Pid root_ = kNoPid;
    Reason startReason_;
    bool ignored_ = false;
};

} // namespace suplab::test
