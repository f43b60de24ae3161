#pragma once
// A count that many threads change and few read: each thread keeps its own share,
// so bumping it is a plain store to a line that stays in its core's cache, where
// one shared atomic would bounce between the core that makes processes and the
// one that destroys them. Reading adds up the shares.

#include <atomic>
#include <cstdint>
#include <mutex>

namespace suplab {

template <typename Tag> class ThreadTally {
  public:
    static void add(std::int64_t delta) {
        Share& s = share();
        s.value.store(s.value.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
    }

    static std::int64_t total() {
        std::lock_guard guard(registry().lock);
        std::int64_t sum = registry().retired;
        for (const Share* s = registry().shares; s; s = s->next)
            sum += s->value.load(std::memory_order_relaxed);
        return sum;
    }

  private:
    struct Share;
    struct Registry {
        std::mutex lock;
        Share* shares = nullptr;
        std::int64_t retired = 0; // the shares of threads that ended
    };
    struct Share {
        std::atomic<std::int64_t> value{0}; // written by its thread only
        Share* next = nullptr;
        Share() {
            std::lock_guard guard(registry().lock);
            next = registry().shares;
            registry().shares = this;
        }
        ~Share() {
            std::lock_guard guard(registry().lock);
            registry().retired += value.load(std::memory_order_relaxed);
            for (Share** p = &registry().shares; *p; p = &(*p)->next)
                if (*p == this) {
                    *p = next;
                    break;
                }
        }
    };
    static Registry& registry() {
        static Registry r; // made before the first share, so it outlives them all
        return r;
    }
    static Share& share() {
        thread_local Share s;
        return s;
    }
};

} // namespace suplab
