#include "Soak.h"

#include "base/SlabPool.h"
#include "events/EventFormat.h"
#include "io/ResidentMemory.h"
#include "process/Process.h"
#include "run/EngineCore.h"
#include "soak/SoakChecker.h"
#include "supervision/ChildFactory.h"

#include <chrono>
#include <random>
#include <thread>
#include <unordered_map>

namespace suplab {

namespace {

using Clock = std::chrono::steady_clock;

/// The soak's tree (1,001 processes): a root over nine supervisors of every
/// strategy with 990 workers between them (some transient, some temporary), one of
/// them with a small restart budget so that it gives up and escalates, and a
/// dynamic supervisor that the injector fills and empties.
NodePtr soakTree() {
    auto root = std::make_shared<NodeSpec>();
    root->id = "app";
    root->type = NodeType::Supervisor;
    root->strategy = Strategy::OneForOne;
    root->max_restarts = 1'000'000'000;
    root->max_seconds = 1;
    const Strategy strategies[] = {Strategy::OneForOne, Strategy::OneForAll, Strategy::RestForOne};
    for (int s = 0; s < 9; ++s) {
        auto sup = std::make_shared<NodeSpec>();
        sup->id = "s" + std::to_string(s);
        sup->type = NodeType::Supervisor;
        sup->strategy = strategies[s % 3];
        sup->max_restarts = s == 8 ? 3 : 1'000'000'000; // s8 gives up and escalates
        sup->max_seconds = 1;
        const int workers = s == 8 ? 190 : 100;
        for (int w = 0; w < workers; ++w) {
            const RestartType type = w % 25 == 24  ? RestartType::Temporary
                                     : w % 10 == 9 ? RestartType::Transient
                                                   : RestartType::Permanent;
            auto worker =
                std::make_shared<NodeSpec>(*NodeSpec::worker("w" + std::to_string(w), type));
            worker->trap_exit = w % 7 == 3; // some see exit signals as messages
            sup->children.push_back(std::move(worker));
        }
        root->children.push_back(std::move(sup));
    }
    auto dyn = std::make_shared<NodeSpec>();
    dyn->id = "dyn";
    dyn->type = NodeType::DynamicSupervisor;
    dyn->max_restarts = 1'000'000'000;
    dyn->max_seconds = 1;
    dyn->max_children = 200;
    root->children.push_back(std::move(dyn));
    return root;
}

struct TreeIndex {
    std::vector<std::string> workers, supervisors;
    std::unordered_map<std::string, RestartType> restart;
};

void indexTree(const NodeSpec& node, const std::string& path, TreeIndex& index) {
    index.restart[path] = node.restart;
    if (node.isSupervisor()) {
        index.supervisors.push_back(path);
        for (const auto& child : node.children)
            indexTree(*child, path + "/" + child->id, index);
    } else {
        index.workers.push_back(path);
    }
}

/// Compares one supervisor's answers with the log's live processes.
void compareWithLog(Port& port, Runtime& runtime, const std::string& path,
                    const SoakChecker& checker, SoakReport& report) {
    const Pid sup = runtime.whereis(path);
    if (sup == kNoPid) {
        report.violations.push_back(path + ": not running once the tree settled");
        return;
    }
    CallRequest which;
    which.op = CallOp::WhichChildren;
    const CallResult children = port.call(sup, which);
    CallRequest count;
    count.op = CallOp::CountChildren;
    const CallResult counts = port.call(sup, count);
    if (!children.ok() || !counts.ok()) {
        report.violations.push_back(path + ": which_children/count_children failed");
        return;
    }
    std::unordered_set<Pid> running;
    for (const auto& c : children.children)
        if (c.pid != kNoPid) running.insert(c.pid);
    const auto logged = checker.liveChildrenOf(path);
    if (running != logged)
        report.violations.push_back(path + ": which_children lists " +
                                    std::to_string(running.size()) + " running children, the log " +
                                    std::to_string(logged.size()) + " (or other pids)");
    if (counts.counts.active != int(running.size()) ||
        counts.counts.specs != int(children.children.size()))
        report.violations.push_back(
            path + ": count_children says " + std::to_string(counts.counts.active) + " active of " +
            std::to_string(counts.counts.specs) + ", which_children " +
            std::to_string(running.size()) + " of " + std::to_string(children.children.size()));
    ++report.supervisorsCompared;
}

/// Waits until no event has come for `quietMs` (at most `limitMs`).
bool settle(const SoakChecker& checker, int quietMs, int limitMs) {
    const auto limit = Clock::now() + std::chrono::milliseconds(limitMs);
    std::uint64_t seen = checker.eventsChecked();
    auto lastChange = Clock::now();
    while (Clock::now() < limit) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        const std::uint64_t now = checker.eventsChecked();
        if (now != seen) {
            seen = now;
            lastChange = Clock::now();
        } else if (Clock::now() - lastChange >= std::chrono::milliseconds(quietMs)) {
            return true;
        }
    }
    return false;
}

} // namespace

