#pragma once
// A scenario back as Elixir: one module per supervisor (`use Supervisor` with its
// children and options) and per worker (`use GenServer` with its restart and
// shutdown), ready to fill in. Importing the skeleton gives the same tree again.

#include "scenario/Scenario.h"

#include <string>

namespace suplab {

std::string elixirSkeleton(const Scenario& scenario);

/// Whether `id` is an Elixir alias (`MyApp.Supervisor`), which a skeleton writes as it is.
bool isElixirAlias(const std::string& id);

} // namespace suplab
