#include "TimeAxis.h"

#include <algorithm>

namespace suplab {

namespace {

// Integer division rounding towards -inf and +inf (a window may start before zero).
std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    return a / b - (a % b != 0 && a < 0);
}
std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return a / b + (a % b != 0 && a > 0);
}

} // namespace

Ticks niceTicks(std::int64_t startUs, std::int64_t endUs, int maxTicks) {
    if (endUs < startUs || maxTicks < 1) return Ticks{startUs, 1'000'000, 0};
    // 1, 2, 5 ms, 10, 20, 50 ms, ...: the first that leaves few enough ticks. Integer
    // microseconds throughout, so a tick is exactly a whole second, never 4.8 or 9.7.
    static constexpr std::int64_t kMantissa[] = {1, 2, 5};
    static constexpr std::int64_t kLastDecade = 100'000'000'000'000'000; // no overflow below
    Ticks ticks;
    for (std::int64_t decade = 1000; decade <= kLastDecade; decade *= 10) {
        for (const std::int64_t m : kMantissa) {
            const std::int64_t step = m * decade;
            const std::int64_t first = ceilDiv(startUs, step);
            const std::int64_t count = floorDiv(endUs, step) - first + 1;
            ticks = Ticks{first * step, step, int(std::clamp<std::int64_t>(count, 0, 1'000'000))};
            if (count <= maxTicks) return ticks;
        }
    }
    return ticks;
}

} // namespace suplab
