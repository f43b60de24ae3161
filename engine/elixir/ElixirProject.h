#pragma once
// A Mix project on disk, read for the importer: the application module mix.exs names
// (`mod: {MyApp.Application, []}`) and the sources under lib/. An umbrella project
// (`apps_path:` in mix.exs) gives its apps' sources, and the first app that names an
// application. Tests, deps and build output are left out: they are not the tree.

#include "elixir/ElixirImporter.h"

#include <optional>
#include <string>
#include <vector>

namespace suplab {

struct ElixirProject {
    std::string folder;              // as given
    std::string application;         // the module mix.exs names, or empty
    std::vector<ElixirSource> files; // paths relative to the folder
    std::vector<ImportNote> leftOut; // what was not read, and why, by file
};

struct ElixirProjectRead {
    std::optional<ElixirProject> project;
    std::string error; // why there is no project: the folder and what is wrong
};

/// Reads the project in `folder`.
ElixirProjectRead readElixirProject(const std::string& folder);

/// The module a mix.exs names in its `application/0` as `mod: {Module, args}`, or empty.
std::string applicationOfMixFile(std::string_view mixExs);

/// Imports the project (see importElixirProject); what was left out reading it comes first
/// in the notes.
ImportResult importElixirProject(const ElixirProject& project);

} // namespace suplab
