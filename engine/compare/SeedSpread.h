#pragma once
// How one metric spreads over the runs of several seeds: mean, standard deviation,
// extremes and a 95 % interval for the mean, so that a lane is called better only
// where the intervals say so.

#include <optional>
#include <vector>

namespace suplab {

struct SeedSpread {
    int runs = 0; // runs that gave the metric a value
    double mean = 0;
    double sd = 0; // sample standard deviation (n - 1); 0 for one run
    double min = 0;
    double max = 0;
    /// The 95 % interval of the mean: Student's t for a measure, Wilson's score for a
    /// yes/no share. None for a single run of a measure.
    std::optional<double> low, high;
};

/// None when `values` is empty. `yesNo`: every value is 0 or 1.
std::optional<SeedSpread> spreadOf(const std::vector<double>& values, bool yesNo);

/// The two-sided 95 % quantile of Student's t with `df` degrees of freedom (df >= 1).
double studentT975(int df);

/// True when `a`'s interval lies wholly above `b`'s.
bool intervalAbove(const SeedSpread& a, const SeedSpread& b);

} // namespace suplab
