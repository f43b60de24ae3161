#include "FuzzElixir.h"

#include "elixir/ElixirImporter.h"
#include "elixir/ElixirSkeleton.h"
#include "export/TreeDiagram.h"
#include "scenario/ScenarioLoader.h"
#include "scenario/ScenarioWriter.h"

#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace suplab {

namespace {
[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz_elixir: %s\n%s\n", what, detail.c_str());
    std::abort();
}

/// The tree without what SupLab plays of a worker (behaviour, args): a skeleton defines
/// each worker module itself, so the lesson's Counter imported from {Counter, 0} comes
/// back as a plain worker; the supervision it describes must come back whole.
NodePtr supervisionOf(const NodeSpec& n) {
    auto copy = std::make_shared<NodeSpec>(n);
    copy->behaviour = "generic";
    copy->args_json = "null";
    copy->note.clear(); // what the importer marked: the skeleton says it in comments
    copy->children.clear();
    for (const auto& c : n.children)
        copy->children.push_back(supervisionOf(*c));
    return copy;
}
} // namespace

int fuzzElixirInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view source(reinterpret_cast<const char*>(data), size);
    const ImportResult imported = importElixir(source, "fuzz.ex");
    for (const auto& note : imported.notes)
        if (note.message.empty()) fail("a note without a message", std::string(source));
    if (!imported.scenario) return 0;

    const std::string json = writeScenario(*imported.scenario);
    const LoadResult loaded = loadScenarioText(json, "imported.json");
    if (!loaded.ok()) fail("the importer made a scenario the loader refuses", json);
    (void)treeMermaid(*imported.scenario->root);
    (void)treeDot(*imported.scenario->root);

    const std::string skeleton = elixirSkeleton(*imported.scenario);
    const ImportResult back = importElixir(skeleton, "skeleton.ex");
    if (!back.scenario || !back.complete()) fail("a skeleton does not import back whole", skeleton);
    NodePtr rootBefore = supervisionOf(*imported.scenario->root);
    NodePtr rootAfter = supervisionOf(*back.scenario->root);
    if (!isElixirAlias(rootBefore->id)) {
        // A root named by no module (an EEx template's `<%= @app %>.Supervisor`): the
        // skeleton names its module after it as it can; the label alone may differ.
        auto a = std::make_shared<NodeSpec>(*rootBefore),
             b = std::make_shared<NodeSpec>(*rootAfter);
        a->id = b->id = "(root)";
        rootBefore = a;
        rootAfter = b;
    }
    const std::string before = writeNode(*rootBefore);
    const std::string after = writeNode(*rootAfter);
    if (after != before) fail("a skeleton imports back to another tree", before + "\n" + after);
    return 0;
}

} // namespace suplab
