#include "ElixirProject.h"

#include "elixir/ElixirTerm.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace suplab {

namespace fs = std::filesystem;
using elixir::Term;
using Kind = Term::Kind;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 4u << 20; // an Elixir source is far smaller
constexpr std::size_t kMaxFiles = 20'000;

/// A note on what reading the folder left out, about `file`.
ImportNote leftOut(const std::string& file, std::string message) {
    return {0, ImportNote::Kind::Assumed, std::move(message), file};
}

std::optional<std::string> readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// The keyword list a function of the mix.exs module ends with (`def application do [...]`).
const Term* keywordsOf(const std::vector<Term>& statements, const std::string& function) {
    for (const Term& s : statements) {
        if (s.is(Kind::Call, "defmodule")) {
            if (const Term* found = keywordsOf(s.body, function)) return found;
            continue;
        }
        if (!(s.is(Kind::Call, "def") || s.is(Kind::Call, "defp")) || s.items.empty()) continue;
        const Term& head = s.items[0];
        if (head.text != function || !head.items.empty()) continue;
        const Term* body = nullptr;
        if (s.hasBlock && !s.body.empty())
            body = &s.body.back();
        else if (head.hasBlock && !head.body.empty())
            body = &head.body.back();
        else if (s.items.size() > 1)
            body = s.items.back().find("do");
        if (body && body->kind == Kind::List) return body;
    }
    return nullptr;
}

/// The sources under `dir` (lib/ of a project), with paths relative to `base`.
void collectSources(const fs::path& dir, const fs::path& base, ElixirProject& project) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(
             dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory(ec)) {
            const std::string name = it->path().filename().string();
            if (name == "deps" || name == "_build" || name == "test" || name.starts_with('.'))
                it.disable_recursion_pending(); // dependencies, build output, tests
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        const std::string ext = it->path().extension().string();
        if (ext == ".ex") found.push_back(it->path());
    }
    std::sort(found.begin(), found.end()); // the same order on every machine
    for (const fs::path& file : found) {
        const std::string shown = fs::relative(file, base, ec).generic_string();
        if (project.files.size() >= kMaxFiles) {
            project.leftOut.push_back(
                leftOut(shown, "not read (more than " + std::to_string(kMaxFiles) + " files)"));
            continue;
        }
        if (fs::file_size(file, ec) > kMaxFileBytes) {
            project.leftOut.push_back(leftOut(shown, "not read (larger than 4 MiB)"));
            continue;
        }
        if (auto text = readText(file))
            project.files.push_back({shown, std::move(*text)});
        else
            project.leftOut.push_back(leftOut(shown, "cannot read it"));
    }
}

} // namespace

std::string applicationOfMixFile(std::string_view mixExs) {
    const elixir::ParseResult parsed = elixir::parse(mixExs);
    const Term* app = keywordsOf(parsed.statements, "application");
    const Term* mod = app ? app->find("mod") : nullptr;
    if (mod && mod->kind == Kind::Tuple && !mod->items.empty() && mod->items[0].kind == Kind::Alias)
        return mod->items[0].text;
    if (mod && mod->kind == Kind::Alias) return mod->text; // mod: MyApp.Application
    return {};
}

ElixirProjectRead readElixirProject(const std::string& folder) {
    ElixirProjectRead out;
    std::error_code ec;
    const fs::path root(folder);
    if (!fs::is_directory(root, ec)) {
        out.error = folder + ": not a folder";
        return out;
    }
    ElixirProject project;
    project.folder = folder;
    const auto mix = readText(root / "mix.exs");
    if (!mix) { // a folder of sources: all of them, the top supervisor as for one file
        collectSources(root, root, project);
        project.leftOut.insert(project.leftOut.begin(),
                               leftOut("mix.exs", "none in this folder: every .ex file under it "
                                                  "is read"));
        if (project.files.empty()) {
            out.error = folder + ": no mix.exs and no .ex file here";
            return out;
        }
        out.project = std::move(project);
        return out;
    }
    project.application = applicationOfMixFile(*mix);
    collectSources(root / "lib", root, project);

    // An umbrella: its apps, each a project of its own under apps/.
    const elixir::ParseResult parsed = elixir::parse(*mix);
    const Term* settings = keywordsOf(parsed.statements, "project");
    const Term* appsPath = settings ? settings->find("apps_path") : nullptr;
    if (appsPath && appsPath->kind == Kind::String) {
        std::vector<fs::path> apps;
        for (const auto& entry : fs::directory_iterator(root / appsPath->text, ec))
            if (entry.is_directory(ec) && fs::exists(entry.path() / "mix.exs", ec))
                apps.push_back(entry.path());
        std::sort(apps.begin(), apps.end());
        std::vector<std::string> others;
        for (const fs::path& app : apps) {
            collectSources(app / "lib", root, project);
            const auto appMix = readText(app / "mix.exs");
            const std::string named = appMix ? applicationOfMixFile(*appMix) : std::string();
            if (named.empty()) continue;
            if (project.application.empty())
                project.application = named;
            else
                others.push_back(named + " (" + fs::relative(app, root, ec).generic_string() + ")");
        }
        if (!others.empty()) {
            std::string list;
            for (const auto& o : others)
                list += (list.empty() ? "" : ", ") + o;
            project.leftOut.push_back(
                leftOut("mix.exs", "an umbrella: the tree starts from " + project.application +
                                       "; the other applications start their own trees: " + list +
                                       " (import an app's folder to see its tree)"));
        }
    }
    if (project.files.empty()) {
        out.error = folder + ": no .ex file under lib/";
        std::vector<std::string> inner; // a repository of several projects (nx, exla, ...)
        for (const auto& entry : fs::directory_iterator(root, ec))
            if (entry.is_directory(ec) && fs::exists(entry.path() / "mix.exs", ec))
                inner.push_back(entry.path().filename().string());
        std::sort(inner.begin(), inner.end());
        for (std::size_t i = 0; i < inner.size(); ++i)
            out.error += (i ? ", " : " (Mix projects in its folders: ") + inner[i];
        if (!inner.empty()) out.error += ")";
        return out;
    }
    out.project = std::move(project);
    return out;
}

ImportResult importElixirProject(const ElixirProject& project) {
    ImportResult result = importElixirProject(project.files, project.application, project.folder);
    result.notes.insert(result.notes.begin(), project.leftOut.begin(), project.leftOut.end());
    return result;
}

} // namespace suplab
