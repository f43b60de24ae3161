#pragma once
// Where a command's tree comes from: a scenario file, an Elixir file, or a mix
// project's folder (both read by the importer).

#include "elixir/ElixirImporter.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace suplab {

/// Imports FILE.ex or a mix project's folder; on failure says why on `err` and
/// returns nothing.
std::optional<ImportResult> importSource(const std::string& file, std::ostream& err);

struct TreeSource {
    Scenario scenario;
    /// What an import could not read or had to assume, as FILE:LINE lines.
    std::vector<std::string> importLines;
};

/// SCENARIO.json, FILE.ex(s) or a folder; on failure says why on `err` and returns nothing.
std::optional<TreeSource> readTreeSource(const std::string& file, std::ostream& err);

} // namespace suplab
