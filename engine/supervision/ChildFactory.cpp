#include "ChildFactory.h"

#include "base/SlabPool.h"

#include "supervision/DynamicSupervisorProcess.h"
#include "supervision/SupervisorProcess.h"
#include "workers/WorkerProcess.h"

namespace suplab {

std::shared_ptr<Process> makeProcess(Runtime& runtime, std::string path, NodePtr spec) {
    switch (spec->type) {
    case NodeType::Supervisor:
        return std::allocate_shared<SupervisorProcess>(slab::Allocator<SupervisorProcess>(),
                                                       runtime, std::move(path), std::move(spec));
    case NodeType::DynamicSupervisor:
        return std::allocate_shared<DynamicSupervisorProcess>(
            slab::Allocator<DynamicSupervisorProcess>(), runtime, std::move(path), std::move(spec));
    case NodeType::Worker:
        break;
    }
    return std::allocate_shared<WorkerProcess>(slab::Allocator<WorkerProcess>(), runtime,
                                               std::move(path), std::move(spec));
}

} // namespace suplab
