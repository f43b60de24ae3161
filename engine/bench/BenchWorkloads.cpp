#include "BenchWorkloads.h"

#include "run/Engine.h"
#include "supervision/ChildFactory.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

namespace suplab {

namespace {

using Clock = std::chrono::steady_clock;

double usSince(Clock::time_point t0) {
    return std::chrono::duration<double, std::micro>(Clock::now() - t0).count();
}

std::int64_t residentBytes() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return std::int64_t(resident) * sysconf(_SC_PAGESIZE);
}

/// Counts `up` events and lets the bench thread wait for a number of them.
class UpCounter final : public EventSink {
  public:
    void onEvent(const Event& e) override {
        if (e.kind != EventKind::Up) return;
        {
            std::lock_guard guard(lock_);
            ++ups_;
        }
        changed_.notify_all();
    }
    std::uint64_t count() {
        std::lock_guard guard(lock_);
        return ups_;
    }
    bool waitFor(std::uint64_t target, std::chrono::seconds limit = std::chrono::seconds(60)) {
        std::unique_lock guard(lock_);
        return changed_.wait_for(guard, limit, [&] { return ups_ >= target; });
    }

  private:
    std::mutex lock_;
    std::condition_variable changed_;
    std::uint64_t ups_ = 0;
};

NodePtr supervisorOf(int workers, Strategy strategy, NodeType type = NodeType::Supervisor) {
    auto root = std::make_shared<NodeSpec>();
    root->id = "R";
    root->type = type;
    root->strategy = strategy;
    root->shutdown = ShutdownSpec::infinity();
    root->max_restarts = 1'000'000'000;
    root->max_seconds = 1;
    for (int i = 0; i < workers; ++i)
        root->children.push_back(NodeSpec::worker("w" + std::to_string(i)));
    return root;
}

struct Run {
    Engine engine;
    UpCounter ups;
    explicit Run(unsigned threads) : engine(ClockKind::Real, 0, threads) {
        engine.events().addSink(&ups);
    }
    ~Run() {
        engine.shutdown();
        engine.events().removeSink(&ups);
    }
    Pid start(const NodePtr& root) {
        return engine.port().startLinked(makeProcess(engine.runtime(), root->id, root)).pid;
    }
    void stop(Pid root) {
        engine.port().sendExit(root, Reason::shutdown());
        engine.port().awaitExit(root);
    }
};

std::string field(const char* key, double value) {
    return std::string("\"") + key + "\":" + std::to_string(std::int64_t(value + 0.5));
}

} // namespace

std::string runBench(const BenchOptions& o) {
    const int big = o.quick ? 1'000 : 10'000;
    const int rounds = o.quick ? 1'000 : 10'000;
    const int group = o.quick ? 200 : 1'000;
    const int dynamicStart = o.quick ? 10'000 : 100'000;
    const int dynamicStop = o.quick ? 2'000 : 20'000;
    std::vector<std::string> fields;

    { // start and shut down a one_for_one supervisor with `big` workers
        Run run(o.threads);
        const NodePtr root = supervisorOf(big, Strategy::OneForOne);
        auto t0 = Clock::now();
        const Pid sup = run.start(root);
        fields.push_back(field("start_10k_us", usSince(t0)));
        t0 = Clock::now();
        run.stop(sup);
        fields.push_back(field("shutdown_10k_us", usSince(t0)));
    }
    { // kill one worker, time until its replacement has finished init
        Run run(o.threads);
        run.start(supervisorOf(1, Strategy::OneForOne));
        std::vector<double> times;
        times.reserve(std::size_t(rounds));
        for (int i = 0; i < rounds; ++i) {
            const std::uint64_t before = run.ups.count();
            const Pid victim = run.engine.runtime().whereis("R/w0");
            const auto t0 = Clock::now();
            run.engine.port().sendExit(victim, Reason::kill());
            if (!run.ups.waitFor(before + 1)) break;
            times.push_back(usSince(t0));
        }
        std::sort(times.begin(), times.end());
        auto pct = [&](double p) {
            return times.empty()
                       ? 0.0
                       : times[std::min(times.size() - 1, std::size_t(double(times.size()) * p))];
        };
        fields.push_back(field("restart_p50_us", pct(0.5)));
        fields.push_back(field("restart_p99_us", pct(0.99)));
    }
    { // one_for_all: kill one of `group`, time until all are running again
        Run run(o.threads);
        run.start(supervisorOf(group, Strategy::OneForAll));
        const std::uint64_t before = run.ups.count();
        const auto t0 = Clock::now();
        run.engine.port().sendExit(run.engine.runtime().whereis("R/w" + std::to_string(group / 2)),
                                   Reason::kill());
        run.ups.waitFor(before + std::uint64_t(group));
        fields.push_back(field("one_for_all_1k_us", usSince(t0)));
    }
    std::int64_t bytesPerWorker = 0;
    { // start children one by one through a dynamic supervisor; memory per idle worker
        Run run(o.threads);
        const Pid sup =
            run.start(supervisorOf(0, Strategy::OneForOne, NodeType::DynamicSupervisor));
        const NodePtr child = NodeSpec::worker("c");
        const std::int64_t rssBefore = residentBytes();
        const auto t0 = Clock::now();
        for (int i = 0; i < dynamicStart; ++i) {
            CallRequest request;
            request.op = CallOp::StartChild;
            request.spec = child;
            run.engine.port().call(sup, std::move(request));
        }
        fields.push_back(field("dynamic_start_100k_us", usSince(t0)));
        bytesPerWorker = (residentBytes() - rssBefore) / dynamicStart;
    }
    { // shut down a dynamic supervisor with `dynamicStop` children
        Run run(o.threads);
        const Pid sup =
            run.start(supervisorOf(0, Strategy::OneForOne, NodeType::DynamicSupervisor));
        const NodePtr child = NodeSpec::worker("c");
        for (int i = 0; i < dynamicStop; ++i) {
            CallRequest request;
            request.op = CallOp::StartChild;
            request.spec = child;
            run.engine.port().call(sup, std::move(request));
        }
        const auto t0 = Clock::now();
        run.stop(sup);
        fields.push_back(field("dynamic_shutdown_20k_us", usSince(t0)));
    }
    fields.push_back(field("bytes_per_worker", double(bytesPerWorker)));

    std::string out = "{\"runtime\":\"suplab " SUPLAB_ENGINE_VERSION "\"";
    for (const auto& f : fields)
        out += "," + f;
    out +=
        ",\"threads\":" +
        std::to_string(o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency()));
    if (o.quick) out += ",\"quick\":true";
    return out + "}";
}

} // namespace suplab
