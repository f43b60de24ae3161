#include "CliCommands.h"

#include "AnalyzeCommand.h"

#include "ConsoleCommand.h"
#include "FileText.h"
#include "ParseCommand.h"
#include "TreeSource.h"

#include "bench/BenchWorkloads.h"
#include "compare/Comparison.h"
#include "compare/MetricCatalog.h"
#include "elixir/ElixirImporter.h"
#include "elixir/ElixirProject.h"
#include "elixir/ElixirSkeleton.h"
#include "events/EventFormat.h"
#include "export/TreeDiagram.h"
#include "io/AtomicFile.h"
#include "run/EngineCore.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"
#include "soak/Soak.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <ostream>

namespace suplab {

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  suplab-cli run SCENARIO.json [--clock virtual|real] [--trace conformance|jsonl|csv]\n"
    "                               [--out FILE] [--seed N]\n"
    "  suplab-cli validate SCENARIO.json\n"
    "  suplab-cli compare SCENARIO.json --lane OVERRIDES [--lane OVERRIDES ...]\n"
    "                     [--chaos RATE --duration S] [--kinds kill,crash,exit] [--reason WORD]\n"
    "                     [--target SUBTREE] [--supervisors-too]\n"
    "                     [--seed N] [--seeds N [--per-seed FILE]] [--no-script]\n"
    "                     [--events DIR] [--format csv|json] [--out FILE]\n"
    "  suplab-cli compare --metrics      what each column of the comparison means\n"
    "      OVERRIDES: strategy=rest_for_one | max_restarts=N | max_seconds=N |\n"
    "                 PATH.strategy=... | PATH.restart=transient |\n"
    "                 backoff=BASE_MS:MAX_MS[:JITTER] (beyond OTP), comma-separated\n"
    "  suplab-cli bench [--quick] [--only WORKLOAD[,WORKLOAD...]] [--threads N] [--observed]\n"
    "                   [--scaling]\n"
    "      WORKLOAD: start | restart | one_for_all | dynamic_start | dynamic_shutdown | analyze\n"
    "  suplab-cli soak [--seconds S] [--rate FAULTS_PER_S] [--seed N] [--threads N]\n"
    "      a 1,000-process tree under injected faults; prints the invariant report,\n"
    "      exit status 1 if any invariant was violated\n"
    "  suplab-cli import FILE.ex|PROJECT_DIR [--to scenario|elixir|mermaid|dot] [--out FILE]\n"
    "      reads an Elixir supervisor (and its worker modules) into a scenario; what it\n"
    "      cannot read is listed as FILE:LINE on stderr, exit status 3 if anything was not read\n"
    "  suplab-cli export SCENARIO.json --to elixir|mermaid|dot [--out FILE]\n"
    "  suplab-cli analyze SCENARIO.json|FILE.ex|DIR [--format text|json|csv] [--pairs N]\n"
    "                     [--threads N] [--out FILE]\n"
    "      runs every process's crash, kill and crash loop on the virtual clock: what\n"
    "      each takes down, the crash rate at which its supervisor gives up, how far up\n"
    "      that goes, the crash loops that stop the root, and dependency findings\n"
    "  suplab-cli console SCENARIO.json|FILE.ex [--modules FILE.ex] [--clock virtual|real]\n"
    "      reads Elixir lines on stdin (a pasted iex transcript: its iex> lines) and prints\n"
    "      each result as iex does; a .ex file starts with the tree down (its start_link\n"
    "      starts it); exit status 1 if any line gave an error\n"
    "  suplab-cli parse FILE.ex|DIR... [--quiet]\n"
    "      lists every syntax error of Elixir files (every .ex/.exs under DIR) as\n"
    "      FILE:LINE: message (--quiet: the first of each file); exit status 3 if any\n"
    "  suplab-cli --help | --version\n";

int usageError(std::ostream& err, const std::string& message) {
    err << "suplab-cli: " << message << "\n" << kUsage;
    return 2;
}

struct RunOptions {
    std::string file;
    ClockKind clock = ClockKind::Virtual;
    std::string trace = "conformance";
    std::string out;
    std::optional<std::uint64_t> seed;
};

int load(const std::string& file, std::ostream& err, std::optional<Scenario>& scenario) {
    LoadResult result = loadScenarioFile(file);
    for (const auto& line : result.errors)
        err << line << "\n";
    if (!result.ok()) return 2;
    scenario = std::move(result.scenario);
    return 0;
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    RunOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* name) -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            (void)name;
            return args[++i];
        };
        if (a == "--clock") {
            auto v = value("--clock");
            if (!v) return usageError(err, "--clock needs a value: virtual or real");
            auto clock = fromString<ClockKind>(*v);
            if (!clock)
                return usageError(err, "--clock: expected virtual or real, got \"" + *v + "\"");
            options.clock = *clock;
        } else if (a == "--trace") {
            auto v = value("--trace");
            if (!v) return usageError(err, "--trace needs a value: conformance, jsonl or csv");
            if (*v != "conformance" && *v != "jsonl" && *v != "csv")
                return usageError(err, "--trace: expected conformance, jsonl or csv, got \"" + *v +
                                           "\"");
            options.trace = *v;
        } else if (a == "--out") {
            auto v = value("--out");
            if (!v || v->empty()) return usageError(err, "--out needs a file name");
            options.out = *v;
        } else if (a == "--seed") {
            auto v = value("--seed");
            std::uint64_t seed = 0;
            if (!v) return usageError(err, "--seed needs a value");
            auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), seed);
            if (ec != std::errc() || ptr != v->data() + v->size())
                return usageError(err,
                                  "--seed: expected a non-negative integer, got \"" + *v + "\"");
            options.seed = seed;
        } else if (!a.empty() && a[0] == '-') {
            return usageError(err, "run: unknown option " + a);
        } else if (options.file.empty()) {
            options.file = a;
        } else {
            return usageError(err, "run: one scenario file only, got also \"" + a + "\"");
        }
    }
    if (options.file.empty()) return usageError(err, "run: expected a scenario file");

    std::optional<Scenario> scenario;
    if (int status = load(options.file, err, scenario)) return status;
    if (options.seed) scenario->seed = *options.seed;

    const auto events = playScenario(*scenario, options.clock);
    std::string text;
    if (options.trace == "jsonl")
        text = jsonl(events);
    else if (options.trace == "csv")
        text = csv(events);
    else
        text = conformanceTrace(events);

    if (options.out.empty()) {
        out << text;
        out.flush();
        return out ? 0 : 1;
    }
    if (std::string problem = writeFileAtomically(options.out, text); !problem.empty()) {
        err << "suplab-cli: " << problem << "\n";
        return 1;
    }
    return 0;
}

