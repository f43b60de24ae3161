#include "RestartIntensity.h"

namespace suplab {

bool RestartIntensity::record(std::int64_t nowSeconds) {
    // Old entries go only when a new one comes (nothing expires on its own, §6.3).
    while (!stamps_.empty() && stamps_.back() < nowSeconds - period_)
        stamps_.pop_back();
    stamps_.push_front(nowSeconds);
    return static_cast<std::int64_t>(stamps_.size()) <= maxRestarts_;
}

int RestartIntensity::countAt(std::int64_t nowSeconds) const {
    int n = 0;
    for (auto stamp : stamps_)
        if (stamp >= nowSeconds - period_) ++n;
    return n;
}

} // namespace suplab
