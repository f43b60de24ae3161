#include "ScenarioLoader.h"

#include "base/Reason.h"
#include "workers/Behaviour.h"
#include "json/Json.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

namespace suplab {

const std::vector<std::string>& knownBehaviours() {
    static const std::vector<std::string> names = {"generic", "counter", "kv_store", "chat_room",
                                                   "logger"};
    return names;
}

namespace {

using json::Value;
using Type = json::Value::Type;

const std::vector<std::string> kTopKeys = {"name",      "description", "root", "script",
                                           "settle_ms", "stop_at_end", "seed"};
const std::vector<std::string> kCommonKeys = {"id",       "type",        "restart",
                                              "shutdown", "significant", "note"};
const std::vector<std::string> kSupervisorKeys = {"strategy", "max_restarts", "max_seconds",
                                                  "auto_shutdown", "children"};
const std::vector<std::string> kDynamicKeys = {"max_restarts", "max_seconds", "max_children",
                                               "children"};
const std::vector<std::string> kWorkerKeys = {
    "trap_exit", "init_ms", "stop_ms", "fail_starts", "fail_attempts", "ignore_attempts",
    "behaviour", "args",    "uses",    "call_ms",     "mtbf_ms"};
const std::vector<std::string> kStepKeys = {"at_ms", "do",       "target", "reason",
                                            "child", "function", "args"};

std::string joinWords(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += (i + 1 == words.size()) ? " or " : ", ";
        out += words[i];
    }
    return out;
}

class Checker {
  public:
    explicit Checker(std::string label) : label_(std::move(label)) {}
    std::vector<std::string> errors;

    void error(const std::string& where, const std::string& what) {
        errors.push_back(label_ + ": " + where + ": " + what);
    }
    void expected(const std::string& where, const std::string& what, const Value& got) {
        error(where, "expected " + what + ", got " + got.describe());
    }

    void checkKeys(const Value& obj, const std::string& where,
                   std::initializer_list<const std::vector<std::string>*> allowedSets,
                   const std::string& kind) {
        std::vector<std::string> allowed;
        for (auto* set : allowedSets)
            allowed.insert(allowed.end(), set->begin(), set->end());
        for (const auto& [key, value] : obj.members) {
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
                error(join(where, key), "unknown key for " + kind +
                                            " (expected one of: " + joinWordsComma(allowed) + ")");
        }
    }

    static std::string joinWordsComma(const std::vector<std::string>& words) {
        std::string out;
        for (std::size_t i = 0; i < words.size(); ++i)
            out += (i ? ", " : "") + words[i];
        return out;
    }

    static std::string join(const std::string& where, const std::string& key) {
        return where.empty() ? key : where + "." + key;
    }

    std::optional<std::int64_t> integer(const Value& obj, const std::string& where, const char* key,
                                        std::int64_t min, const char* what) {
        const Value* v = obj.find(key);
        if (!v) return std::nullopt;
        if (v->type != Type::Number || !v->integer || *v->integer < min) {
            expected(join(where, key), what, *v);
            return std::nullopt;
        }
        return v->integer;
    }

    std::optional<bool> boolean(const Value& obj, const std::string& where, const char* key) {
        const Value* v = obj.find(key);
        if (!v) return std::nullopt;
        if (v->type != Type::Bool) {
            expected(join(where, key), "true or false", *v);
            return std::nullopt;
        }
        return v->boolean;
    }

    const std::string* string(const Value& obj, const std::string& where, const char* key) {
        const Value* v = obj.find(key);
        if (!v) return nullptr;
        if (v->type != Type::String) {
            expected(join(where, key), "a string", *v);
            return nullptr;
        }
        return &v->text;
    }

    template <typename Enum>
    std::optional<Enum> oneOf(const Value& obj, const std::string& where, const char* key) {
        const Value* v = obj.find(key);
        if (!v) return std::nullopt;
        if (v->type == Type::String)
            if (auto value = fromString<Enum>(v->text)) return value;
        std::vector<std::string> names;
        for (Enum e : allOf<Enum>())
            names.push_back(toString(e));
        expected(join(where, key), joinWords(names), *v);
        return std::nullopt;
    }

