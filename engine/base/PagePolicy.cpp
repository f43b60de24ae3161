#include "PagePolicy.h"

#include <initializer_list>

namespace suplab::slab {

PageKind PagePolicy::best() const {
    if (cost_[0] < 0) return PageKind::Small; // (small pages while nothing is known)
    if (cost_[1] < 0) return PageKind::Huge;
    return cost_[1] < cost_[0] ? PageKind::Small : PageKind::Huge;
}

PageKind PagePolicy::next() {
    ++slabs_;
    // Each kind is measured once first, and only once at a time. Small pages
    // first: their cost is predictable, and the first slab is made while a start
    // waits for it. Huge pages next, most often by an idle worker making a spare.
    for (const PageKind kind : {PageKind::Small, PageKind::Huge})
        if (cost_[index(kind)] < 0 && !measuring_[index(kind)]) {
            measuring_[index(kind)] = true;
            return kind;
        }
    const PageKind winner = best();
    if (cost_[0] < 0 || cost_[1] < 0) return winner; // a first measure is under way
    if (slabs_ < nextProbe_) return winner;
    // Time to try the loser again; should it lose again, the next try waits longer.
    if (probeGap_ < kMaxProbeGap) probeGap_ *= 2;
    nextProbe_ = slabs_ + probeGap_ + 1;
    return winner == PageKind::Huge ? PageKind::Small : PageKind::Huge;
}

void PagePolicy::record(PageKind kind, std::int64_t ns) {
    if (ns < 0) ns = 0;
    const PageKind before = best();
    const bool bothKnownBefore = cost_[0] >= 0 && cost_[1] >= 0;
    std::int64_t& cost = cost_[index(kind)];
    measuring_[index(kind)] = false;
    // A new measure counts for a quarter: one slab twice as slow as usual (a
    // descheduled thread) does not decide alone, while one seven times slower (the
    // warm huge pages have run out) does.
    cost = cost < 0 ? ns : (3 * cost + ns) / 4;
    if (cost_[0] < 0 || cost_[1] < 0) return;
    if (!bothKnownBefore || best() != before) {
        // Both measured for the first time, or a new winner: the loser is tried
        // again soon (it may come back), then ever more rarely.
        probeGap_ = kFirstProbeGap;
        nextProbe_ = slabs_ + probeGap_ + 1;
    }
}

} // namespace suplab::slab
