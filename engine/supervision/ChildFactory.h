#pragma once
// Builds the process a node describes: a worker, a supervisor or a dynamic supervisor.

#include "process/Process.h"
#include "supervision/NodeSpec.h"

#include <memory>

namespace suplab {

std::shared_ptr<Process> makeProcess(Runtime& runtime, std::string path, NodePtr spec);

/// The path of a child: its parent's path, '/', its id.
inline std::string childPath(const std::string& parent, const std::string& id) {
    std::string path; // built in place: `parent + "/" + id` makes two strings
    path.reserve(parent.size() + 1 + id.size());
    path.append(parent).append(1, '/').append(id);
    return path;
}

} // namespace suplab
