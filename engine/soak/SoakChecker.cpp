#include "SoakChecker.h"

#include "base/Reason.h"

namespace suplab {

namespace {
constexpr std::size_t kMaxViolationsKept = 100;

bool mustRestart(RestartType type, const std::string& reasonText) {
    switch (type) {
    case RestartType::Permanent:
        return true;
    case RestartType::Transient:
        return !Reason::parse(reasonText).isNormalLike();
    case RestartType::Temporary:
        return false;
    }
    return false;
}
} // namespace

SoakChecker::SoakChecker(std::function<RestartType(const std::string&)> restartOf)
    : restartOf_(std::move(restartOf)) {}

std::string SoakChecker::parentOf(const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

void SoakChecker::violation(std::string what) {
    if (violations_.size() < kMaxViolationsKept)
        violations_.push_back(std::move(what));
    else
        ++droppedViolations_;
}

void SoakChecker::resolveChildrenOf(const std::string& supervisorPath) {
    pending_.erase(supervisorPath);
}

void SoakChecker::onEvent(const Event& e) {
    std::lock_guard guard(lock_);
    ++checked_;
    if (e.seq != lastSeq_ + 1)
        violation("seq " + std::to_string(e.seq) + " follows seq " + std::to_string(lastSeq_));
    lastSeq_ = e.seq;
    switch (e.kind) {
    case EventKind::Up: {
        live_[e.pid] = e.path;
        auto it = pending_.find(parentOf(e.path));
        if (it != pending_.end()) {
            it->second.erase(e.path);
            if (it->second.empty()) pending_.erase(it);
        }
        break;
    }
    case EventKind::Down: {
        if (live_.erase(e.pid) == 0)
            violation("seq " + std::to_string(e.seq) + ": down of " + e.path + " " +
                      formatPid(e.pid) + ", which was never up");
        resolveChildrenOf(e.path);
        const std::string parent = parentOf(e.path);
        if (!parent.empty() && mustRestart(restartOf_(e.path), e.reason))
            pending_[parent].emplace(e.path, e.seq); // the first unresolved down counts
        break;
    }
    case EventKind::GiveUp:
        resolveChildrenOf(e.path);
        break;
    default:
        break;
    }
}

std::vector<std::string> SoakChecker::unresolvedRestarts() const {
    std::lock_guard guard(lock_);
    std::vector<std::string> out;
    for (const auto& [parent, children] : pending_)
        for (const auto& [path, seq] : children)
            out.push_back("seq " + std::to_string(seq) + ": down of " + path +
                          " was followed by neither its restart nor a give_up or down of " +
                          parent);
    return out;
}

std::vector<std::string> SoakChecker::violations() const {
    std::lock_guard guard(lock_);
    auto out = violations_;
    if (droppedViolations_ > 0)
        out.push_back("... and " + std::to_string(droppedViolations_) + " more");
    return out;
}

std::uint64_t SoakChecker::eventsChecked() const {
    std::lock_guard guard(lock_);
    return checked_;
}

std::unordered_set<Pid> SoakChecker::liveChildrenOf(const std::string& supervisorPath) const {
    std::lock_guard guard(lock_);
    std::unordered_set<Pid> out;
    for (const auto& [pid, path] : live_)
        if (parentOf(path) == supervisorPath) out.insert(pid);
    return out;
}

std::string SoakChecker::pathOf(Pid pid) const {
    std::lock_guard guard(lock_);
    auto it = live_.find(pid);
    return it == live_.end() ? "?" : it->second;
}

std::size_t SoakChecker::liveCount() const {
    std::lock_guard guard(lock_);
    return live_.size();
}

} // namespace suplab
