#include "CliCommands.h"

#include "events/EventFormat.h"
#include "io/AtomicFile.h"
#include "run/Engine.h"
#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"

#include <charconv>
#include <optional>
#include <ostream>

namespace suplab {

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  suplab-cli run SCENARIO.json [--clock virtual|real] [--trace conformance|jsonl|csv]\n"
    "                               [--out FILE] [--seed N]\n"
    "  suplab-cli validate SCENARIO.json\n"
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
            auto clock = clockFromString(*v);
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

int validate(const std::vector<std::string>& args, std::ostream& err) {
    if (args.size() != 2) return usageError(err, "validate: expected exactly one scenario file");
    std::optional<Scenario> scenario;
    return load(args[1], err, scenario);
}

} // namespace

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
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
    return usageError(err, "unknown command \"" + command + "\"");
}

} // namespace suplab