    struct Parent {
        bool exists = false;
        bool dynamic = false;
        AutoShutdown autoShutdown = AutoShutdown::Never;
    };

    NodePtr node(const Value& v, const std::string& where, Parent parent,
                 const std::vector<std::string>& earlierSiblings) {
        if (!v.isObject()) {
            expected(where, "a node (an object)", v);
            return nullptr;
        }
        auto n = std::make_shared<NodeSpec>();
        n->source_json = v.dump();
        const std::size_t errorsBefore = errors.size();

        if (const Value* id = v.find("id")) {
            if (!id->isString() || id->text.empty())
                expected(join(where, "id"), "a non-empty string", *id);
            else if (id->text.find('/') != std::string::npos)
                expected(join(where, "id"), "an id without '/'", *id);
            else
                n->id = id->text;
        } else {
            error(join(where, "id"), "expected a non-empty string, got nothing (id is required)");
        }

        if (auto t = oneOf<NodeType>(v, where, "type"))
            n->type = *t;
        else if (v.find("type"))
            return nullptr; // without a valid type, its other keys cannot be judged

        if (auto r = oneOf<RestartType>(v, where, "restart")) n->restart = *r;

        n->shutdown = n->isSupervisor() ? ShutdownSpec::infinity() : ShutdownSpec::timeout(5000);
        if (const Value* s = v.find("shutdown")) {
            if (s->type == Type::String && s->text == "brutal_kill")
                n->shutdown = ShutdownSpec::brutalKill();
            else if (s->type == Type::String && s->text == "infinity")
                n->shutdown = ShutdownSpec::infinity();
            else if (s->type == Type::Number && s->integer && *s->integer >= 0)
                n->shutdown = ShutdownSpec::timeout(*s->integer);
            else
                expected(join(where, "shutdown"),
                         "brutal_kill, infinity or an integer >= 0 (milliseconds)", *s);
        }

        if (auto sig = boolean(v, where, "significant")) {
            n->significant = *sig;
            if (*sig && n->restart == RestartType::Permanent)
                error(join(where, "significant"),
                      "expected a transient or temporary node, got a permanent one "
                      "(a significant child cannot be permanent)");
            if (*sig &&
                (!parent.exists || parent.dynamic || parent.autoShutdown == AutoShutdown::Never))
                error(join(where, "significant"),
                      std::string("expected a parent whose auto_shutdown is not never, got ") +
                          (!parent.exists   ? "the root (it has no parent)"
                           : parent.dynamic ? "a dynamic_supervisor (it has no auto_shutdown)"
                                            : "a parent with auto_shutdown never"));
        }

        if (const Value* note = v.find("note")) {
            if (note->isString())
                n->note = note->text;
            else
                expected(join(where, "note"), "a string", *note);
        }

        switch (n->type) {
        case NodeType::Worker:
            checkKeys(v, where, {&kCommonKeys, &kWorkerKeys}, "a worker");
            worker(v, where, *n, earlierSiblings);
            break;
        case NodeType::Supervisor:
            checkKeys(v, where, {&kCommonKeys, &kSupervisorKeys}, "a supervisor");
            supervisor(v, where, *n, false);
            break;
        case NodeType::DynamicSupervisor:
            checkKeys(v, where, {&kCommonKeys, &kDynamicKeys}, "a dynamic_supervisor");
            supervisor(v, where, *n, true);
            break;
        }
        if (errors.size() != errorsBefore) return nullptr;
        return n;
    }

