#pragma once
// The analysis's trials spread over worker threads: each thread has its own
// TrialTree (its own engine on the virtual clock), and takes the next item of work
// as it finishes one. Trials are independent, so the report does not depend on which
// thread ran what.

#include "analysis/TrialTree.h"

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace suplab {

class TrialPool {
  public:
    /// threads: 0 for one per core.
    TrialPool(const Scenario& scenario, unsigned threads, bool freshEachTrial = false);
    ~TrialPool();

    unsigned threads() const { return unsigned(trees_.size()); }
    /// Empty when the tree started; else why it did not.
    const std::string& startError() const { return trees_.front()->startError(); }
    const std::vector<std::string>& baseline() const { return trees_.front()->baseline(); }

    /// Calls work(tree, i) for every i < count, on every thread; returns when all are
    /// done, or, once `cancel` is set, when the items already begun are.
    void forEach(std::size_t count, const std::function<void(TrialTree&, std::size_t)>& work,
                 const std::atomic<bool>* cancel = nullptr);

    std::int64_t trials() const;
    std::int64_t starts() const;

  private:
    const Scenario& scenario_;
    bool freshEachTrial_;
    std::vector<std::unique_ptr<TrialTree>> trees_; // [0] made at once, the rest on first use
};

} // namespace suplab