int writeOut(const std::string& text, const std::string& file, std::ostream& out,
             std::ostream& err) {
    if (file.empty()) {
        out << text;
        out.flush();
        return out ? 0 : 1;
    }
    if (std::string problem = writeFileAtomically(file, text); !problem.empty()) {
        err << "suplab-cli: " << problem << "\n";
        return 1;
    }
    return 0;
}

std::optional<double> positiveNumber(const std::string& s) {
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used != s.size() || !(v > 0) || v > 1e9) return std::nullopt;
        return v;
    } catch (...) {
        return std::nullopt;
    }
}

int compare(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.size() == 2 && args[1] == "--metrics") { // what each column means
        for (const MetricInfo& info : metricCatalog())
            out << info.key << ": " << info.definition << "\n";
        return 0;
    }
    std::string file, format = "csv", outFile, target, kinds = "kill,crash", reason = "boom";
    std::string eventsDir, perSeedFile;
    bool supervisorsToo = false, withScript = true;
    std::vector<std::string> laneTexts;
    std::optional<double> rate;
    double duration = 10;
    std::optional<std::uint64_t> seed;
    std::uint64_t seeds = 0;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        if (a == "--supervisors-too") {
            supervisorsToo = true;
        } else if (a == "--no-script") {
            withScript = false;
        } else if (a == "--lane" || a == "--chaos" || a == "--duration" || a == "--seed" ||
                   a == "--seeds" || a == "--format" || a == "--out" || a == "--target" ||
                   a == "--kinds" || a == "--reason" || a == "--events" || a == "--per-seed") {
            auto v = value();
            if (!v) return usageError(err, a + " needs a value");
            if (a == "--lane")
                laneTexts.push_back(*v);
            else if (a == "--chaos") {
                rate = positiveNumber(*v);
                if (!rate)
                    return usageError(err,
                                      "--chaos: expected faults per second (a number > 0), got \"" +
                                          *v + "\"");
            } else if (a == "--duration") {
                auto d = positiveNumber(*v);
                if (!d)
                    return usageError(err, "--duration: expected seconds (a number > 0), got \"" +
                                               *v + "\"");
                duration = *d;
            } else if (a == "--seed" || a == "--seeds") {
                std::uint64_t n = 0;
                auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
                if (ec != std::errc() || p != v->data() + v->size() ||
                    (a == "--seeds" && (n == 0 || n > 100000)))
                    return usageError(err, a + ": expected " +
                                               (a == "--seeds" ? "a count from 1 to 100000"
                                                               : "a non-negative integer") +
                                               ", got \"" + *v + "\"");
                if (a == "--seed")
                    seed = n;
                else
                    seeds = n;
            } else if (a == "--format") {
                if (*v != "csv" && *v != "json")
                    return usageError(err, "--format: expected csv or json, got \"" + *v + "\"");
                format = *v;
            } else if (a == "--out")
                outFile = *v;
            else if (a == "--events")
                eventsDir = *v;
            else if (a == "--per-seed")
                perSeedFile = *v;
            else if (a == "--target")
                target = *v;
            else if (a == "--reason") {
                if (!Reason::isValidText(*v))
                    return usageError(
                        err,
                        "--reason: expected normal, shutdown, {shutdown,WORD} or a word, got \"" +
                            *v + "\"");
                reason = *v;
            } else
                kinds = *v;
        } else if (!a.empty() && a[0] == '-') {
            return usageError(err, "compare: unknown option " + a);
        } else if (file.empty()) {
            file = a;
        } else {
            return usageError(err, "compare: one scenario file only, got also \"" + a + "\"");
        }
    }
    if (file.empty()) return usageError(err, "compare: expected a scenario file");
    if (laneTexts.empty()) return usageError(err, "compare: expected at least one --lane");
    if (laneTexts.size() > 8) return usageError(err, "compare: at most 8 lanes");
    std::optional<Scenario> scenario;
    if (int status = load(file, err, scenario)) return status;

    std::vector<std::string> problems;
    std::vector<LaneSpec> lanes;
    for (const auto& t : laneTexts) {
        lanes.push_back(parseLane(t, problems));
        applyLane(*scenario, lanes.back(), problems);
    }
    std::optional<ChaosOptions> chaos;
    if (rate) {
        chaos = ChaosOptions{};
        chaos->ratePerSecond = *rate;
        chaos->durationSeconds = duration;
        chaos->subtree = target;
        chaos->crashReason = reason;
        chaos->workersOnly = !supervisorsToo;
        chaos->kinds.clear();
        std::size_t start = 0;
        while (start <= kinds.size()) {
            const auto comma = kinds.find(',', start);
            const std::string k =
                kinds.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            start = comma == std::string::npos ? kinds.size() + 1 : comma + 1;
            if (k == "kill")
                chaos->kinds.push_back(StepAction::Kill);
            else if (k == "crash")
                chaos->kinds.push_back(StepAction::Crash);
            else if (k == "exit")
                chaos->kinds.push_back(StepAction::Exit);
            else
                problems.push_back("--kinds: expected kill, crash or exit, got \"" + k + "\"");
        }
        if (chaosTargets(*scenario->root, *chaos).empty())
            problems.push_back("--target: expected a path with workers below it in " + file +
                               ", got \"" + target + "\"");
    } else if (seeds > 0) {
        problems.push_back("--seeds: only meaningful with --chaos");
    }
    if (!perSeedFile.empty() && seeds == 0)
        problems.push_back("--per-seed: only meaningful with --seeds");
    if (!withScript && !chaos)
        problems.push_back("--no-script: only meaningful with --chaos (nothing would happen)");
    if (!eventsDir.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(eventsDir, ec);
        if (ec || !std::filesystem::is_directory(eventsDir))
            problems.push_back("--events: cannot make the folder " + eventsDir + ": " +
                               (ec ? ec.message() : std::string("a file is in the way")));
    }
    for (const auto& p : problems)
        err << "suplab-cli: " << p << "\n";
    if (!problems.empty()) return 2;

    CompareOptions options;
    options.chaos = chaos;
    options.withScript = withScript;
    options.keepEvents = !eventsDir.empty();
    // Each lane's events as JSON Lines, the records its metrics were read from.
    auto writeEvents = [&](const std::vector<LaneResult>& results,
                           std::optional<std::uint64_t> ofSeed) {
        for (std::size_t i = 0; i < results.size(); ++i) {
            const std::string path =
                (std::filesystem::path(eventsDir) / laneLogName(i, results[i].label, ofSeed))
                    .string();
            if (std::string problem = writeFileAtomically(path, jsonl(results[i].events));
                !problem.empty()) {
                err << "suplab-cli: " << problem << "\n";
                return false;
            }
        }
        return true;
    };
    const Scenario played = playedScenario(*scenario, options);
    const auto notes = comparisonNotes(played);
    for (const auto& note : notes)
        err << "suplab-cli: note: " << note << "\n";

    const std::uint64_t base = seed.value_or(scenario->seed);
    if (seeds == 0) {
        if (options.chaos) options.chaos->seed = base;
        scenario->seed = base;
        const auto results = compareLanes(*scenario, lanes, options);
        if (options.keepEvents && !writeEvents(results, std::nullopt)) return 1;
        return writeOut(format == "json" ? comparisonJson(results, notes) : comparisonCsv(results),
                        outFile, out, err);
    }
    std::vector<SeedRun> runs;
    for (std::uint64_t k = 0; k < seeds; ++k) {
        options.chaos->seed = base + k;
        scenario->seed = base + k;
        runs.push_back({base + k, compareLanes(*scenario, lanes, options)});
        if (options.keepEvents) {
            if (!writeEvents(runs.back().lanes, base + k)) return 1;
            for (auto& lane : runs.back().lanes)
                lane.events = {}; // written: 20 seeds of logs need not stay in memory
        }
    }
    if (!perSeedFile.empty())
        if (std::string problem = writeFileAtomically(perSeedFile, perSeedCsv(runs));
            !problem.empty()) {
            err << "suplab-cli: " << problem << "\n";
            return 1;
        }
    const auto dist = distribute(runs);
    return writeOut(format == "json" ? distributionJson(dist, runs, notes) : distributionCsv(dist),
                    outFile, out, err);
}

