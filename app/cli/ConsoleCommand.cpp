#include "ConsoleCommand.h"

#include "FileText.h"
#include "console/EngineWorld.h"
#include "console/Evaluator.h"
#include "console/Transcript.h"
#include "elixir/ElixirImporter.h"
#include "run/EngineCore.h"
#include "scenario/ScenarioLoader.h"

#include <istream>
#include <optional>
#include <ostream>
#include <sstream>

namespace suplab {

namespace {

/// The lines to run: every `iex>` line of a pasted session, or every line.
std::vector<std::string> linesToRun(std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<std::string> lines;
    for (console::TranscriptLine& line : console::parseTranscript(text.str()))
        lines.push_back(std::move(line.input));
    return lines;
}

} // namespace

int consoleCommand(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
                   std::ostream& err) {
    std::string file, modulesFile;
    ClockKind clock = ClockKind::Virtual;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--clock" && i + 1 < args.size()) {
            auto c = fromString<ClockKind>(args[++i]);
            if (!c) {
                err << "suplab-cli: --clock: expected virtual or real, got \"" << args[i] << "\"\n";
                return 2;
            }
            clock = *c;
        } else if (args[i] == "--modules" && i + 1 < args.size()) {
            modulesFile = args[++i];
        } else if (file.empty() && !args[i].starts_with("--")) {
            file = args[i];
        } else {
            err << "suplab-cli: console: unexpected \"" << args[i] << "\"\n";
            return 2;
        }
    }
    if (file.empty()) {
        err << "suplab-cli: console: expected SCENARIO.json or FILE.ex\n";
        return 2;
    }
    // A .json opens as an example does, its tree up; an .ex is the lesson's way: its
    // modules are read, and the root's start_link line starts the tree.
    const bool elixirSource = file.ends_with(".ex") || file.ends_with(".exs");
    std::optional<Scenario> scenario;
    std::string modules;
    if (elixirSource) {
        const auto text = fileText(file);
        if (!text) {
            err << file << ": (file): expected a readable file, cannot open it\n";
            return 2;
        }
        ImportResult imported = importElixir(*text, file);
        for (const auto& line : imported.lines(file))
            err << line << "\n";
        if (!imported.scenario) {
            err << file << ": no supervisor found to run\n";
            return 2;
        }
        scenario = std::move(imported.scenario);
        modules = *text;
    } else {
        LoadResult loaded = loadScenarioFile(file);
        for (const auto& line : loaded.errors)
            err << line << "\n";
        if (!loaded.ok()) return 2;
        scenario = std::move(loaded.scenario);
    }
    if (!modulesFile.empty()) {
        const auto text = fileText(modulesFile);
        if (!text) {
            err << modulesFile << ": (file): expected a readable file, cannot open it\n";
            return 2;
        }
        modules += "\n" + *text;
    }

    EngineCore engine(clock, scenario->seed);
    console::EngineWorld world(engine, *scenario);
    if (!elixirSource) world.startTree();
    console::Evaluator evaluator(world);
    evaluator.defineModules(modules);
    bool failed = false;
    for (const std::string& line : linesToRun(in)) {
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        const console::Reply reply = evaluator.eval(line);
        out << reply.text << "\n";
        failed |= !reply.ok;
    }
    engine.shutdown();
    return failed ? 1 : 0;
}

} // namespace suplab
