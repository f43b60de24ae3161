#pragma once
// Resilience analysis: for every process of a tree, what one crash of it takes down,
// how fast it must crash before its supervisor gives up and how far up that goes,
// which crash loops bring the root down, and where a worker's dependencies (`uses`)
// and its supervisor's strategy disagree. Every figure is read off runs of the engine
// on the virtual clock (analysis/TrialTree.h); a formula only says where to start
// looking. docs/analysis.md defines each figure.

#include "scenario/Scenario.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace suplab {

/// What one fault did to the tree.
struct FaultOutcome {
    bool tried = false;                 // false: not a fault this process can take
    std::vector<std::string> restarted; // went down and were running again at the end
    std::vector<std::string> stopped;   // went down and stayed down
    /// How long some process of the tree was not running; none when one never came back.
    std::optional<double> downtimeMs;
    bool rootDown = false;
    /// Every path that went down: restarted, then stopped.
    std::vector<std::string> radius() const;
};

/// A dependency (`uses`) that the tree's order or strategy does not honour.
struct Finding {
    std::string kind;        // "uses_later_sibling" | "stale_dependency"
    std::string path;        // the worker that crashes
    std::string uses;        // the dependency it calls
    std::string text;        // what happens, in one sentence
    std::string fix;         // the change that avoids it, in words
    bool fixChecked = false; // a run of the changed tree showed the crash gone
    std::vector<std::string> paths() const { return {path, uses}; }
};

struct ProcessAnalysis {
    std::string path;
    bool supervisor = false;
    FaultOutcome crash; // its own code exits with boom (workers only)
    FaultOutcome kill;  // exit(pid, :kill)
    /// The smallest steady rate of crashes (kills, for a supervisor), per second, at
    /// which its supervisor gives up; 0: one is enough; none: it never does.
    std::optional<double> givesUpAt;
    std::optional<std::int64_t> givesUpPeriodMs; // the same, as the period that was run
    /// The highest supervisor that goes down at that rate (the root: the application stops).
    std::optional<std::string> escalatesTo;
    bool loopStopsRoot = false; // its crash loop alone brings the root down
    std::vector<Finding> findings;
};

struct AnalysisOptions {
    int pairs = 50;       // pairs are sought among this many most critical processes
    unsigned threads = 0; // 0: one per core
    /// A new engine and tree for every trial instead of one rested tree per thread:
    /// slower, the same report (the tests check that reuse changes nothing).
    bool freshEachTrial = false;
    /// Called as the work goes, from any thread: done of total trials' groups.
    std::function<void(int done, int total)> progress;
    /// Set from another thread to stop early: the report then says "cancelled".
    const std::atomic<bool>* cancel = nullptr;
};

struct AnalysisReport {
    std::string name;
    std::vector<std::string> assumptions;          // what an import had to assume, first
    std::vector<std::string> notes;                // caveats on the figures (init_ms 0, ...)
    std::string error;                             // the tree did not start: nothing else is set
    std::vector<ProcessAnalysis> processes;        // tree order
    std::vector<std::vector<std::string>> cutSets; // singletons, then pairs
    std::vector<std::string> pairCandidates;       // the processes pairs were sought among
    std::vector<std::string> weakest;              // paths, weakest first (see docs/analysis.md)
    std::int64_t trials = 0;
    std::int64_t treeStarts = 0;
    double seconds = 0;
    unsigned threads = 1;

    const ProcessAnalysis* find(const std::string& path) const;
};

AnalysisReport analyze(const Scenario& scenario, const AnalysisOptions& options = {});

} // namespace suplab