    void supervisor(const Value& v, const std::string& where, NodeSpec& n, bool dynamic) {
        if (!dynamic) {
            if (auto s = oneOf<Strategy>(v, where, "strategy")) n.strategy = *s;
            if (auto a = oneOf<AutoShutdown>(v, where, "auto_shutdown")) n.auto_shutdown = *a;
        }
        if (auto r = integer(v, where, "max_restarts", 0, "an integer >= 0"))
            n.max_restarts = static_cast<int>(std::min<std::int64_t>(*r, 1'000'000'000));
        if (auto s = integer(v, where, "max_seconds", 1, "an integer > 0"))
            n.max_seconds = static_cast<int>(std::min<std::int64_t>(*s, 1'000'000'000));
        if (dynamic) {
            if (const Value* mc = v.find("max_children")) {
                if (mc->type == Type::String && mc->text == "infinity")
                    n.max_children = -1;
                else if (mc->type == Type::Number && mc->integer && *mc->integer >= 0)
                    n.max_children = *mc->integer;
                else
                    expected(join(where, "max_children"), "an integer >= 0 or \"infinity\"", *mc);
            }
        }
        const Value* children = v.find("children");
        if (!children) return;
        const std::string at = join(where, "children");
        if (!children->isArray()) {
            expected(at, "an array of nodes", *children);
            return;
        }
        Parent self{true, dynamic, n.auto_shutdown};
        std::vector<std::string> seen;           // earlier siblings, in order (for `uses`)
        std::unordered_set<std::string> seenIds; // the same, for the uniqueness check
        for (std::size_t i = 0; i < children->items.size(); ++i) {
            const std::string childAt = at + "[" + std::to_string(i) + "]";
            const Value& item = children->items[i];
            if (item.isObject())
                if (const Value* id = item.find("id"); id && id->isString() && !id->text.empty()) {
                    if (seenIds.count(id->text))
                        error(join(childAt, "id"),
                              "expected an id unique among its siblings, got " + id->describe() +
                                  " a second time");
                }
            NodePtr child = node(item, childAt, self, seen);
            if (item.isObject())
                if (const Value* id = item.find("id"); id && id->isString()) {
                    seen.push_back(id->text);
                    seenIds.insert(id->text);
                }
            if (child) n.children.push_back(std::move(child));
        }
    }

    /// A list of start attempts (fail_attempts, ignore_attempts): integers >= 1.
    void attempts(const Value& v, const std::string& where, const char* key,
                  std::vector<std::int64_t>& out) {
        const Value* list = v.find(key);
        if (!list) return;
        if (!list->isArray()) {
            expected(join(where, key), "an array of integers >= 1", *list);
            return;
        }
        for (std::size_t i = 0; i < list->items.size(); ++i) {
            const Value& a = list->items[i];
            if (a.type != Type::Number || !a.integer || *a.integer < 1)
                expected(join(where, key) + "[" + std::to_string(i) + "]", "an integer >= 1", a);
            else
                out.push_back(*a.integer);
        }
    }

    void worker(const Value& v, const std::string& where, NodeSpec& n,
                const std::vector<std::string>& earlierSiblings) {
        if (auto b = boolean(v, where, "trap_exit")) n.trap_exit = *b;
        if (auto x = integer(v, where, "init_ms", 0, "an integer >= 0")) n.init_ms = *x;
        if (auto x = integer(v, where, "stop_ms", 0, "an integer >= 0")) n.stop_ms = *x;
        if (auto x = integer(v, where, "fail_starts", 0, "an integer >= 0")) n.fail_starts = *x;
        if (auto x = integer(v, where, "call_ms", 1, "an integer > 0")) n.call_ms = *x;
        if (auto x = integer(v, where, "mtbf_ms", 1, "an integer > 0")) n.mtbf_ms = *x;
        attempts(v, where, "fail_attempts", n.fail_attempts);
        attempts(v, where, "ignore_attempts", n.ignore_attempts);
        for (std::size_t i = 0; i < n.ignore_attempts.size(); ++i) {
            const std::int64_t a = n.ignore_attempts[i];
            if (a <= n.fail_starts || std::find(n.fail_attempts.begin(), n.fail_attempts.end(),
                                                a) != n.fail_attempts.end())
                error(join(where, "ignore_attempts") + "[" + std::to_string(i) + "]",
                      "expected an attempt that does not fail, got " + std::to_string(a) +
                          " (fail_starts or fail_attempts already make it fail)");
        }
        if (const std::string* b = string(v, where, "behaviour")) {
            const auto& known = knownBehaviours();
            if (std::find(known.begin(), known.end(), *b) == known.end())
                expected(join(where, "behaviour"), joinWords(known), *v.find("behaviour"));
            else
                n.behaviour = *b;
        }
        if (const Value* a = v.find("args")) {
            n.args_json = a->dump();
            if (n.behaviour == "counter" && a->type != Type::Null &&
                !(a->type == Type::Number && a->integer))
                expected(join(where, "args"), "an integer (the counter's initial value)", *a);
        }
        if (const Value* u = v.find("uses")) {
            if (!u->isArray()) {
                expected(join(where, "uses"), "an array of sibling ids", *u);
            } else {
                for (std::size_t i = 0; i < u->items.size(); ++i) {
                    const Value& dep = u->items[i];
                    const std::string at = join(where, "uses") + "[" + std::to_string(i) + "]";
                    if (!dep.isString())
                        expected(at, "a sibling id (a string)", dep);
                    else if (std::find(earlierSiblings.begin(), earlierSiblings.end(), dep.text) ==
                             earlierSiblings.end())
                        expected(at, "the id of an earlier sibling", dep);
                    else
                        n.uses.push_back(dep.text);
                }
            }
        }
    }

    /// A call's argument: a JSON number, string or array; a string that starts with a
    /// colon is an atom (":name" is :name), true/false/null are atoms too.
    std::optional<suplab::Value> argument(const Value& v, const std::string& where) {
        if (v.isString()) {
            if (v.text.size() > 1 && v.text.front() == ':')
                return suplab::Value::atom(v.text.substr(1));
            return suplab::Value::string(v.text);
        }
        if (v.type == Value::Type::Number) {
            if (v.integer) return suplab::Value::integerOf(*v.integer);
            expected(where, "an integer", v);
            return std::nullopt;
        }
        if (v.type == Value::Type::Bool) return suplab::Value::boolean(v.boolean);
        if (v.type == Value::Type::Null) return suplab::Value::nil();
        if (v.isArray()) {
            std::vector<suplab::Value> items;
            for (std::size_t i = 0; i < v.items.size(); ++i) {
                auto item = argument(v.items[i], where + "[" + std::to_string(i) + "]");
                if (!item) return std::nullopt;
                items.push_back(std::move(*item));
            }
            return suplab::Value::list(std::move(items));
        }
        expected(where, "a number, a string (\":name\" for an atom) or an array", v);
        return std::nullopt;
    }

    std::optional<ScriptStep> step(const Value& v, const std::string& where) {
        if (!v.isObject()) {
            expected(where, "a step (an object)", v);
            return std::nullopt;
        }
        const std::size_t before = errors.size();
        checkKeys(v, where, {&kStepKeys}, "a script step");
        ScriptStep s;
        if (auto at = integer(v, where, "at_ms", 0, "an integer >= 0")) s.at_ms = *at;
        const Value* doValue = v.find("do");
        std::optional<StepAction> action;
        if (!doValue) {
            error(join(where, "do"), "expected an action, got nothing (do is required)");
        } else {
            action = oneOf<StepAction>(v, where, "do");
        }
        if (const Value* t = v.find("target")) {
            if (!t->isString() || !validPath(t->text))
                expected(join(where, "target"), "a process path such as \"Root/child\"", *t);
            else
                s.target = t->text;
        } else {
            error(join(where, "target"),
                  "expected a process path, got nothing (target is required)");
        }
        if (!action) return std::nullopt;
        s.action = *action;
        const bool takesReason = s.action == StepAction::Exit || s.action == StepAction::Crash;
        if (const Value* r = v.find("reason")) {
            if (!takesReason)
                error(join(where, "reason"), std::string("expected no reason for ") +
                                                 toString(s.action) + ", got " + r->describe());
            else if (!r->isString() || !Reason::isValidText(r->text))
                expected(join(where, "reason"),
                         "normal, shutdown, {shutdown,WORD} or a word such as boom", *r);
            else
                s.reason = r->text;
        }
        const Value* c = v.find("child");
        const Value* function = v.find("function");
        const Value* args = v.find("args");
        if (s.action != StepAction::Call) {
            if (function)
                error(join(where, "function"), std::string("expected no function for ") +
                                                   toString(s.action) + ", got " +
                                                   function->describe());
            if (args)
                error(join(where, "args"), std::string("expected no args for ") +
                                               toString(s.action) + ", got " + args->describe());
        }
        switch (s.action) {
        case StepAction::Call:
            if (c) error(join(where, "child"), "expected no child for call, got " + c->describe());
            if (!function || !function->isString() || function->text.empty()) {
                if (function)
                    expected(join(where, "function"), "a function name such as \"increment\"",
                             *function);
                else
                    error(join(where, "function"),
                          "expected the worker's function to call, got nothing");
            } else {
                s.function = function->text;
            }
            if (args) {
                if (!args->isArray()) {
                    expected(join(where, "args"), "an array of arguments", *args);
                } else {
                    for (std::size_t i = 0; i < args->items.size(); ++i)
                        if (auto a = argument(args->items[i],
                                              join(where, "args[" + std::to_string(i) + "]")))
                            s.args.push_back(std::move(*a));
                }
            }
            break;
        case StepAction::Kill:
        case StepAction::Exit:
        case StepAction::Crash:
            if (c)
                error(join(where, "child"), std::string("expected no child for ") +
                                                toString(s.action) + ", got " + c->describe());
            break;
        case StepAction::StartChild:
            if (!c) {
                error(join(where, "child"), "expected a node to start, got nothing");
            } else {
                // A started child's parent is only known at run time: judge `significant`
                // against a parent that allows it; the supervisor re-checks.
                s.child = node(*c, join(where, "child"),
                               Parent{true, false, AutoShutdown::AnySignificant}, {});
                if (s.child) s.child_id = s.child->id;
            }
            break;
        default:
            if (!c || !c->isString() || c->text.empty() || c->text.find('/') != std::string::npos) {
                if (c)
                    expected(join(where, "child"), "a child id (a string)", *c);
                else
                    error(join(where, "child"), "expected a child id, got nothing");
            } else {
                s.child_id = c->text;
            }
        }
        if (errors.size() != before) return std::nullopt;
        return s;
    }

    static void nodesOf(const NodeSpec& n, const std::string& parent,
                        std::map<std::string, const NodeSpec*>& nodes) {
        const std::string path = parent.empty() ? n.id : parent + "/" + n.id;
        nodes[path] = &n;
        for (const auto& c : n.children)
            nodesOf(*c, path, nodes);
    }

    /// What OTP cannot do is refused here, not ignored at run time: a supervisor has no
    /// code of its own to crash, and a DynamicSupervisor has no restart_child or
    /// delete_child (Elixir's DynamicSupervisor offers neither).
    bool possible(const ScriptStep& s, const std::map<std::string, const NodeSpec*>& nodes,
                  const std::string& where) {
        const auto it = nodes.find(s.target);
        if (it == nodes.end()) return true; // started at run time: judged then
        const NodeSpec& target = *it->second;
        if (s.action == StepAction::Call) return callable(s, target, where);
        if (s.action == StepAction::Crash && target.type != NodeType::Worker) {
            error(join(where, "target"),
                  "expected a worker to crash (a supervisor runs no code of its own to "
                  "crash: use kill or exit), got the supervisor " +
                      s.target);
            return false;
        }
        if ((s.action == StepAction::RestartChild || s.action == StepAction::DeleteChild) &&
            target.type == NodeType::DynamicSupervisor) {
            error(join(where, "do"), std::string("expected an action a DynamicSupervisor "
                                                 "offers, got ") +
                                         toString(s.action) + " (it has no such function)");
            return false;
        }
        return true;
    }

    /// A call needs a worker whose behaviour has that function with that many arguments.
    bool callable(const ScriptStep& s, const NodeSpec& target, const std::string& where) {
        const auto functions = Behaviour::functionsOf(target.behaviour);
        std::string known;
        for (const BehaviourFunction& f : functions) {
            const std::size_t arity = std::size_t(f.arity) - (f.serverFirst ? 1 : 0);
            if (s.function == f.name && arity == s.args.size()) return true;
            known +=
                (known.empty() ? "" : ", ") + std::string(f.name) + "/" + std::to_string(arity);
        }
        if (functions.empty())
            error(join(where, "target"),
                  "expected a worker with a behaviour to call (counter, "
                  "kv_store, chat_room, logger), got " +
                      s.target + " (" +
                      (target.isSupervisor() ? std::string("a supervisor") : target.behaviour) +
                      ")");
        else
            error(join(where, "function"), "expected one of " + known +
                                               " (the arguments the step gives), got " +
                                               s.function + "/" + std::to_string(s.args.size()));
        return false;
    }

    static bool validPath(const std::string& p) {
        if (p.empty() || p.front() == '/' || p.back() == '/') return false;
        return p.find("//") == std::string::npos;
    }

    std::optional<Scenario> scenario(const Value& doc) {
        if (!doc.isObject()) {
            expected("(top level)", "a scenario object", doc);
            return std::nullopt;
        }
        checkKeys(doc, "", {&kTopKeys}, "a scenario");
        Scenario sc;
        if (const Value* name = doc.find("name")) {
            if (!name->isString())
                expected("name", "a string", *name);
            else
                sc.name = name->text;
        } else {
            error("name", "expected a string, got nothing (name is required)");
        }
        if (const std::string* d = string(doc, "", "description")) sc.description = *d;
        if (auto s = integer(doc, "", "settle_ms", 0, "an integer >= 0")) sc.settle_ms = *s;
        if (auto b = boolean(doc, "", "stop_at_end")) sc.stop_at_end = *b;
        if (const Value* seed = doc.find("seed")) {
            if (seed->type != Type::Number || !seed->integer)
                expected("seed", "an integer", *seed);
            else
                sc.seed = static_cast<std::uint64_t>(*seed->integer);
        }
        if (const Value* root = doc.find("root")) {
            if (root->isObject()) {
                const Value* t = root->find("type");
                if (!t || !t->isString() ||
                    (t->text != "supervisor" && t->text != "dynamic_supervisor"))
                    error("root.type", "expected supervisor or dynamic_supervisor, got " +
                                           (t ? t->describe() : std::string("nothing (a worker)")));
                else
                    sc.root = node(*root, "root", Parent{}, {});
            } else {
                expected("root", "a supervisor node (an object)", *root);
            }
        } else {
            error("root", "expected a supervisor node, got nothing (root is required)");
        }
        if (const Value* script = doc.find("script")) {
            if (!script->isArray()) {
                expected("script", "an array of steps", *script);
            } else {
                std::map<std::string, const NodeSpec*> nodes; // the paths known before the run
                if (sc.root) nodesOf(*sc.root, {}, nodes);
                for (std::size_t i = 0; i < script->items.size(); ++i) {
                    const std::string where = "script[" + std::to_string(i) + "]";
                    if (auto s = step(script->items[i], where)) {
                        if (possible(*s, nodes, where)) sc.script.push_back(std::move(*s));
                    }
                }
                std::stable_sort(
                    sc.script.begin(), sc.script.end(),
                    [](const ScriptStep& a, const ScriptStep& b) { return a.at_ms < b.at_ms; });
            }
        }
        if (!errors.empty()) return std::nullopt;
        return sc;
    }

  private:
    std::string label_;
};

} // namespace

LoadResult loadScenarioText(std::string_view text, const std::string& label) {
    LoadResult result;
    if (text.size() > kMaxScenarioBytes) {
        result.errors.push_back(label + ": (file): expected at most " +
                                std::to_string(kMaxScenarioBytes >> 20) + " MiB, got " +
                                std::to_string(text.size()) + " bytes");
        return result;
    }
    auto parsed = json::parse(text);
    if (parsed.error) {
        result.errors.push_back(label + ": line " + std::to_string(parsed.error->at.line) +
                                ", column " + std::to_string(parsed.error->at.column) + ": " +
                                parsed.error->message);
        return result;
    }
    Checker checker(label);
    result.scenario = checker.scenario(*parsed.value);
    result.errors = std::move(checker.errors);
    if (!result.errors.empty()) result.scenario.reset();
    return result;
}

LoadResult loadScenarioFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.errors.push_back(path +
                                ": (file): expected a readable file, got none (cannot open it)");
        return result;
    }
    std::string text;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxScenarioBytes) break;
    }
    return loadScenarioText(text, path);
}

std::vector<std::string> validateNodeText(std::string_view text, const std::string& where,
                                          NodePtr* out) {
    auto parsed = json::parse(text);
    if (parsed.error)
        return {where + ": line " + std::to_string(parsed.error->at.line) + ", column " +
                std::to_string(parsed.error->at.column) + ": " + parsed.error->message};
    Checker checker(where);
    NodePtr node = checker.node(*parsed.value, "child",
                                Checker::Parent{true, false, AutoShutdown::AnySignificant}, {});
    if (out) *out = node;
    return checker.errors;
}

} // namespace suplab
