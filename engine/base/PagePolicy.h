#pragma once
// Which kind of page backs the next spare slab (one an idle worker makes ahead of
// need): a 2 MiB transparent huge page or 512 small ones. Neither is cheaper
// everywhere, and the difference is large.
//
// On this project's virtual machines, a huge page the guest has used before
// (freed by an earlier program) is populated in about 0.1 ms, 7 times faster than
// 512 small pages (about 0.7 ms); but a huge page taken from memory the guest has
// never touched costs 5 to 10 ms, 7 to 15 times slower, because the host backs
// it page by page. Which one the kernel hands out depends on the machine's history,
// so the pool measures what each slab cost and keeps to the cheaper kind. The
// other kind is tried again now and then (ever more rarely while it keeps
// losing), so that a change, such as warm huge pages freed by a program that
// ended, is noticed.
//
// Pure bookkeeping, no system calls: the caller maps, times and reports (under a
// lock of its own: threads map slabs concurrently).

#include <cstdint>

namespace suplab::slab {

enum class PageKind : unsigned char { Huge, Small };

class PagePolicy {
  public:
    /// The kind the next slab should be made of.
    PageKind next();
    /// What a slab of `kind` cost to map and populate, in nanoseconds.
    void record(PageKind kind, std::int64_t ns);

    /// The running estimate for `kind` (-1 before it was ever measured).
    std::int64_t estimateNs(PageKind kind) const { return cost_[index(kind)]; }

    static constexpr unsigned kFirstProbeGap = 8;  // winner's slabs before the loser's next try
    static constexpr unsigned kMaxProbeGap = 1024; // the gap doubles each time it loses

  private:
    static unsigned index(PageKind kind) { return kind == PageKind::Huge ? 0 : 1; }
    PageKind best() const;

    std::int64_t cost_[2] = {-1, -1};    // moving averages, ns per slab
    bool measuring_[2] = {false, false}; // a first measure is under way
    unsigned slabs_ = 0;                 // slabs chosen so far
    unsigned probeGap_ = kFirstProbeGap;
    unsigned nextProbe_ = 0; // the slab count at which the loser is tried again
};

} // namespace suplab::slab
