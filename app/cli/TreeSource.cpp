#include "TreeSource.h"

#include "FileText.h"
#include "elixir/ElixirProject.h"
#include "scenario/ScenarioLoader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <ostream>

namespace suplab {

std::optional<ImportResult> importSource(const std::string& file, std::ostream& err) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        const ElixirProjectRead read = readElixirProject(file);
        if (!read.project) {
            err << read.error << "\n";
            return std::nullopt;
        }
        return importElixirProject(*read.project);
    }
    const std::optional<std::string> text = fileText(file);
    if (!text) {
        err << file << ": cannot read it (" << std::strerror(errno) << ")\n";
        return std::nullopt;
    }
    return importElixir(*text, file);
}

std::optional<TreeSource> readTreeSource(const std::string& file, std::ostream& err) {
    std::error_code ec;
    const bool elixir =
        std::filesystem::is_directory(file, ec) || file.ends_with(".ex") || file.ends_with(".exs");
    if (!elixir) {
        LoadResult loaded = loadScenarioFile(file);
        for (const auto& line : loaded.errors)
            err << line << "\n";
        if (!loaded.ok()) return std::nullopt;
        return TreeSource{std::move(*loaded.scenario), {}};
    }
    std::optional<ImportResult> imported = importSource(file, err);
    if (!imported) return std::nullopt;
    if (!imported->scenario) {
        for (const auto& line : imported->lines(file))
            err << line << "\n";
        err << file << ": no supervision tree found in it\n";
        return std::nullopt;
    }
    return TreeSource{std::move(*imported->scenario), imported->lines(file)};
}

} // namespace suplab
