#pragma once
// Runs some work in a child process of its own (fork) and hands back the text it
// produced: for a measurement that must not see what this process did before or
// leave anything behind for what it does next (docs/benchmarks.md's bytes_per_worker runs
// in a fresh address space, and the memory it takes does not warm the slab pool
// for the timed workloads).

#include <functional>
#include <optional>
#include <string>

namespace suplab {

/// The text `work` returned in a forked child, or nullopt when there is no child
/// to be had here (fork failed, or the child did not end normally). Call it only
/// while this process runs no other threads of its own: the child has only the
/// calling thread, and a lock another thread held at the fork would stay held.
std::optional<std::string> runInOwnProcess(const std::function<std::string()>& work);

} // namespace suplab
