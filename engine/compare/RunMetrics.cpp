#include "RunMetrics.h"

#include <algorithm>
#include <cstdlib>

namespace suplab {

namespace {

std::string parentOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool isAtOrBelow(const std::string& path, const std::string& top) {
    return path == top || (path.size() > top.size() && path.compare(0, top.size(), top) == 0 &&
                           path[top.size()] == '/');
}

// normal, shutdown and {shutdown,_} end a process on purpose; `killed` not from an
// injected kill is a supervisor's brutal_kill or a shutdown timeout: no crash either.
bool isCrash(const std::string& reason) {
    return !(reason.empty() || reason == "normal" || reason == "shutdown" ||
             reason.rfind("{shutdown", 0) == 0 || reason == "killed");
}

/// The number after `word` in `text` and the one after the following '/' ("restarts 2/3").
std::optional<std::pair<int, int>> countOf(const std::string& text, const std::string& word) {
    const auto at = text.find(word);
    if (at == std::string::npos) return std::nullopt;
    const char* p = text.c_str() + at + word.size();
    char* end = nullptr;
    const long n = std::strtol(p, &end, 10);
    if (end == p || *end != '/') return std::nullopt;
    const long m = std::strtol(end + 1, nullptr, 10);
    return std::pair<int, int>{int(n), int(m)};
}

struct Life {
    bool up = false;
    std::int64_t firstUp = -1;
    std::int64_t upSince = -1;
    std::int64_t lastDown = -1;
    std::int64_t deliberateFrom = -1; // down on purpose since then (terminate/delete_child)
    double upUs = 0;
    double excludedUs = 0; // time down on purpose: no service was owed
};

struct PendingFault {
    std::string path;
    std::int64_t atUs;
    std::string reason; // the reason its target ends with if it lands
    std::set<std::string> upBefore;
};

// A landed fault's recovery: done once every process that was up before it is up
// again and stays so until the next fault lands (or the window ends). A follow-on
// crash in between puts the finish back to when the tree is whole after it.
struct Recovery {
    std::int64_t fromUs;
    std::set<std::string> owed;    // what was up before the fault
    std::set<std::string> waiting; // ... and is not up now
    std::optional<std::int64_t> wholeAtUs;
    // Within the current instant: when the tree was whole before a down undid it, and
    // the paths whose downs did. If they all turn out to be ended on purpose, it was.
    std::optional<std::int64_t> undoneWholeAtUs;
    std::set<std::string> undoneBy;
};

} // namespace

std::optional<double> RunMetrics::restartsPerLandedFault() const {
    if (faultsLanded == 0) return std::nullopt;
    return double(restarts) / faultsLanded;
}

std::optional<double> RunMetrics::bystandersPerLandedFault() const {
    if (faultsLanded == 0) return std::nullopt;
    return double(bystanders) / faultsLanded;
}

double RunMetrics::closestApproachMax() const {
    double most = 0;
    for (const auto& [path, a] : closestApproach)
        most = std::max(most, a);
    return most;
}

RunMetrics computeMetrics(const std::vector<Event>& events, const MeasureWindow& window) {
    RunMetrics m;
    const std::int64_t endUs = window.endUs;
    m.windowMs = double(endUs) / 1000.0;
    std::set<std::string> supervisors = window.supervisors;
    for (const Event& e : events)
        if (e.tUs <= endUs)
            for (std::string p = parentOf(e.path); !p.empty(); p = parentOf(p))
                supervisors.insert(p);

    std::map<std::string, Life> lives;
    std::vector<PendingFault> pending;
    std::vector<Recovery> recoveries;
    std::vector<double> recoveryTimes;
    int injectEvents = 0;

    auto upPaths = [&] {
        std::set<std::string> out;
        for (const auto& [path, l] : lives)
            if (l.up) out.insert(path);
        return out;
    };
    auto approach = [&](const std::string& supervisor, double value) {
        double& a = m.closestApproach[supervisor];
        a = std::max(a, value);
    };
    auto settleInstant = [&](std::int64_t nowUs) {
        for (Recovery& r : recoveries) {
            if (r.waiting.empty() && !r.wholeAtUs)
                r.wholeAtUs = r.undoneBy.empty() && r.undoneWholeAtUs ? r.undoneWholeAtUs : nowUs;
            r.undoneWholeAtUs.reset();
            r.undoneBy.clear();
        }
    };
    // The next fault landed, or the window ended: what is whole now recovered.
    auto closeWholeRecoveries = [&] {
        std::erase_if(recoveries, [&](const Recovery& r) {
            if (!r.wholeAtUs) return false;
            recoveryTimes.push_back(double(*r.wholeAtUs - r.fromUs) / 1000.0);
            return true;
        });
    };

    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (e.tUs > endUs) break;
        switch (e.kind) {
        case EventKind::Up: {
            Life& l = lives[e.path];
            if (l.firstUp < 0) l.firstUp = e.tUs;
            if (l.deliberateFrom >= 0) l.excludedUs += double(e.tUs - l.deliberateFrom);
            l.deliberateFrom = -1;
            l.up = true;
            l.upSince = e.tUs;
            std::erase_if(pending, [&](const PendingFault& f) { return f.path == e.path; });
            for (Recovery& r : recoveries)
                r.waiting.erase(e.path);
            break;
        }
        case EventKind::Down: {
            Life& l = lives[e.path];
            if (l.up) l.upUs += double(e.tUs - l.upSince);
            l.up = false;
            l.lastDown = e.tUs;
            bool caused = false;
            const auto fault =
                std::find_if(pending.begin(), pending.end(),
                             [&](const PendingFault& f) { return f.path == e.path; });
            if (fault != pending.end()) {
                if (fault->reason == e.reason) {
                    caused = true;
                    ++m.faultsLanded;
                    closeWholeRecoveries();
                    Recovery r{fault->atUs, std::move(fault->upBefore), {}, {}, {}, {}};
                    for (const std::string& p : r.owed)
                        if (!lives[p].up) r.waiting.insert(p);
                    recoveries.push_back(std::move(r));
                }
                pending.erase(fault); // landed, or overtaken by another end
            }
            for (Recovery& r : recoveries)
                if (r.owed.count(e.path)) {
                    r.waiting.insert(e.path);
                    if (r.wholeAtUs) r.undoneWholeAtUs = r.wholeAtUs;
                    r.wholeAtUs.reset();
                    r.undoneBy.insert(e.path);
                }
            if (!caused && isCrash(e.reason)) ++m.followOnCrashes;
            if (e.path == window.rootPath && !m.rootFailed) {
                m.rootFailed = true;
                m.rootFailedAtMs = double(e.tUs) / 1000.0;
            }
            break;
        }
        case EventKind::Inject:
            ++injectEvents;
            // A fault still pending on the same target had no effect.
            std::erase_if(pending, [&](const PendingFault& f) { return f.path == e.path; });
            pending.push_back({e.path, e.tUs, e.reason == "kill" ? "killed" : e.reason, upPaths()});
            break;
        case EventKind::Trapped:
            // The signal became a message or was ignored: that fault did nothing.
            std::erase_if(pending, [&](const PendingFault& f) { return f.path == e.path; });
            break;
        case EventKind::GiveUp: {
            ++m.giveUps;
            ++m.followOnCrashes;
            const auto limit = e.detail.find("exceeds ");
            const int max =
                limit == std::string::npos
                    ? 0
                    : std::atoi(e.detail.c_str() + limit + std::string("exceeds ").size());
            approach(e.path, max > 0 ? double(max + 1) / max : 2.0);
            if (parentOf(e.path) == window.rootPath) ++m.escalationsAtRoot;
            if (e.path == window.rootPath && !m.rootFailed) {
                m.rootFailed = true;
                m.rootFailedAtMs = double(e.tUs) / 1000.0;
            }
            break;
        }
        case EventKind::Restart:
            if (e.detail.rfind("bystander", 0) == 0) {
                if (e.detail.find("not restarted") == std::string::npos) ++m.bystanders;
            } else {
                ++m.restarts;
                if (auto count = countOf(e.detail, "restarts "); count && count->second > 0)
                    approach(parentOf(e.path), double(count->first) / count->second);
            }
            break;
        case EventKind::Call:
            // A child ended on purpose: it and what was below it are owed no service.
            if (e.detail == "terminate_child" || e.detail == "delete_child") {
                for (auto& [path, l] : lives)
                    if (isAtOrBelow(path, e.path) && !l.up && l.deliberateFrom < 0)
                        l.deliberateFrom = l.lastDown;
                const auto ended = [&](const std::string& p) { return isAtOrBelow(p, e.path); };
                for (Recovery& r : recoveries) {
                    std::erase_if(r.owed, ended);
                    std::erase_if(r.waiting, ended);
                    std::erase_if(r.undoneBy, ended);
                }
            }
            break;
        default:
            break;
        }
        // What an instant did is judged once all of it is done: a restart at the
        // same instant as the fault is a recovery in no time.
        if (i + 1 == events.size() || events[i + 1].tUs != e.tUs) settleInstant(e.tUs);
    }
    closeWholeRecoveries();

