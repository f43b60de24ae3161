#include "ReactiveProcess.h"

#include <cstdlib>

namespace suplab {

Task<Reason> ReactiveProcess::body() {
    std::abort(); // begin() is final and never asks for a body
    co_return Reason::normal();
}

void ReactiveProcess::begin() {
    if (auto reason = start()) exit(std::move(*reason));
}

void ReactiveProcess::dispatch() {
    const MatchRef match{this, [](const void* self, const Message& m) {
                             return static_cast<const ReactiveProcess*>(self)->accepts(m);
                         }};
    std::optional<Message> message;
    while (!dead() && takeMatching(match, message)) {
        std::optional<Reason> reason = react(std::move(*message));
        message.reset();
        if (reason) exit(std::move(*reason));
    }
}

} // namespace suplab