/// `--to FORMAT` and `--out FILE` after the input file (import and export).
struct ConvertOptions {
    std::string file;
    std::string to;
    std::string out;
};

int convertOptions(const std::vector<std::string>& args, const std::string& command,
                   const std::vector<std::string>& formats, ConvertOptions& o, std::ostream& err) {
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--to" || a == "--out") {
            if (i + 1 >= args.size()) return usageError(err, command + ": " + a + " needs a value");
            (a == "--to" ? o.to : o.out) = args[++i];
        } else if (a.rfind("--", 0) == 0) {
            return usageError(err, command + ": unknown option " + a);
        } else if (o.file.empty()) {
            o.file = a;
        } else {
            return usageError(err, command + ": one file only, got also \"" + a + "\"");
        }
    }
    if (o.file.empty()) return usageError(err, command + ": expected a file");
    if (o.to.empty()) o.to = formats.front();
    if (std::find(formats.begin(), formats.end(), o.to) == formats.end()) {
        std::string list;
        for (const auto& f : formats)
            list += (list.empty() ? "" : ", ") + f;
        return usageError(err, command + ": --to: expected " + list + ", got \"" + o.to + "\"");
    }
    return 0;
}

std::string convert(const Scenario& scenario, const std::string& to) {
    if (to == "elixir") return elixirSkeleton(scenario);
    if (to == "mermaid") return treeMermaid(*scenario.root);
    if (to == "dot") return treeDot(*scenario.root);
    return writeScenario(scenario);
}

int importCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ConvertOptions o;
    if (int s = convertOptions(args, "import", {"scenario", "elixir", "mermaid", "dot"}, o, err))
        return s;
    std::optional<ImportResult> imported = importSource(o.file, err);
    if (!imported) return 2;
    const ImportResult& result = *imported;
    for (const auto& line : result.lines(o.file))
        err << line << "\n";
    if (!result.scenario) return 2;
    if (int s = writeOut(convert(*result.scenario, o.to), o.out, out, err)) return s;
    return result.complete() ? 0 : 3;
}

int exportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    ConvertOptions o;
    if (int s = convertOptions(args, "export", {"elixir", "mermaid", "dot"}, o, err)) return s;
    std::optional<Scenario> scenario;
    if (int status = load(o.file, err, scenario)) return status;
    return writeOut(convert(*scenario, o.to), o.out, out, err);
}

int validate(const std::vector<std::string>& args, std::ostream& err) {
    if (args.size() != 2) return usageError(err, "validate: expected exactly one scenario file");
    std::optional<Scenario> scenario;
    return load(args[1], err, scenario);
}

int soak(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    SoakOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a != "--seconds" && a != "--rate" && a != "--seed" && a != "--threads")
            return usageError(err, "soak: unknown option " + a);
        if (i + 1 >= args.size()) return usageError(err, "soak: " + a + " needs a value");
        const std::string& v = args[++i];
        if (a == "--seconds" || a == "--rate") {
            auto n = positiveNumber(v);
            if (!n)
                return usageError(err, "soak: " + a + ": expected a number > 0, got \"" + v + "\"");
            (a == "--seconds" ? options.seconds : options.faultsPerSecond) = *n;
            continue;
        }
        std::uint64_t n = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
        if (ec != std::errc() || p != v.data() + v.size() ||
            (a == "--threads" && (n == 0 || n > 256)))
            return usageError(
                err, "soak: " + a + ": expected " +
                         (a == "--threads" ? "a count from 1 to 256" : "a non-negative integer") +
                         ", got \"" + v + "\"");
        if (a == "--seed")
            options.seed = n;
        else
            options.threads = unsigned(n);
    }
    const SoakReport report = runSoak(options);
    out << report.json() << "\n";
    return report.clean() && out ? 0 : 1;
}

