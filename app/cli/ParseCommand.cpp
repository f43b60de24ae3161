#include "ParseCommand.h"

#include "FileText.h"

#include "elixir/ElixirTerm.h"

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace suplab {

namespace {

bool isElixir(const std::filesystem::path& p) {
    return p.extension() == ".ex" || p.extension() == ".exs";
}

} // namespace

int parseCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    namespace fs = std::filesystem;
    bool quiet = false;
    std::vector<fs::path> files;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--quiet") {
            quiet = true;
            continue;
        }
        std::error_code ec;
        if (fs::is_directory(args[i], ec)) {
            std::vector<fs::path> found;
            for (auto it = fs::recursive_directory_iterator(args[i], ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec) && isElixir(it->path())) found.push_back(it->path());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::is_regular_file(args[i], ec)) {
            files.emplace_back(args[i]);
        } else {
            err << args[i] << ": (file): expected a readable file or folder, cannot open it\n";
            return 2;
        }
    }
    if (files.empty()) {
        err << "suplab-cli: parse: expected FILE.ex or a folder holding .ex/.exs files\n";
        return 2;
    }
    std::size_t bad = 0;
    for (const fs::path& file : files) {
        const std::optional<std::string> text = fileText(file.string());
        if (!text) {
            ++bad;
            out << file.string() << ": (file): expected a readable file, cannot open it\n";
            continue;
        }
        const elixir::ParseResult parsed = elixir::parse(*text);
        if (parsed.errors.empty()) continue;
        ++bad;
        for (const auto& [line, message] : parsed.errors) {
            out << file.string() << ":" << line << ": " << message << "\n";
            if (quiet) break; // the first error of each file only
        }
    }
    err << files.size() - bad << " of " << files.size() << " files read with no syntax error\n";
    return bad ? 3 : 0;
}

} // namespace suplab
