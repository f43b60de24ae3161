#pragma once
// Every metric a comparison reports, once: its column name, what it is in one
// sentence (the CLI's columns, the compare window's tooltips and the guide say the
// same), which way is better, and how to read it off a run's RunMetrics.

#include "compare/RunMetrics.h"

#include <optional>
#include <string>
#include <vector>

namespace suplab {

struct MetricInfo {
    enum class Better : signed char { Lower = -1, Neither = 0, Higher = 1 };
    const char* key;        // the CSV column and JSON field: "worker_availability"
    const char* title;      // a short heading: "Worker availability"
    const char* definition; // one sentence
    /// Which way a lane is better. Raw counts of restarts and bystanders have none: a
    /// lane whose root died early absorbed fewer faults and so restarted less; their
    /// per-landed-fault ratios compare.
    Better better;
    int decimals; // as printed; 0 for counts
    bool yesNo;   // 0 or 1 in every run: over seeds, a proportion
    std::optional<double> (*value)(const RunMetrics&);
};

/// In the order the CLI prints them.
const std::vector<MetricInfo>& metricCatalog();
/// The entry for `key`, or null.
const MetricInfo* metricInfo(const std::string& key);

} // namespace suplab
