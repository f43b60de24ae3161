#pragma once
// A process's queue of received messages, oldest first, with Erlang's selective
// receive: take the first message a predicate accepts. Taking from the front is
// O(1) (the common case); an idle process keeps no buffer at all, where a
// std::deque would hold a 512-byte block per process.

#include "base/Message.h"
#include "base/SlabPool.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace suplab {

class MessageQueue {
  public:
    void push(Message&& m) { items_.push_back(std::move(m)); }
    bool empty() const { return head_ == items_.size(); }
    std::size_t size() const { return items_.size() - head_; }

    /// Moves the first message `match(m)` accepts into `out`.
    template <typename Match> bool take(Match&& match, std::optional<Message>& out) {
        for (std::size_t i = head_; i < items_.size(); ++i) {
            if (!match(items_[i])) continue;
            out.emplace(std::move(items_[i]));
            if (i == head_)
                ++head_;
            else
                items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
            settle();
            return true;
        }
        return false;
    }

    /// Removes every message `match(m)` accepts.
    template <typename Match> void eraseIf(Match&& match) {
        std::size_t kept = head_;
        for (std::size_t i = head_; i < items_.size(); ++i)
            if (!match(items_[i])) {
                if (kept != i) items_[kept] = std::move(items_[i]);
                ++kept;
            }
        items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(kept), items_.end());
        settle();
    }

    void clear() {
        slab::Vector<Message>().swap(items_);
        head_ = 0;
    }

  private:
    void settle() {
        if (head_ == items_.size()) {
            if (items_.capacity() > 16)
                slab::Vector<Message>().swap(items_);
            else
                items_.clear();
            head_ = 0;
        } else if (head_ > 64 && head_ * 2 > items_.size()) {
            items_.erase(items_.begin(), items_.begin() + static_cast<std::ptrdiff_t>(head_));
            head_ = 0;
        }
    }

    slab::Vector<Message> items_;
    std::size_t head_ = 0;
};

} // namespace suplab
