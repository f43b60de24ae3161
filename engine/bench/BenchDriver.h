#pragma once
// The process that drives a benchmark from inside the engine, as the test process
// does in beam_bench.exs: it starts supervisors, calls them, kills children and
// waits for `{:up, pid}`-style notices, and takes its own times. Timing from an
// outside thread would add two thread hand-overs to every step, which the BEAM's
// caller, itself a process, does not pay.

#include "events/EventSink.h"
#include "process/Process.h"
#include "scenario/Scenario.h"

#include <atomic>
#include <cstdint>
#include <future>
#include <vector>

namespace suplab {

class BenchDriver final : public Process {
  public:
    enum class Workload : unsigned char {
        StartAndShutdown, // start `root`, then shut it down
        Restart,          // `batches` times: start `root`, kill its one worker `rounds` times
                          // (each time wait for its replacement), shut `root` down
        GroupRestart,     // kill one of the `count` workers, wait until all are up again
        DynamicStart,     // start `count` children of `child` through the dynamic supervisor `root`
        DynamicShutdown,  // as DynamicStart, then time only the shutdown
    };
    struct Job {
        Workload workload = Workload::StartAndShutdown;
        NodePtr root;
        NodePtr child; // DynamicStart/DynamicShutdown
        int count = 0;
        int rounds = 0;  // Restart: per supervisor
        int batches = 1; // Restart: supervisors, each fresh
        /// DynamicStart: also take the growth of the live allocated bytes over the
        /// start_child loop (outside the timed part, as beam_bench.exs does).
        bool measureMemory = false;
    };
    /// Microseconds per step (one value for most workloads; one per round for Restart).
    struct Times {
        double start = 0, shutdown = 0;
        std::vector<double> rounds;
        std::int64_t liveBytesGrowth = 0; // DynamicStart with measureMemory
    };

    BenchDriver(Runtime& runtime, Job job);
    /// Fulfilled when the workload is done.
    std::future<Times> result() { return done_.get_future(); }

    /// An event sink that turns `up` into a NoticeMsg to the driver (the workers'
    /// `send(parent, {:up, self()})` of beam_bench.exs).
    class UpNotifier final : public EventSink {
      public:
        UpNotifier(Runtime& runtime, Pid driver) : runtime_(runtime), driver_(driver) {}
        void onEvent(const Event& e) override;

      private:
        Runtime& runtime_;
        Pid driver_;
    };

  protected:
    Task<Reason> body() override;

  private:
    Task<Pid> startRoot();
    Task<void> stopRoot(Pid root);
    Task<void> restartRounds();
    Task<void> driveOneRoot(); // every workload but Restart

    Job job_;
    Times times_;
    std::promise<Times> done_;
};

} // namespace suplab
