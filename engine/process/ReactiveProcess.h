#pragma once
// A process written as a message handler instead of a coroutine body: the shape
// of a gen_server. `start` runs once; after that each queued message that
// `accepts` takes (selective receive) goes to `react`, in queue order. Either may
// return the reason to exit with.
//
// Why it exists: a coroutine keeps a frame for as long as it lives, and GCC gives
// every local of it a slot of its own. An idle worker that is only a handler costs
// its object and nothing more, which is what lets 100,000 of them stay small.

#include "process/Process.h"

#include <optional>

namespace suplab {

class ReactiveProcess : public Process {
  public:
    using Process::Process;

  protected:
    /// The process's first run (init). A reason: exit with it at once.
    virtual std::optional<Reason> start() = 0;
    /// Whether `react` wants `message` now; the others stay queued, in order.
    virtual bool accepts(const Message& message) const = 0;
    /// One accepted message. A reason: exit with it.
    virtual std::optional<Reason> react(Message message) = 0;

  private:
    Task<Reason> body() final;
    void begin() final;
    void dispatch() final;
};

} // namespace suplab
