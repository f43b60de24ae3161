#include "ScenarioCheck.h"

#include "base/Reason.h"
#include "workers/Behaviour.h"
#include "json/Json.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace suplab {

const std::vector<std::string>& knownBehaviours() {
    static const std::vector<std::string> names = {"generic", "counter", "kv_store", "chat_room",
                                                   "logger"};
    return names;
}

std::string joinWords(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += (i + 1 == words.size()) ? " or " : ", ";
        out += words[i];
    }
    return out;
}

bool isValidPath(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.back() == '/') return false;
    return path.find("//") == std::string::npos;
}

namespace {

/// A text as the loader's messages show one: quoted, cut at 40 characters.
std::string shown(const std::string& text) {
    return jsonQuote(text.size() > 40 ? text.substr(0, 40) + "..." : text);
}

/// A text a scenario file can hold: the JSON reader's own rules (valid UTF-8).
bool storable(const std::string& text) {
    return !json::parse(jsonQuote(text)).error;
}

std::string at(const std::string& where, const std::string& key) {
    return where.empty() ? key : where + "." + key;
}

std::string indexed(const std::string& where, std::size_t i) {
    return where + "[" + std::to_string(i) + "]";
}

/// Where a node is started, for the rules that depend on its parent.
struct Place {
    enum class Parent : unsigned char { None, Static, Dynamic, AtRunTime };
    Parent parent = Parent::None;
    AutoShutdown autoShutdown = AutoShutdown::Never;
    std::vector<std::string> siblings; // the supervisor's children's ids, for `uses`
};

class Checker {
  public:
    std::vector<ScenarioProblem> problems;

    void problem(std::string where, std::string what) {
        problems.push_back({std::move(where), std::move(what)});
    }

    void node(const NodeSpec& n, const std::string& where, const Place& place) {
        if (n.id.find_first_not_of(" \t\r\n") == std::string::npos)
            problem(at(where, "id"), "expected a non-empty string, got " + shown(n.id));
        else if (n.id.find('/') != std::string::npos)
            problem(at(where, "id"), "expected an id without '/', got " + shown(n.id));
        else if (!storable(n.id))
            problem(at(where, "id"), "expected UTF-8 text, got bytes that are not");
        if (!storable(n.note))
            problem(at(where, "note"), "expected UTF-8 text, got bytes that are not");
        if (place.parent == Place::Parent::None && !n.isSupervisor())
            problem(at(where, "type"), "expected supervisor or dynamic_supervisor, got a worker");
        if (n.significant) significant(n, where, place);
        if (n.shutdown.kind == ShutdownSpec::Kind::Timeout && n.shutdown.ms < 0)
            problem(at(where, "shutdown"),
                    "expected brutal_kill, infinity or an integer >= 0 (milliseconds), got " +
                        std::to_string(n.shutdown.ms));
        if (n.isSupervisor())
            supervisor(n, where);
        else
            worker(n, where, place);
    }

    void step(const ScriptStep& s, const std::string& where,
              const std::map<std::string, const NodeSpec*>& nodes) {
        if (s.at_ms < 0)
            problem(at(where, "at_ms"), "expected an integer >= 0, got " + std::to_string(s.at_ms));
        if (!isValidPath(s.target)) {
            problem(at(where, "target"),
                    "expected a process path such as \"Root/child\", got " + shown(s.target));
            return;
        }
        switch (s.action) {
        case StepAction::Exit:
        case StepAction::Crash:
            if (!Reason::isValidText(s.reason))
                problem(at(where, "reason"),
                        "expected normal, shutdown, {shutdown,WORD} or a word such as boom, got " +
                            shown(s.reason));
            break;
        case StepAction::Call:
            if (s.function.empty())
                problem(at(where, "function"),
                        "expected the worker's function to call, got nothing");
            break;
        case StepAction::StartChild:
            if (!s.child)
                problem(at(where, "child"), "expected a node to start, got nothing");
            else
                node(*s.child, at(where, "child"), Place{Place::Parent::AtRunTime, {}, {}});
            break;
        case StepAction::TerminateChild:
        case StepAction::RestartChild:
        case StepAction::DeleteChild:
            if (s.child_id.empty() || s.child_id.find('/') != std::string::npos)
                problem(at(where, "child"),
                        "expected a child id (a string), got " +
                            (s.child_id.empty() ? std::string("nothing") : shown(s.child_id)));
            break;
        case StepAction::Kill:
            break;
        }
        possible(s, nodes, where);
    }

