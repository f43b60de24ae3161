#include "RunMetrics.h"

#include <algorithm>

namespace suplab {

RunMetrics computeMetrics(const std::vector<Event>& events, const std::string& rootPath,
                          std::int64_t endUs) {
    RunMetrics m;
    struct Life {
        std::int64_t upSince = -1;
        std::int64_t firstUp = -1;
        double upUs = 0;
    };
    std::map<std::string, Life> lives;
    std::vector<std::pair<std::string, std::int64_t>> pendingFaults; // path, injected at

    for (const auto& e : events) {
        if (e.tUs > endUs) break;
        switch (e.kind) {
        case EventKind::Up: {
            Life& l = lives[e.path];
            if (l.firstUp < 0) l.firstUp = e.tUs;
            l.upSince = e.tUs;
            for (auto it = pendingFaults.begin(); it != pendingFaults.end();) {
                if (it->first == e.path) {
                    const double ms = double(e.tUs - it->second) / 1000.0;
                    ++m.recovered;
                    m.meanRecoveryMs += ms;
                    m.maxRecoveryMs = std::max(m.maxRecoveryMs, ms);
                    it = pendingFaults.erase(it);
                } else {
                    ++it;
                }
            }
            break;
        }
        case EventKind::Down: {
            Life& l = lives[e.path];
            if (l.upSince >= 0) l.upUs += double(e.tUs - l.upSince);
            l.upSince = -1;
            if (e.path == rootPath) m.rootFailed = true;
            break;
        }
        case EventKind::GiveUp:
            ++m.giveUps;
            if (e.path == rootPath) m.rootFailed = true;
            break;
        case EventKind::Restart:
            if (e.detail.rfind("bystander", 0) == 0) {
                if (e.detail.find("not restarted") == std::string::npos) ++m.bystanders;
            } else {
                ++m.restarts;
            }
            break;
        case EventKind::Inject:
            ++m.faults;
            pendingFaults.emplace_back(e.path, e.tUs);
            break;
        default:
            break;
        }
    }
    if (m.recovered > 0) m.meanRecoveryMs /= m.recovered;
    double sum = 0;
    int counted = 0;
    for (auto& [path, l] : lives) {
        if (l.firstUp < 0) continue;
        if (l.upSince >= 0)
            l.upUs += double(endUs - l.upSince);
        else
            ++m.lost;
        const double window = double(std::max<std::int64_t>(1, endUs - l.firstUp));
        const double availability = std::clamp(l.upUs / window, 0.0, 1.0);
        m.availabilityByPath[path] = availability;
        m.downtimeMs += (window - l.upUs) / 1000.0;
        sum += availability;
        ++counted;
    }
    m.availability = counted ? sum / counted : 1.0;
    return m;
}

} // namespace suplab
