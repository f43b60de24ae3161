#pragma once
// Virtual time paced to the wall clock: it advances by the wall time that passed
// times the speed, and not at all while paused. Plain arithmetic, tested apart.

#include <algorithm>
#include <cstdint>

namespace suplab {

class PacedClock {
  public:
    /// Advances by `wallElapsedUs` of wall time; returns the new virtual time.
    std::int64_t tick(double wallElapsedUs, double speed, bool paused) {
        if (!paused && wallElapsedUs > 0 && speed > 0) {
            carryUs_ += wallElapsedUs * speed;
            const auto whole = static_cast<std::int64_t>(carryUs_);
            nowUs_ += whole;
            carryUs_ -= double(whole);
        }
        return nowUs_;
    }
    /// Moves the clock forward to `tUs` (a step, or work that took virtual time).
    void catchUp(std::int64_t tUs) { nowUs_ = std::max(nowUs_, tUs); }
    std::int64_t nowUs() const { return nowUs_; }

  private:
    std::int64_t nowUs_ = 0;
    double carryUs_ = 0; // fractions of a µs, so slow speeds do not stall
};

} // namespace suplab