    m.faultsInjected = window.faultsInjected >= 0 ? window.faultsInjected : injectEvents;
    m.faultsWithoutEffect = std::max(0, m.faultsInjected - m.faultsLanded);
    m.recovered = int(recoveryTimes.size());
    if (!recoveryTimes.empty()) {
        double sum = 0;
        for (double t : recoveryTimes)
            sum += t;
        m.meanRecoveryMs = sum / double(recoveryTimes.size());
        m.maxRecoveryMs = *std::max_element(recoveryTimes.begin(), recoveryTimes.end());
    }
    m.survivalMs = m.rootFailedAtMs.value_or(m.windowMs);

    double availabilitySum = 0;
    int workers = 0;
    for (auto& [path, l] : lives) {
        if (l.firstUp < 0) continue;
        if (l.up) l.upUs += double(endUs - l.upSince);
        if (l.deliberateFrom >= 0) {
            l.excludedUs += double(endUs - l.deliberateFrom);
            ++m.deliberateEnds;
        } else if (!l.up) {
            ++m.lost;
        }
        if (supervisors.count(path)) continue;
        const double owed = double(endUs - l.firstUp) - l.excludedUs;
        if (owed <= 0) continue;
        const double availability = std::clamp(l.upUs / owed, 0.0, 1.0);
        m.availabilityByPath[path] = availability;
        m.workerDowntimeMs += std::max(0.0, owed - l.upUs) / 1000.0;
        availabilitySum += availability;
        ++workers;
    }
    m.workerAvailability = workers ? availabilitySum / workers : 1.0;
    return m;
}

} // namespace suplab
