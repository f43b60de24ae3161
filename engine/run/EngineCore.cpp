#include "EngineCore.h"

#include "sched/ThreadedScheduler.h"
#include "sched/VirtualScheduler.h"

namespace suplab {

EngineCore::EngineCore(ClockKind clock, std::uint64_t seed, unsigned threads) : clock_(clock) {
    if (clock == ClockKind::Virtual)
        scheduler_ = std::make_unique<VirtualScheduler>();
    else
        scheduler_ = std::make_unique<ThreadedScheduler>(threads);
    runtime_ = std::make_unique<Runtime>(*scheduler_, events_, seed);
    port_ = std::make_shared<Port>(*runtime_);
    runtime_->spawn(port_);
}

EngineCore::~EngineCore() {
    shutdown();
}

void EngineCore::shutdown() {
    if (!runtime_) return;
    scheduler_->stop();
    runtime_->clear();
    port_.reset();
    runtime_.reset();
}

VirtualScheduler* EngineCore::virtualScheduler() {
    return clock_ == ClockKind::Virtual ? static_cast<VirtualScheduler*>(scheduler_.get())
                                        : nullptr;
}

} // namespace suplab
