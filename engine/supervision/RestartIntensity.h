#pragma once
// OTP's restart intensity, to the letter (otp-semantics.md §6): one history per
// supervisor, stamps in whole seconds, a stamp counts while now - stamp <= period,
// and the supervisor gives up when more than max_restarts stamps count.

#include <cstdint>
#include <deque>

namespace suplab {

class RestartIntensity {
  public:
    RestartIntensity(int maxRestarts, int periodSeconds)
        : maxRestarts_(maxRestarts), period_(periodSeconds) {}

    /// Records a restart at `nowSeconds`; false when that exceeds the limit.
    bool record(std::int64_t nowSeconds);
    /// The stamps that still count at `nowSeconds` (for display; changes nothing).
    int countAt(std::int64_t nowSeconds) const;

    /// Right after record(): the stamps that count (record drops the others).
    int counted() const { return static_cast<int>(stamps_.size()); }
    int maxRestarts() const { return maxRestarts_; }
    /// New flags from a code change: the history is kept, as OTP's set_flags keeps it.
    void setLimits(int maxRestarts, int periodSeconds) {
        maxRestarts_ = maxRestarts;
        period_ = periodSeconds;
    }
    int period() const { return period_; }

  private:
    int maxRestarts_;
    int period_;
    std::deque<std::int64_t> stamps_; // newest first
};

} // namespace suplab
