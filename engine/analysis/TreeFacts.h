#pragma once
// What the analysis needs to know of a tree's shape: each path's spec, its
// supervisor, and its ancestors, for the static children and a dynamic supervisor's
// initial ones alike.

#include "scenario/Scenario.h"

#include <map>
#include <string>
#include <vector>

namespace suplab {

class TreeFacts {
  public:
    explicit TreeFacts(const Scenario& scenario);

    const std::string& rootPath() const { return root_; }
    /// nullptr for a path that is not in the tree as written.
    const NodeSpec* spec(const std::string& path) const;
    /// The supervisor's path; empty for the root.
    static std::string parentOf(const std::string& path);
    /// From the parent up to the root.
    static std::vector<std::string> ancestorsOf(const std::string& path);
    /// How long a steady fault or a crash loop at `path` is kept up: two of each
    /// intensity window above it, so that a give-up that comes at all comes in it.
    std::int64_t sustainUs(const std::string& path) const;

  private:
    void add(const NodePtr& node, const std::string& path);
    std::string root_;
    std::map<std::string, const NodeSpec*> specs_;
    NodePtr keep_;
};

} // namespace suplab