  private:
    void significant(const NodeSpec& n, const std::string& where, const Place& place) {
        if (n.restart == RestartType::Permanent)
            problem(at(where, "significant"),
                    "expected a transient or temporary node, got a permanent one "
                    "(a significant child cannot be permanent)");
        using P = Place::Parent;
        if (place.parent == P::AtRunTime) return;
        if (place.parent == P::None || place.parent == P::Dynamic ||
            place.autoShutdown == AutoShutdown::Never)
            problem(at(where, "significant"),
                    std::string("expected a parent whose auto_shutdown is not never, got ") +
                        (place.parent == P::None ? "the root (it has no parent)"
                         : place.parent == P::Dynamic
                             ? "a dynamic_supervisor (it has no auto_shutdown)"
                             : "a parent with auto_shutdown never"));
    }

    void supervisor(const NodeSpec& n, const std::string& where) {
        if (n.max_restarts < 0)
            problem(at(where, "max_restarts"),
                    "expected an integer >= 0, got " + std::to_string(n.max_restarts));
        if (n.max_seconds < 1)
            problem(at(where, "max_seconds"),
                    "expected an integer > 0, got " + std::to_string(n.max_seconds));
        if (n.max_children < -1)
            problem(at(where, "max_children"), "expected an integer >= 0 or \"infinity\", got " +
                                                   std::to_string(n.max_children));
        const bool dynamic = n.type == NodeType::DynamicSupervisor;
        Place self{dynamic ? Place::Parent::Dynamic : Place::Parent::Static,
                   dynamic ? AutoShutdown::Never : n.auto_shutdown,
                   {}};
        for (const auto& child : n.children)
            self.siblings.push_back(child->id);
        std::unordered_set<std::string> seen;
        for (std::size_t i = 0; i < n.children.size(); ++i) {
            const NodeSpec& child = *n.children[i];
            const std::string childAt = indexed(at(where, "children"), i);
            if (!child.id.empty() && !seen.insert(child.id).second)
                problem(at(childAt, "id"), "expected an id unique among its siblings, got " +
                                               shown(child.id) + " a second time");
            node(child, childAt, self);
        }
    }

    void worker(const NodeSpec& n, const std::string& where, const Place& place) {
        const std::pair<const char*, std::int64_t> atLeastZero[] = {{"init_ms", n.init_ms},
                                                                    {"stop_ms", n.stop_ms},
                                                                    {"fail_starts", n.fail_starts},
                                                                    {"mtbf_ms", n.mtbf_ms}};
        for (const auto& [key, value] : atLeastZero)
            if (value < 0)
                problem(at(where, key), "expected an integer >= 0, got " + std::to_string(value));
        if (n.call_ms < 1)
            problem(at(where, "call_ms"),
                    "expected an integer > 0, got " + std::to_string(n.call_ms));
        for (std::size_t i = 0; i < n.fail_attempts.size(); ++i)
            if (n.fail_attempts[i] < 1)
                problem(indexed(at(where, "fail_attempts"), i),
                        "expected an integer >= 1, got " + std::to_string(n.fail_attempts[i]));
        for (std::size_t i = 0; i < n.ignore_attempts.size(); ++i) {
            const std::int64_t a = n.ignore_attempts[i];
            if (a < 1)
                problem(indexed(at(where, "ignore_attempts"), i),
                        "expected an integer >= 1, got " + std::to_string(a));
            else if (n.startAttempt(a) == NodeSpec::Attempt::Fail)
                problem(indexed(at(where, "ignore_attempts"), i),
                        "expected an attempt that does not fail, got " + std::to_string(a) +
                            " (fail_starts or fail_attempts already make it fail)");
        }
        const auto& known = knownBehaviours();
        if (std::find(known.begin(), known.end(), n.behaviour) == known.end())
            problem(at(where, "behaviour"),
                    "expected " + joinWords(known) + ", got " + shown(n.behaviour));
        if (n.behaviour == "counter") {
            const auto args = json::parse(n.args_json);
            if (!args.value ||
                (args.value->type != json::Value::Type::Null &&
                 !(args.value->type == json::Value::Type::Number && args.value->integer)))
                problem(at(where, "args"),
                        "expected an integer (the counter's initial value), got " +
                            (args.value ? args.value->describe() : shown(n.args_json)));
        }
        for (std::size_t i = 0; i < n.uses.size(); ++i)
            if (n.uses[i] == n.id || std::find(place.siblings.begin(), place.siblings.end(),
                                               n.uses[i]) == place.siblings.end())
                problem(indexed(at(where, "uses"), i),
                        "expected the id of a sibling, got " + shown(n.uses[i]) +
                            (n.uses[i] == n.id ? " (the worker's own)" : ""));
    }

