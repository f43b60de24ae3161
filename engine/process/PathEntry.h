#pragma once
// What the runtime knows about one path of the tree: who runs there now and how
// many starts it has seen. Entries live as long as the runtime (their number is
// bounded by the tree's distinct paths), so a process keeps a pointer to its own
// and hashes its path once, not at every registration.

#include "base/Pid.h"

#include <atomic>
#include <cstdint>
#include <string>

namespace suplab {

/// Atomic, so that registering, unregistering and counting a start take no lock:
/// only finding an entry by its path does.
struct PathEntry {
    std::atomic<Pid> pid{kNoPid};          // the process registered there (kNoPid: none)
    std::atomic<std::int64_t> attempts{0}; // start attempts over the whole run
    const std::string* path = nullptr;     // the registry's own copy (its key)
};

} // namespace suplab
