#pragma once
// Checks the soak's invariants on the event stream as it flows, in seq order, so
// that a ten-minute soak of tens of millions of events needs memory only for the
// live tree:
//
//  - seq has no gaps;
//  - every down of a child that must be restarted (permanent, or transient with an
//    abnormal reason) is followed by an up of the same path, or by a give_up or a
//    down of its supervisor (the restart is then no longer the supervisor's to make);
//  - a down is always of a process that was up.
//
// It also keeps the live processes by pid, which the soak compares with each
// supervisor's which_children/count_children once the tree is quiet.

#include "base/Pid.h"
#include "events/EventSink.h"
#include "scenario/Scenario.h"

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace suplab {

class SoakChecker final : public EventSink {
  public:
    /// `restartOf` gives the restart type of the child at a path (static children
    /// from the tree); paths it does not know are treated as temporary.
    explicit SoakChecker(std::function<RestartType(const std::string&)> restartOf);

    void onEvent(const Event& event) override;

    /// Downs still waiting for their restart: violations once the run has ended.
    std::vector<std::string> unresolvedRestarts() const;
    /// Violations seen so far (each a sentence naming the event).
    std::vector<std::string> violations() const;
    std::uint64_t eventsChecked() const;
    /// The live processes whose parent is `supervisorPath`, from the log.
    std::unordered_set<Pid> liveChildrenOf(const std::string& supervisorPath) const;
    std::size_t liveCount() const;
    /// The path of a live pid ("?" when it is not up).
    std::string pathOf(Pid pid) const;

    static std::string parentOf(const std::string& path);

  private:
    void violation(std::string what);
    void resolveChildrenOf(const std::string& supervisorPath);

    std::function<RestartType(const std::string&)> restartOf_;
    mutable std::mutex lock_;
    std::uint64_t lastSeq_ = 0;
    std::uint64_t checked_ = 0;
    std::unordered_map<Pid, std::string> live_; // pid -> path
    // supervisor path -> child path -> seq of the down that waits for a restart
    std::unordered_map<std::string, std::map<std::string, std::uint64_t>> pending_;
    std::vector<std::string> violations_;
    std::size_t droppedViolations_ = 0;
};

} // namespace suplab
