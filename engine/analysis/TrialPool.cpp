#include "TrialPool.h"

#include <algorithm>
#include <thread>

namespace suplab {

TrialPool::TrialPool(const Scenario& scenario, unsigned threads, bool freshEachTrial)
    : scenario_(scenario), freshEachTrial_(freshEachTrial) {
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    trees_.resize(threads);
    trees_[0] = std::make_unique<TrialTree>(scenario_, freshEachTrial_);
}

TrialPool::~TrialPool() = default;

void TrialPool::forEach(std::size_t count, const std::function<void(TrialTree&, std::size_t)>& work,
                        const std::atomic<bool>* cancel) {
    std::atomic<std::size_t> next{0};
    auto worker = [&](std::size_t t) {
        if (!trees_[t]) trees_[t] = std::make_unique<TrialTree>(scenario_, freshEachTrial_);
        for (std::size_t i = next++; i < count; i = next++) {
            if (cancel && cancel->load(std::memory_order_relaxed)) return;
            work(*trees_[t], i);
        }
    };
    const std::size_t used = std::min<std::size_t>(trees_.size(), std::max<std::size_t>(count, 1));
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < used; ++t)
        helpers.emplace_back(worker, t);
    worker(0);
    for (auto& h : helpers)
        h.join();
}

std::int64_t TrialPool::trials() const {
    std::int64_t n = 0;
    for (const auto& t : trees_)
        n += t ? t->trials() : 0;
    return n;
}

std::int64_t TrialPool::starts() const {
    std::int64_t n = 0;
    for (const auto& t : trees_)
        n += t ? t->starts() : 0;
    return n;
}

} // namespace suplab