std::string SoakReport::json() const {
    std::string out = "{\"faults\":" + std::to_string(faults) +
                      ",\"api_calls\":" + std::to_string(apiCalls) +
                      ",\"events_checked\":" + std::to_string(events) +
                      ",\"supervisors_compared\":" + std::to_string(supervisorsCompared) +
                      ",\"processes_at_start\":" + std::to_string(processesAtStart) +
                      ",\"process_objects_left\":" + std::to_string(processObjectsLeft) +
                      ",\"pooled_bytes_before\":" + std::to_string(pooledBytesBefore) +
                      ",\"pooled_bytes_after\":" + std::to_string(pooledBytesAfter) +
                      ",\"rss_before_mb\":" + std::to_string(rssBeforeBytes >> 20) +
                      ",\"rss_peak_mb\":" + std::to_string(rssPeakBytes >> 20) +
                      ",\"rss_after_mb\":" + std::to_string(rssAfterBytes >> 20) +
                      ",\"seconds\":" + std::to_string(seconds) +
                      ",\"violations\":" + std::to_string(violations.size()) + ",\"details\":[";
    for (std::size_t i = 0; i < violations.size(); ++i)
        out += (i ? "," : "") + jsonQuote(violations[i]);
    return out + "]}";
}

SoakReport runSoak(const SoakOptions& o) {
    SoakReport report;
    const auto started = Clock::now();
    report.rssBeforeBytes = residentBytes();
    report.pooledBytesBefore = slab::liveBytes();
    const std::int64_t objectsBefore = Process::objectCount();

    const NodePtr tree = soakTree();
    TreeIndex index;
    indexTree(*tree, tree->id, index);
    {
        EngineCore engine(ClockKind::Real, o.seed, o.threads);
        SoakChecker checker([&index](const std::string& path) {
            auto it = index.restart.find(path);
            return it == index.restart.end() ? RestartType::Temporary : it->second;
        });
        engine.events().addSink(&checker);
        Port& port = engine.port();
        Runtime& runtime = engine.runtime();
        const Port::StartOutcome root = port.startLinked(makeProcess(runtime, tree->id, tree));
        if (!root.ok()) {
            report.violations.push_back("the soak tree did not start: " + root.reason.format());
            engine.events().removeSink(&checker);
            return report;
        }
        report.processesAtStart = std::int64_t(runtime.processCount());

        std::mt19937_64 rng(o.seed);
        auto pick = [&rng](const std::vector<std::string>& from) -> const std::string& {
            return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
        };
        const NodePtr dynChild = NodeSpec::worker("d", RestartType::Temporary);
        const Reason exitReasons[] = {Reason::shutdown(), Reason::shutdownWith("chaos"),
                                      Reason::word("chaos"), Reason::normal()};
        std::vector<Pid> dynPids;
        // The root is linked to the port, its parent: an exit signal from there would
        // be an order to shut down, and a kill would end the run. Faults spare it.
        const std::vector<std::string> faultSupervisors(index.supervisors.begin() + 1,
                                                        index.supervisors.end());

        const auto begin = Clock::now();
        const auto end = begin + std::chrono::duration<double>(o.seconds);
        const double perUs = o.faultsPerSecond / 1e6;
        std::uint64_t sent = 0;
        bool stuck = false; // a call went unanswered: stop, and report it
        for (auto now = begin; now < end && !stuck; now = Clock::now()) {
            const double elapsedUs = std::chrono::duration<double, std::micro>(now - begin).count();
            const auto due = std::uint64_t(elapsedUs * perUs);
            if (sent >= due) {
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                continue;
            }
            for (; sent < due && !stuck; ++sent) {
                const unsigned roll = unsigned(rng() % 100);
                if (roll < 1) { // 1%: an API call
                    ++report.apiCalls;
                    CallRequest request;
                    const unsigned op = unsigned(rng() % 4);
                    Pid target = runtime.whereis(pick(index.supervisors));
                    if (op == 0) {
                        request.op = CallOp::WhichChildren;
                    } else if (op == 1) {
                        request.op = CallOp::CountChildren;
                    } else {
                        target = runtime.whereis("app/dyn");
                        if (op == 2 || dynPids.empty()) {
                            request.op = CallOp::StartChild;
                            request.spec = dynChild;
                        } else {
                            request.op = CallOp::TerminateChild;
                            request.pid = dynPids.back();
                            dynPids.pop_back();
                        }
                    }
                    if (target == kNoPid) continue;
                    const CallOp asked = request.op;
                    const CallResult result =
                        port.call(target, std::move(request), runtime.nowUs() + 10'000'000);
                    if (result.error == CallError::Timeout) {
                        report.violations.push_back("a call (op " + std::to_string(int(asked)) +
                                                    ") to " + checker.pathOf(target) + " " +
                                                    formatPid(target) +
                                                    " got no reply within 10 s");
                        stuck = true;
                        continue;
                    }
                    if (result.ok() && result.pid != kNoPid) dynPids.push_back(result.pid);
                    continue;
                }
                ++report.faults;
                const bool atSupervisor = roll < 5; // 4%: supervisors are hit too
                const std::string& path =
                    atSupervisor ? pick(faultSupervisors) : pick(index.workers);
                const Pid victim = runtime.whereis(path);
                if (victim == kNoPid) continue; // between its down and its restart
                if (roll < 40) {
                    runtime.deliver(victim, ExitSignal{port.pid(), Reason::kill()});
                } else if (roll < 75 && !atSupervisor) {
                    runtime.deliver(victim, Message(CrashMsg{Reason::word("boom")}));
                } else {
                    runtime.deliver(victim, ExitSignal{port.pid(), exitReasons[rng() % 4]});
                }
            }
        }
        report.rssPeakBytes = residentBytes();

        if (!settle(checker, 300, 30'000))
            report.violations.push_back("the tree did not settle within 30 s of the last fault");
        for (const auto& path : index.supervisors)
            compareWithLog(port, runtime, path, checker, report);

        port.sendExit(root.pid, Reason::shutdown());
        if (!port.awaitExit(root.pid, runtime.nowUs() + 60'000'000))
            report.violations.push_back("the root did not stop within 60 s of its shutdown");
        for (auto& v : checker.violations())
            report.violations.push_back(std::move(v));
        for (auto& v : checker.unresolvedRestarts())
            report.violations.push_back(std::move(v));
        if (checker.liveCount() != 0)
            report.violations.push_back(std::to_string(checker.liveCount()) +
                                        " processes are up in the log after the final shutdown");
        const std::size_t ports = runtime.isAlive(port.pid()) ? 1 : 0;
        // A process leaves the table as the last step of its exit, just after its
        // links have been told: give the last ones a moment to get there.
        for (int i = 0; i < 100 && runtime.processCount() > ports; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        if (runtime.processCount() > ports) {
            std::string who;
            for (Pid pid : runtime.livePids())
                if (pid != port.pid())
                    if (auto p = runtime.find(pid)) who += " " + p->path() + " " + formatPid(pid);
            report.violations.push_back(
                std::to_string(runtime.processCount() - ports) +
                " processes still in the table after the final shutdown:" + who);
        }
        report.events = checker.eventsChecked();
        engine.events().removeSink(&checker);
    }
    report.processObjectsLeft = Process::objectCount() - objectsBefore;
    if (report.processObjectsLeft != 0)
        report.violations.push_back(std::to_string(report.processObjectsLeft) +
                                    " process objects outlived their engine");
    report.pooledBytesAfter = slab::liveBytes();
    if (report.pooledBytesAfter != report.pooledBytesBefore)
        report.violations.push_back("pooled memory did not return to its baseline: " +
                                    std::to_string(report.pooledBytesBefore) + " -> " +
                                    std::to_string(report.pooledBytesAfter) + " bytes");
    report.rssAfterBytes = residentBytes();
    report.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return report;
}

} // namespace suplab