int bench(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    BenchOptions options;
    bool scaling = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--quick") {
            options.quick = true;
        } else if (a == "--scaling") {
            scaling = true;
        } else if (a == "--observed") {
            options.observed = true;
        } else if (a == "--only" || a == "--threads") {
            if (i + 1 >= args.size()) return usageError(err, "bench: " + a + " needs a value");
            const std::string& v = args[++i];
            if (a == "--threads") {
                unsigned n = 0;
                auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
                if (ec != std::errc() || p != v.data() + v.size() || n == 0 || n > 256)
                    return usageError(
                        err, "bench: --threads: expected a count from 1 to 256, got \"" + v + "\"");
                options.threads = n;
                continue;
            }
            std::size_t from = 0;
            for (;;) {
                const std::size_t comma = v.find(',', from);
                const std::string name = v.substr(from, comma - from);
                const auto& names = benchWorkloadNames();
                if (std::find(names.begin(), names.end(), name) == names.end())
                    return usageError(err, "bench: --only: unknown workload \"" + name + "\"");
                options.only.push_back(name);
                if (comma == std::string::npos) break;
                from = comma + 1;
            }
        } else {
            return usageError(err, "bench: unknown option " + a);
        }
    }
    if (scaling && (options.quick || options.observed || !options.only.empty()))
        return usageError(err, "bench: --scaling runs its own sizes; it takes only --threads");
    out << (scaling ? runScalingBench(options.threads) : runBench(options)) << "\n";
    return out ? 0 : 1;
}

} // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    return runCli(args, std::cin, out, err);
}

int runCli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
           std::ostream& err) {
    if (args.empty()) return usageError(err, "expected a command");
    const std::string& command = args[0];
    if (command == "--help" || command == "-h" || command == "help") {
        out << "suplab-cli: plays SupLab scenarios headless.\n" << kUsage;
        return 0;
    }
    if (command == "--version") {
        out << "suplab-cli " << SUPLAB_VERSION << "\n";
        return 0;
    }
    if (command == "run") return run(args, out, err);
    if (command == "validate") return validate(args, err);
    if (command == "compare") return compare(args, out, err);
    if (command == "bench") return bench(args, out, err);
    if (command == "soak") return soak(args, out, err);
    if (command == "import") return importCommand(args, out, err);
    if (command == "export") return exportCommand(args, out, err);
    if (command == "console") return consoleCommand(args, in, out, err);
    if (command == "parse") return parseCommand(args, out, err);
    if (command == "analyze") return analyzeCommand(args, out, err);
    return usageError(err, "unknown command \"" + command + "\"");
}

} // namespace suplab
