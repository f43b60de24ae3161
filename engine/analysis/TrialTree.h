#pragma once
// A scenario's tree, started once on the virtual clock, on which the analysis runs
// its trials one after another: a fault or a crash loop goes in, the tree is left
// until nothing more happens, and the trial's events come back. Between trials the
// clock moves past every supervisor's intensity window, so that no restart of one
// trial counts in the next; a trial that leaves the tree otherwise than it found it
// (a process stopped for good, the root down, a dynamic child lost) gets a freshly
// started tree. So each trial sees what a fresh tree would, and costs only its own
// events, not a start of the whole tree.

#include "events/Event.h"
#include "events/EventSink.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace suplab {

class EngineCore;

/// A fault the analysis aims at a process.
struct TrialFault {
    enum class Kind : unsigned char { Crash, Kill };
    std::string path;
    Kind kind = Kind::Crash;
};

/// What a trial does. It starts on a whole second, so that OTP's whole-second restart
/// stamps fall the same way in every trial.
struct TrialPlan {
    /// `steady` every `periodUs`, `count` times, from the trial's start.
    std::optional<TrialFault> steady;
    std::int64_t periodUs = 0;
    std::int64_t count = 0;
    /// Crash loops: each takes its fault at the trial's start and again as soon as it
    /// is up, until `loopUs` later.
    std::vector<TrialFault> loops;
    std::int64_t loopUs = 0;
    /// The faults stop once this supervisor gives up (the search only asks whether it does).
    std::string stopOnGiveUpOf;
    bool keepEvents = false; // return the trial's events (else only what is read off them)
};

struct TrialResult {
    std::vector<Event> events;            // from the trial's start to its end, when asked for
    std::vector<std::string> gaveUpPaths; // supervisors that gave up
    std::int64_t startUs = 0;
    std::int64_t endUs = 0;
    /// The paths that went down, in tree order (then in the order they went down).
    std::vector<std::string> wentDown;
    /// Of those, the ones not running at the end.
    std::vector<std::string> stillDown;
    /// How long at least one process of the tree was not running, from the first fault.
    std::int64_t downUs = 0;
    bool rootDown = false;
    bool gaveUp(const std::string& supervisor) const;
};

class TrialTree {
  public:
    /// `scenario`'s tree as the analysis runs it: no script, no random failures.
    /// `freshEachTrial`: a new engine and tree for every trial (slower: to check reuse).
    explicit TrialTree(const Scenario& scenario, bool freshEachTrial = false);
    ~TrialTree();
    TrialTree(const TrialTree&) = delete;
    TrialTree& operator=(const TrialTree&) = delete;

    /// Empty when the tree started; else why it did not.
    const std::string& startError() const { return startError_; }
    /// The paths running once the tree has started, in tree order.
    const std::vector<std::string>& baseline() const { return baseline_; }

    TrialResult run(const TrialPlan& plan);

    /// How many times the tree was started, and how many trials ran on it (for the
    /// report's cost line and the tests).
    int starts() const { return starts_; }
    int trials() const { return trials_; }

  private:
    class Watch;
    void build(); // a fresh engine, and the tree started on it
    void start(bool fromTimeZero);
    void restart(); // the tree stopped and started again on the same engine
    void settle();  // runs until nothing has happened for quietUs_
    void collectCallers(const NodePtr& node, const std::string& path);
    void rest();
    void inject(const std::string& path, TrialFault::Kind kind);

    Scenario scenario_;
    std::int64_t quietUs_ = 0;    // no event for this long: nothing more will happen
    std::int64_t restUs_ = 0;     // longer than every intensity window
    bool freshEachTrial_ = false; // start counters or call phases would carry over
    std::unique_ptr<EngineCore> engine_;
    std::unique_ptr<Watch> watch_;
    std::vector<std::string> baseline_;
    std::string startError_;
    int starts_ = 0;
    int trials_ = 0;
    bool used_ = false;                // a trial ran on the tree as it is
    bool endedWhole_ = true;           // the last trial left every process running
    std::vector<std::string> callers_; // workers with `uses`: they call on a beat
    bool callerRestarted_ = false;     // one of them went down in the last trial
    Pid rootPid_ = kNoPid;
};

/// The scenario as the analysis runs it: the tree, without the script and without
/// random failures (mtbf_ms), which would make a trial's outcome a matter of chance.
Scenario analysedScenario(const Scenario& scenario);

} // namespace suplab
