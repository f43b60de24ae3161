#include "LaneOverrides.h"

#include <charconv>
#include <optional>

namespace suplab {

LaneSpec parseLane(const std::string& text, std::vector<std::string>& errors) {
    LaneSpec lane;
    lane.label = text;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = text.find(',', start);
        const std::string part =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? text.size() + 1 : comma + 1;
        if (part.empty()) continue;
        const auto eq = part.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == part.size()) {
            errors.push_back("--lane \"" + text +
                             "\": expected KEY=VALUE or PATH.KEY=VALUE, got \"" + part + "\"");
            continue;
        }
        Override o;
        const std::string lhs = part.substr(0, eq);
        o.value = part.substr(eq + 1);
        const auto dot = lhs.rfind('.');
        // Ids may contain dots (MyApp.Supervisor): the key is the last dotted word.
        if (dot == std::string::npos) {
            o.key = lhs;
        } else {
            o.path = lhs.substr(0, dot);
            o.key = lhs.substr(dot + 1);
        }
        lane.overrides.push_back(std::move(o));
    }
    if (lane.overrides.empty())
        errors.push_back("--lane \"" + text + "\": expected at least one KEY=VALUE");
    return lane;
}

namespace {

std::optional<int> number(const std::string& s, int min) {
    int v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < min) return std::nullopt;
    return v;
}

// Copies the nodes down to `target` and changes the copy there.
NodePtr rewrite(const NodePtr& node, const std::string& path, const Override& o, bool& found,
                std::vector<std::string>& errors, const std::string& lane) {
    const std::string target = o.path.empty() ? path : o.path;
    if (path == target) {
        found = true;
        auto copy = std::make_shared<NodeSpec>(*node);
        auto bad = [&](const std::string& what) {
            errors.push_back("--lane \"" + lane + "\": " + target + "." + o.key + ": " + what);
        };
        if (o.key == "strategy") {
            if (copy->type != NodeType::Supervisor)
                bad("only a supervisor has a strategy");
            else if (auto strategy = fromString<Strategy>(o.value))
                copy->strategy = *strategy;
            else
                bad("expected one_for_one, one_for_all or rest_for_one, got \"" + o.value + "\"");
        } else if (o.key == "max_restarts" || o.key == "max_seconds") {
            const auto v = number(o.value, o.key == "max_restarts" ? 0 : 1);
            if (!copy->isSupervisor())
                bad("only a supervisor has " + o.key);
            else if (!v)
                bad(std::string("expected an integer ") +
                    (o.key == "max_restarts" ? ">= 0" : "> 0") + ", got \"" + o.value + "\"");
            else if (o.key == "max_restarts")
                copy->max_restarts = *v;
            else
                copy->max_seconds = *v;
        } else if (o.key == "backoff") {
            // BASE:MAX[:JITTER] in ms, e.g. 100:5000:0.2 (beyond OTP)
            BackoffSpec b;
            const auto c1 = o.value.find(':');
            const auto c2 = c1 == std::string::npos ? c1 : o.value.find(':', c1 + 1);
            const auto base = number(o.value.substr(0, c1), 1);
            std::optional<int> max;
            if (c1 != std::string::npos) max = number(o.value.substr(c1 + 1, c2 - c1 - 1), 1);
            const int maxMs = max.value_or(0);
            double jitter = 0;
            bool jitterOk = true;
            if (c2 != std::string::npos) {
                try {
                    std::size_t used = 0;
                    jitter = std::stod(o.value.substr(c2 + 1), &used);
                    jitterOk = used == o.value.size() - c2 - 1 && jitter >= 0 && jitter <= 1;
                } catch (...) {
                    jitterOk = false;
                }
            }
            if (!copy->isSupervisor())
                bad("only a supervisor restarts children");
            else if (!base || maxMs < *base || !jitterOk)
                bad("expected BASE_MS:MAX_MS[:JITTER] with 0 < BASE <= MAX and JITTER in 0..1, got "
                    "\"" +
                    o.value + "\"");
            else {
                b.baseMs = *base;
                b.maxMs = maxMs;
                b.jitter = jitter;
                copy->backoff = b;
            }
        } else if (o.key == "restart") {
            if (o.value == "permanent")
                copy->restart = RestartType::Permanent;
            else if (o.value == "transient")
                copy->restart = RestartType::Transient;
            else if (o.value == "temporary")
                copy->restart = RestartType::Temporary;
            else
                bad("expected permanent, transient or temporary, got \"" + o.value + "\"");
            if (copy->significant && copy->restart == RestartType::Permanent)
                bad("a significant child cannot be permanent");
        } else {
            bad("unknown key (expected strategy, max_restarts, max_seconds, restart or backoff)");
        }
        return copy;
    }
    if (target.rfind(path + "/", 0) != 0) return node;
    std::shared_ptr<NodeSpec> copy;
    for (std::size_t i = 0; i < node->children.size(); ++i) {
        const auto& child = node->children[i];
        NodePtr changed = rewrite(child, path + "/" + child->id, o, found, errors, lane);
        if (changed != child) {
            if (!copy) copy = std::make_shared<NodeSpec>(*node);
            copy->children[i] = changed;
        }
    }
    return copy ? NodePtr(copy) : node;
}

} // namespace

Scenario applyLane(const Scenario& scenario, const LaneSpec& lane,
                   std::vector<std::string>& errors) {
    Scenario out = scenario;
    for (const auto& o : lane.overrides) {
        bool found = false;
        out.root = rewrite(out.root, out.root->id, o, found, errors, lane.label);
        if (!found)
            errors.push_back("--lane \"" + lane.label +
                             "\": " + (o.path.empty() ? out.root->id : o.path) +
                             ": expected a path in the scenario's tree, got none there");
    }
    return out;
}

} // namespace suplab
