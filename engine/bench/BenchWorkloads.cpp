#include "BenchWorkloads.h"

#include "analysis/Analysis.h"
#include "base/SlabPool.h"
#include "bench/BenchDriver.h"
#include "io/OwnProcess.h"
#include "run/EngineCore.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <thread>
#include <vector>

namespace suplab {

namespace {

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

using Fields = std::vector<std::string>;

std::string field(const std::string& key, double value) {
    return "\"" + key + "\":" + std::to_string(std::llround(value));
}

/// As beam_bench.exs's Float.round(x, 2): a restart takes a few microseconds, so
/// whole ones would hide most of the difference.
std::string fieldWithTwoDecimals(const std::string& key, double value) {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed, 2);
    return "\"" + key + "\":" + std::string(text, end.ptr);
}

/// Counts the events it hears, as cheaply as a sink can: it stands for a listener
/// such as the GUI's queue (--observed).
class CountingSink final : public EventSink {
  public:
    void onEvent(const Event&) override { ++count_; }

  private:
    std::uint64_t count_ = 0; // (under the bus's lock)
};

/// The engine a workload runs on: its worker threads (0: one per core), and whether
/// a sink listens to every event.
struct Setup {
    unsigned threads = 0;
    bool observed = false;
};

/// One workload on a fresh real-clock engine, driven by a BenchDriver process.
BenchDriver::Times drive(Setup setup, BenchDriver::Job job) {
    EngineCore engine(ClockKind::Real, 0, setup.threads);
    CountingSink counter;
    if (setup.observed) engine.events().addSink(&counter);
    // Only the workloads that wait for notices get them: unread ones would pile up
    // in the driver's queue and make every selective receive scan them.
    const bool notices = job.workload == BenchDriver::Workload::Restart ||
                         job.workload == BenchDriver::Workload::GroupRestart;
    auto driver = std::make_shared<BenchDriver>(engine.runtime(), std::move(job));
    BenchDriver::UpNotifier notifier(engine.runtime(), driver->pid());
    if (notices) engine.events().addSink(&notifier);
    auto result = driver->result();
    engine.runtime().spawn(std::move(driver));
    BenchDriver::Times times = result.get();
    engine.shutdown();
    if (notices) engine.events().removeSink(&notifier);
    if (setup.observed) engine.events().removeSink(&counter);
    return times;
}

/// start_10k and shutdown_10k: a one_for_one supervisor of `workers` children.
void startAndShutdown(Setup setup, int workers, Fields& out, const std::string& startKey,
                      const std::string& shutdownKey) {
    BenchDriver::Job job;
    job.root = supervisorOf(workers, Strategy::OneForOne);
    const auto times = drive(setup, std::move(job));
    out.push_back(field(startKey, times.start));
    out.push_back(field(shutdownKey, times.shutdown));
}

/// Kill one worker, time until its replacement has finished init; `perSupervisor`
/// rounds to each of `supervisors` fresh supervisors.
void restartLatency(Setup setup, int supervisors, int perSupervisor, Fields& out) {
    BenchDriver::Job job;
    job.workload = BenchDriver::Workload::Restart;
    job.root = supervisorOf(1, Strategy::OneForOne);
    job.batches = supervisors;
    job.rounds = perSupervisor;
    auto times = drive(setup, std::move(job)).rounds;
    std::sort(times.begin(), times.end());
    auto pct = [&](double p) {
        return times.empty()
                   ? 0.0
                   : times[std::min(times.size() - 1, std::size_t(double(times.size()) * p))];
    };
    out.push_back(fieldWithTwoDecimals("restart_p50_us", pct(0.5)));
    out.push_back(fieldWithTwoDecimals("restart_p99_us", pct(0.99)));
}

/// one_for_all: kill one of `group`, time until all are running again.
void groupRestart(Setup setup, int group, Fields& out, const std::string& key) {
    BenchDriver::Job job;
    job.workload = BenchDriver::Workload::GroupRestart;
    job.root = supervisorOf(group, Strategy::OneForAll);
    job.count = group;
    out.push_back(field(key, drive(setup, std::move(job)).rounds.at(0)));
}

BenchDriver::Job dynamicJob(BenchDriver::Workload workload, int children) {
    BenchDriver::Job job;
    job.workload = workload;
    job.root = supervisorOf(0, Strategy::OneForOne, NodeType::DynamicSupervisor);
    job.child = NodeSpec::worker("c");
    job.count = children;
    return job;
}

/// Children started one by one through a dynamic supervisor.
void dynamicStart(Setup setup, int children, Fields& out) {
    const auto times = drive(setup, dynamicJob(BenchDriver::Workload::DynamicStart, children));
    out.push_back(field("dynamic_start_100k_us", times.rounds.at(0)));
}

/// Memory per idle worker: the growth of the live allocated bytes (slab pool and
/// malloc, io/LiveMemory) over a dynamic start of `children`, per child. A live
/// count sees a recycled block as much as a fresh one. On top of that the run gets
/// a forked process of its own, taken before any workload has run: nothing freed
/// earlier is there to reuse, and the memory it takes does not warm the pool for
/// the timed workloads that follow. Under sanitizers the pool passes everything to
/// their allocator, so the figure means little; it is then taken here, first,
/// without a fork (ThreadSanitizer does not allow threads started after one).
std::int64_t bytesPerWorker(Setup setup, int children) {
    const auto measure = [setup, children] {
        BenchDriver::Job job = dynamicJob(BenchDriver::Workload::DynamicStart, children);
        job.measureMemory = true;
        const auto growth = drive(setup, std::move(job)).liveBytesGrowth;
        return std::to_string(std::llround(double(growth) / children));
    };
    const bool pooled = slab::liveBytes() >= 0;
    std::optional<std::string> text = pooled ? runInOwnProcess(measure) : std::nullopt;
    if (!text) text = measure();
    return std::stoll(*text);
}

/// Shut down a dynamic supervisor with `children` children.
void dynamicShutdown(Setup setup, int children, Fields& out) {
    const auto times = drive(setup, dynamicJob(BenchDriver::Workload::DynamicShutdown, children));
    out.push_back(field("dynamic_shutdown_20k_us", times.shutdown));
}

/// The analysis's tree: a root over `subsystems` supervisors of 10 groups of `workers`
/// workers each (1,000 processes at 9 and 10), the three strategies in turn, every
/// worker taking 5 ms to start.
Scenario analysisTree(int subsystems, int workers) {
    const Strategy strategies[] = {Strategy::OneForOne, Strategy::RestForOne, Strategy::OneForAll};
    auto supervisor = [](std::string id, Strategy strategy) {
        auto node = std::make_shared<NodeSpec>();
        node->id = std::move(id);
        node->type = NodeType::Supervisor;
        node->strategy = strategy;
        return node;
    };
    Scenario s;
    s.name = "analysis bench tree";
    auto root = supervisor("Root", Strategy::OneForOne);
    for (int i = 0; i < subsystems; ++i) {
        auto sub = supervisor("S" + std::to_string(i), strategies[i % 3]);
        for (int j = 0; j < 10; ++j) {
            auto group = supervisor("G" + std::to_string(j), strategies[(i + j) % 3]);
            for (int k = 0; k < workers; ++k) {
                auto w = std::make_shared<NodeSpec>();
                w->id = "W" + std::to_string(k);
                w->init_ms = 5;
                group->children.push_back(std::move(w));
            }
            sub->children.push_back(std::move(group));
        }
        root->children.push_back(std::move(sub));
    }
    s.root = std::move(root);
    return s;
}

/// Every process's crash, kill, give-up search and crash loop, and pairs among the 50
/// most critical, on every worker thread.
void analysisOfATree(unsigned threads, bool quick, Fields& out) {
    const Scenario tree = quick ? analysisTree(3, 3) : analysisTree(9, 10);
    AnalysisOptions options;
    options.threads = threads;
    options.pairs = quick ? 10 : 50;
    const AnalysisReport report = analyze(tree, options);
    out.push_back(field("analyze_1k_ms", report.seconds * 1000.0));
    out.push_back(field("analyze_1k_trials", double(report.trials)));
    out.push_back(field("analyze_1k_processes", double(report.processes.size())));
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
    static const std::vector<std::string> names{"start",         "restart",          "one_for_all",
                                                "dynamic_start", "dynamic_shutdown", "analyze"};
    return names;
}

std::string runBench(const BenchOptions& o) {
    const int scale = o.quick ? 10 : 1;
    auto wanted = [&](const char* name) {
        return o.only.empty() || std::find(o.only.begin(), o.only.end(), name) != o.only.end();
    };
    const Setup run{o.threads, o.observed};
    // First, before any workload has touched memory (see bytesPerWorker).
    const std::int64_t bytes = wanted("dynamic_start") ? bytesPerWorker(run, 100'000 / scale) : 0;
    Fields fields;
    if (wanted("start"))
        startAndShutdown(run, 10'000 / scale, fields, "start_10k_us", "shutdown_10k_us");
    if (wanted("restart")) restartLatency(run, 100 / scale, 100, fields);
    if (wanted("one_for_all")) groupRestart(run, 1'000 / scale, fields, "one_for_all_1k_us");
    if (wanted("dynamic_start")) {
        dynamicStart(run, 100'000 / scale, fields);
        fields.push_back("\"bytes_per_worker\":" + std::to_string(bytes));
    }
    if (wanted("dynamic_shutdown")) dynamicShutdown(run, 20'000 / scale, fields);
    if (wanted("analyze")) analysisOfATree(o.threads, o.quick, fields);
    fields.push_back("\"threads\":" + std::to_string(threadsUsed(o.threads)));
    if (o.quick) fields.push_back("\"quick\":true");
    if (o.observed) fields.push_back("\"observed\":true");
    return object("\"runtime\":\"suplab " SUPLAB_ENGINE_VERSION "\"", fields);
}

std::string runScalingBench(unsigned threads) {
    Fields fields;
    for (const int n : {1'000, 10'000, 100'000}) {
        const std::string size = std::to_string(n / 1000) + "k";
        startAndShutdown(Setup{threads}, n, fields, "start_" + size + "_us",
                         "shutdown_" + size + "_us");
        groupRestart(Setup{threads}, n, fields, "one_for_all_" + size + "_us");
    }
    fields.push_back("\"threads\":" + std::to_string(threadsUsed(threads)));
    return object("\"runtime\":\"suplab " SUPLAB_ENGINE_VERSION "\"", fields);
}

} // namespace suplab
