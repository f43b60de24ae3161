#include "Scheduler.h"

#include "core/Runtime.h"

namespace suplab {

void Scheduler::fire(Ref ref, Pid target) {
    if (runtime_) runtime_->deliver(target, Message(TimerMsg{ref}));
}

} // namespace suplab
