#include "SeedSpread.h"

#include <algorithm>
#include <cmath>

namespace suplab {

double studentT975(int df) {
    // Exact to three decimals up to 30 degrees of freedom; beyond, the
    // Cornish-Fisher expansion around the normal quantile is closer than that.
    static constexpr double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                       2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                       2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                       2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
    if (df < 1) df = 1;
    if (df <= 30) return table[df - 1];
    const double z = 1.959964;
    const double n = df;
    return z + (z * z * z + z) / (4 * n) +
           (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * n * n);
}

std::optional<SeedSpread> spreadOf(const std::vector<double>& values, bool yesNo) {
    if (values.empty()) return std::nullopt;
    SeedSpread s;
    s.runs = int(values.size());
    double sum = 0;
    for (double v : values)
        sum += v;
    s.mean = sum / s.runs;
    s.min = *std::min_element(values.begin(), values.end());
    s.max = *std::max_element(values.begin(), values.end());
    double squares = 0;
    for (double v : values)
        squares += (v - s.mean) * (v - s.mean);
    s.sd = s.runs > 1 ? std::sqrt(squares / (s.runs - 1)) : 0;
    if (yesNo) {
        // Wilson's score interval: sound at 0 of 20 and 20 of 20, where mean ± t·sd is not.
        const double z = 1.959964, n = s.runs, p = s.mean;
        const double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
        s.low = std::max(0.0, centre - half);
        s.high = std::min(1.0, centre + half);
    } else if (s.runs > 1) {
        const double half = studentT975(s.runs - 1) * s.sd / std::sqrt(double(s.runs));
        s.low = s.mean - half;
        s.high = s.mean + half;
    }
    return s;
}

bool intervalAbove(const SeedSpread& a, const SeedSpread& b) {
    return a.low && b.high && *a.low > *b.high;
}

} // namespace suplab
