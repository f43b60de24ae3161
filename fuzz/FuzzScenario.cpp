#include "FuzzScenario.h"

#include "run/ScenarioPlayer.h"
#include "scenario/ScenarioLoader.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace suplab {

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzzScenarioInput: %s\n", what);
    std::abort();
}

struct Budget {
    int nodes = 0;
    bool ok = true;
};

/// Keeps a played run short: a valid scenario may legally ask for hours of
/// virtual time with a failure every millisecond, which is not a bug to find.
void measure(const NodeSpec& node, Budget& budget) {
    if (++budget.nodes > 64) budget.ok = false;
    if (node.init_ms > 1000 || node.stop_ms > 1000) budget.ok = false;
    if (node.mtbf_ms > 0 && node.mtbf_ms < 50) budget.ok = false;
    if (node.fail_starts > 50 || node.max_restarts > 50) budget.ok = false;
    if (node.shutdown.kind == ShutdownSpec::Kind::Timeout && node.shutdown.ms > 5000)
        budget.ok = false;
    for (const auto& child : node.children)
        measure(*child, budget);
}

bool quickToPlay(const Scenario& s) {
    if (s.script.size() > 64 || s.settle_ms > 10'000) return false;
    Budget budget;
    measure(*s.root, budget);
    for (const auto& step : s.script) {
        if (step.at_ms > 10'000) return false;
        if (step.child) measure(*step.child, budget);
    }
    return budget.ok;
}

} // namespace

int fuzzScenarioInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const LoadResult loaded = loadScenarioText(text, "fuzz");
    if (loaded.ok() != loaded.errors.empty()) fail("ok() disagrees with the error list");
    if (!loaded.ok()) return 0;
    if (!quickToPlay(*loaded.scenario)) return 0;
    const std::vector<Event> events = playScenario(*loaded.scenario, ClockKind::Virtual);
    for (std::size_t i = 0; i < events.size(); ++i)
        if (events[i].seq != i + 1) fail("the event log has a gap in seq");
    return 0;
}

} // namespace suplab