    /// What OTP cannot do is refused here, not ignored at run time: a supervisor has no
    /// code of its own to crash, and a DynamicSupervisor has no restart_child or
    /// delete_child (Elixir's DynamicSupervisor offers neither).
    void possible(const ScriptStep& s, const std::map<std::string, const NodeSpec*>& nodes,
                  const std::string& where) {
        const auto it = nodes.find(s.target);
        if (it == nodes.end()) return; // started at run time: judged then
        const NodeSpec& target = *it->second;
        if (s.action == StepAction::Call && !s.function.empty()) callable(s, target, where);
        if (s.action == StepAction::Crash && target.type != NodeType::Worker)
            problem(at(where, "target"),
                    "expected a worker to crash (a supervisor runs no code of its own to "
                    "crash: use kill or exit), got the supervisor " +
                        s.target);
        if ((s.action == StepAction::RestartChild || s.action == StepAction::DeleteChild) &&
            target.type == NodeType::DynamicSupervisor)
            problem(at(where, "do"), std::string("expected an action a DynamicSupervisor "
                                                 "offers, got ") +
                                         toString(s.action) + " (it has no such function)");
    }

    /// A call needs a worker whose behaviour has that function with that many arguments.
    void callable(const ScriptStep& s, const NodeSpec& target, const std::string& where) {
        const auto functions = Behaviour::functionsOf(target.behaviour);
        std::string known;
        for (const BehaviourFunction& f : functions) {
            const std::size_t arity = std::size_t(f.arity) - (f.serverFirst ? 1 : 0);
            if (s.function == f.name && arity == s.args.size()) return;
            known +=
                (known.empty() ? "" : ", ") + std::string(f.name) + "/" + std::to_string(arity);
        }
        if (functions.empty())
            problem(at(where, "target"),
                    "expected a worker with a behaviour to call (counter, "
                    "kv_store, chat_room, logger), got " +
                        s.target + " (" +
                        (target.isSupervisor() ? std::string("a supervisor") : target.behaviour) +
                        ")");
        else
            problem(at(where, "function"), "expected one of " + known +
                                               " (the arguments the step gives), got " +
                                               s.function + "/" + std::to_string(s.args.size()));
    }
};

void nodesOf(const NodeSpec& n, const std::string& parent,
             std::map<std::string, const NodeSpec*>& nodes) {
    const std::string path = parent.empty() ? n.id : parent + "/" + n.id;
    nodes[path] = &n;
    for (const auto& c : n.children)
        nodesOf(*c, path, nodes);
}

} // namespace

std::vector<ScenarioProblem> checkScenario(const Scenario& scenario) {
    Checker checker;
    std::map<std::string, const NodeSpec*> nodes; // the paths known before the run
    if (!scenario.root) {
        checker.problem("root", "expected a supervisor node, got nothing (root is required)");
    } else {
        checker.node(*scenario.root, "root", Place{});
        nodesOf(*scenario.root, {}, nodes);
    }
    if (scenario.settle_ms < 0)
        checker.problem("settle_ms",
                        "expected an integer >= 0, got " + std::to_string(scenario.settle_ms));
    for (std::size_t i = 0; i < scenario.script.size(); ++i)
        checker.step(scenario.script[i], indexed("script", i), nodes);
    return std::move(checker.problems);
}

std::string processPathAt(const Scenario& scenario, const std::string& where) {
    if (!scenario.root || where.rfind("root", 0) != 0) return {};
    const NodeSpec* node = scenario.root.get();
    std::string path = node->id;
    const std::string step = ".children[";
    for (std::size_t at = 4; where.compare(at, step.size(), step) == 0;) {
        const std::size_t close = where.find(']', at);
        if (close == std::string::npos) break;
        const std::size_t i = std::stoul(where.substr(at + step.size(), close - at - step.size()));
        if (i >= node->children.size()) break;
        node = node->children[i].get();
        path += "/" + node->id;
        at = close + 1;
    }
    return path;
}

std::vector<ScenarioProblem> checkStartedChild(const NodeSpec& child, const std::string& where) {
    Checker checker;
    checker.node(child, where, Place{Place::Parent::AtRunTime, {}, {}});
    return std::move(checker.problems);
}

} // namespace suplab
