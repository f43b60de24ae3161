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

using Fields = std::vector<std::string>;

std::string field(const std::string& key, double value) {
    return "\"" + key + "\":" + std::to_string(std::int64_t(value + 0.5));
}

/// start_10k and shutdown_10k: a one_for_one supervisor of `workers` children.
void startAndShutdown(unsigned threads, int workers, Fields& out, const std::string& startKey,
                      const std::string& shutdownKey) {
    Run run(threads);
    const NodePtr root = supervisorOf(workers, Strategy::OneForOne);
    auto t0 = Clock::now();
    const Pid sup = run.start(root);
    out.push_back(field(startKey, usSince(t0)));
    t0 = Clock::now();
    run.stop(sup);
    out.push_back(field(shutdownKey, usSince(t0)));
}

/// Kill one worker, time until its replacement has finished init; `rounds` times.
void restartLatency(unsigned threads, int rounds, Fields& out) {
    Run run(threads);
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
    out.push_back(field("restart_p50_us", pct(0.5)));
    out.push_back(field("restart_p99_us", pct(0.99)));
}

/// one_for_all: kill one of `group`, time until all are running again.
void groupRestart(unsigned threads, int group, Fields& out, const std::string& key) {
    Run run(threads);
    run.start(supervisorOf(group, Strategy::OneForAll));
    const std::uint64_t before = run.ups.count();
    const auto t0 = Clock::now();
    run.engine.port().sendExit(run.engine.runtime().whereis("R/w" + std::to_string(group / 2)),
                               Reason::kill());
    run.ups.waitFor(before + std::uint64_t(group));
    out.push_back(field(key, usSince(t0)));
}

Pid dynamicSupervisorWith(Run& run, int children) {
    const Pid sup = run.start(supervisorOf(0, Strategy::OneForOne, NodeType::DynamicSupervisor));
    const NodePtr child = NodeSpec::worker("c");
    for (int i = 0; i < children; ++i) {
        CallRequest request;
        request.op = CallOp::StartChild;
        request.spec = child;
        run.engine.port().call(sup, std::move(request));
    }
    return sup;
}

/// Children started one by one through a dynamic supervisor; memory per idle worker.
void dynamicStart(unsigned threads, int children, Fields& out) {
    Run run(threads);
    const std::int64_t rssBefore = residentBytes();
    const auto t0 = Clock::now();
    dynamicSupervisorWith(run, children);
    out.push_back(field("dynamic_start_100k_us", usSince(t0)));
    out.push_back(field("bytes_per_worker", double((residentBytes() - rssBefore) / children)));
}

/// Shut down a dynamic supervisor with `children` children.
void dynamicShutdown(unsigned threads, int children, Fields& out) {
    Run run(threads);
    const Pid sup = dynamicSupervisorWith(run, children);
    const auto t0 = Clock::now();
    run.stop(sup);
    out.push_back(field("dynamic_shutdown_20k_us", usSince(t0)));
}

unsigned threadsUsed(unsigned threads) {
    return threads ? threads : std::max(1u, std::thread::hardware_concurrency());
}

std::string object(const std::string& head, const Fields& fields) {
    std::string out = "{" + head;
    for (const auto& f : fields)
        out += "," + f;
    return out + "}";
}

} // namespace

const std::vector<std::string>& benchWorkloadNames() {
    static const std::vector<std::string> names{"start", "restart", "one_for_all", "dynamic_start",
                                                "dynamic_shutdown"};
    return names;
}

std::string runBench(const BenchOptions& o) {
    const int scale = o.quick ? 10 : 1;
    auto wanted = [&](const char* name) {
        return o.only.empty() || std::find(o.only.begin(), o.only.end(), name) != o.only.end();
    };
    Fields fields;
    if (wanted("start"))
        startAndShutdown(o.threads, 10'000 / scale, fields, "start_10k_us", "shutdown_10k_us");
    if (wanted("restart")) restartLatency(o.threads, 10'000 / scale, fields);
    if (wanted("one_for_all")) groupRestart(o.threads, 1'000 / scale, fields, "one_for_all_1k_us");
    if (wanted("dynamic_start")) dynamicStart(o.threads, 100'000 / scale, fields);
    if (wanted("dynamic_shutdown")) dynamicShutdown(o.threads, 20'000 / scale, fields);
    fields.push_back("\"threads\":" + std::to_string(threadsUsed(o.threads)));
    if (o.quick) fields.push_back("\"quick\":true");
    return object("\"runtime\":\"suplab " SUPLAB_ENGINE_VERSION "\"", fields);
}

std::string runScalingBench(unsigned threads) {
    Fields fields;
    for (const int n : {1'000, 10'000, 100'000}) {
        const std::string size = std::to_string(n / 1000) + "k";
        startAndShutdown(threads, n, fields, "start_" + size + "_us", "shutdown_" + size + "_us");
        groupRestart(threads, n, fields, "one_for_all_" + size + "_us");
    }
    fields.push_back("\"threads\":" + std::to_string(threadsUsed(threads)));
    return object("\"runtime\":\"suplab " SUPLAB_ENGINE_VERSION "\"", fields);
}

} // namespace suplab
