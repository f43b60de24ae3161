#pragma once
// Time <-> pixel arithmetic for the timelines, and the ticks worth labelling on
// them, as plain structs (tested apart).

#include <cstdint>

namespace suplab {

struct TimeAxis {
    std::int64_t startUs = 0;
    std::int64_t endUs = 10'000'000;
    double left = 0;
    double width = 100;

    double toX(std::int64_t tUs) const {
        if (endUs <= startUs) return left;
        return left + width * double(tUs - startUs) / double(endUs - startUs);
    }
    std::int64_t toTime(double x) const {
        if (width <= 0) return startUs;
        return startUs + std::int64_t((x - left) / width * double(endUs - startUs));
    }
    /// A window `spanUs` wide that ends at `nowUs` (or starts at 0 until then).
    static TimeAxis following(std::int64_t nowUs, std::int64_t spanUs, double left, double width) {
        const std::int64_t end = nowUs > spanUs ? nowUs : spanUs;
        return TimeAxis{end - spanUs, end, left, width};
    }
};

/// Evenly spaced round times: `count` ticks at firstUs, firstUs + stepUs, ...
struct Ticks {
    std::int64_t firstUs = 0;
    std::int64_t stepUs = 1'000'000;
    int count = 0;

    std::int64_t at(int i) const { return firstUs + stepUs * i; }
    /// Decimals a label in seconds needs so that neighbouring ticks read differently.
    int decimals() const {
        return stepUs >= 1'000'000 ? 0 : stepUs >= 100'000 ? 1 : stepUs >= 10'000 ? 2 : 3;
    }
};

/// The ticks inside [startUs, endUs]: the smallest step of 1, 2 or 5 times a power of ten
/// (1 ms at least) that puts at most `maxTicks` of them there, each a multiple of the step.
Ticks niceTicks(std::int64_t startUs, std::int64_t endUs, int maxTicks);

} // namespace suplab
