#pragma once
// A worker as the scenario describes it: a gen_server with an init that may take
// time or fail, a terminate step, optional exit trapping, dependencies it calls
// (`uses`) and random failures (`mtbf_ms`).

#include "process/ReactiveProcess.h"
#include "supervision/ChildApi.h"
#include "supervision/NodeSpec.h"
#include "workers/Behaviour.h"

#include <memory>
#include <optional>

namespace suplab {

class WorkerProcess final : public ReactiveProcess {
  public:
    WorkerProcess(Runtime& runtime, std::string path, NodePtr spec);

  protected:
    std::optional<Reason> start() override;
    bool accepts(const Message& message) const override;
    std::optional<Reason> react(Message message) override;

  private:
    /// gen_server's init/1 once init_ms has passed: the reason to fail with, or
    /// nothing when the worker is up (announced and acked to its parent).
    std::optional<Reason> init();
    /// One received message: the reason to stop with, or nothing to keep running.
    std::optional<Reason> handle(Message message);
    std::int64_t nextFailureDelayMs();
    CallResult handleCall(const CallRequest& request);
    Behaviour& behaviour() { return behaviour_ ? *behaviour_ : Behaviour::generic(); }

    NodePtr spec_;
    std::unique_ptr<Behaviour> behaviour_; // none: generic
    // What only a worker with `uses` or `mtbf_ms` needs, made at its init: most
    // workers have neither, and 100,000 idle ones are 40 bytes lighter each.
    struct Activity : slab::Allocated {
        /// `uses`, each looked up by path when the worker starts; one not running then
        /// (a later sibling, not started yet) is looked up at the first call instead.
        struct Dependency {
            std::string path;
            Pid pid = kNoPid;
        };
        std::vector<Dependency> dependencies;
        std::uint64_t rng = 0;
        Ref callTimer = 0;    // the next call to `uses` dependencies
        Ref failureTimer = 0; // the next random failure (mtbf_ms)
    };
    std::unique_ptr<Activity> activity_;
    Ref pause_ = 0; // init_ms or stop_ms running out
    enum class Phase : unsigned char { Initialising, Running, Stopping };
    Phase phase_ = Phase::Initialising;
    std::unique_ptr<Reason> stopReason_; // while Stopping
};

} // namespace suplab
