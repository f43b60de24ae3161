#pragma once
// The set of processes linked to one process. Almost every process has one or
// two links (its parent, perhaps a caller), while a supervisor may have 100,000:
// the first two live inline, and only a set that outgrows them gets a PidMap.
// A std::unordered_set alone costs about 150 bytes for a single link.

#include "base/Pid.h"
#include "process/PidMap.h"

#include <array>
#include <cstdint>
#include <memory>

namespace suplab {

class LinkSet {
  public:
    void insert(Pid pid) {
        if (many_) {
            many_->insert(pid);
            return;
        }
        for (std::uint32_t i = 0; i < count_; ++i)
            if (inline_[i] == pid) return;
        if (count_ < kInline) {
            inline_[count_++] = pid;
            return;
        }
        many_ = std::make_unique<Set>();
        for (Pid held : inline_)
            many_->insert(held);
        many_->insert(pid);
        count_ = 0;
    }

    /// False when `pid` was not there.
    bool erase(Pid pid) {
        if (many_) return many_->erase(pid);
        for (std::uint32_t i = 0; i < count_; ++i)
            if (inline_[i] == pid) {
                inline_[i] = inline_[--count_];
                return true;
            }
        return false;
    }

    std::size_t size() const { return many_ ? many_->size() : count_; }

    template <typename F> void forEach(F&& f) const {
        if (many_) {
            many_->forEach([&](Pid pid, Empty) { f(pid); });
            return;
        }
        for (std::uint32_t i = 0; i < count_; ++i)
            f(inline_[i]);
    }

    void clear() {
        many_.reset();
        count_ = 0;
    }

  private:
    struct Empty {};
    using Set = PidMap<Empty>;
    static constexpr std::uint32_t kInline = 2;
    std::array<Pid, kInline> inline_{};
    std::uint32_t count_ = 0; // inline entries in use (0 once `many_` holds them all)
    std::unique_ptr<Set> many_;
};

} // namespace suplab
