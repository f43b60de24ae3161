#include "ChildFactory.h"

#include "supervision/DynamicSupervisorProcess.h"
#include "supervision/SupervisorProcess.h"
#include "workers/WorkerProcess.h"

namespace suplab {

std::shared_ptr<Process> makeProcess(Runtime& runtime, std::string path, NodePtr spec) {
    switch (spec->type) {
    case NodeType::Supervisor:
        return std::make_shared<SupervisorProcess>(runtime, std::move(path), std::move(spec));
    case NodeType::DynamicSupervisor:
        return std::make_shared<DynamicSupervisorProcess>(runtime, std::move(path),
                                                          std::move(spec));
    case NodeType::Worker:
        break;
    }
    return std::make_shared<WorkerProcess>(runtime, std::move(path), std::move(spec));
}

} // namespace suplab
