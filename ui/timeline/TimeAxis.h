#pragma once
// Time <-> pixel arithmetic for the timelines, as a plain struct (tested apart).

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

} // namespace suplab
