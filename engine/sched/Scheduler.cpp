#include "Scheduler.h"

#include "process/Runtime.h"

namespace suplab {

void Scheduler::fire(Ref ref, Pid target) {
    if (!runtime_) return;
    // Made in place as the signal it is: GCC 12 under -fsanitize=thread warned of
    // a maybe-uninitialized member when a temporary Message was moved from here.
    Signal timeout{std::in_place_type<Message>, TimerMsg{ref}};
    runtime_->deliver(target, std::move(timeout));
}

} // namespace suplab
