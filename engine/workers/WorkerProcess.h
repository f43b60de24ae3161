#pragma once
// A worker as the scenario describes it: a gen_server with an init that may take
// time or fail, a terminate step, optional exit trapping, dependencies it calls
// (`uses`) and random failures (`mtbf_ms`).

#include "core/Process.h"
#include "scenario/Scenario.h"
#include "workers/Behaviour.h"

#include <memory>

namespace suplab {

class WorkerProcess final : public Process {
  public:
    WorkerProcess(Runtime& runtime, std::string path, NodePtr spec);

  protected:
    Task<Reason> body() override;

  private:
    /// gen_server's terminate/2: takes stop_ms, then the process exits with `reason`.
    Task<Reason> terminate(Reason reason);
    bool startShouldFail(std::int64_t attempt) const;
    std::int64_t nextFailureDelayMs();
    CallResult handleCall(const CallRequest& request);

    NodePtr spec_;
    std::unique_ptr<Behaviour> behaviour_;
    std::vector<Pid> dependencies_;
    std::uint64_t rng_ = 0;
};

} // namespace suplab
