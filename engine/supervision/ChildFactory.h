#pragma once
// Builds the process a node describes: a worker, a supervisor or a dynamic supervisor.

#include "core/Process.h"
#include "scenario/Scenario.h"

#include <memory>

namespace suplab {

std::shared_ptr<Process> makeProcess(Runtime& runtime, std::string path, NodePtr spec);

/// The path of a child: its parent's path, '/', its id.
inline std::string childPath(const std::string& parent, const std::string& id) {
    return parent + "/" + id;
}

} // namespace suplab
