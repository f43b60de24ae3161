#include "ScenarioLoader.h"

#include "base/Reason.h"
#include "scenario/ScenarioCheck.h"
#include "json/Json.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_set>

namespace suplab {

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

/// The object a location belongs to: `root.children[1]` for `root.children[1].uses[0]`.
std::string ownerOf(const std::string& where) {
    const auto dot = where.rfind('.');
    return dot == std::string::npos ? std::string() : where.substr(0, dot);
}

/// Reads the JSON text into a Scenario value, reporting what is particular to JSON:
/// a key of the wrong type, an unknown key, a name that is not one of the format's.
/// The rules of the tree and the script are checkScenario's (ScenarioCheck.h). A node
/// or step the reader could not read whole is kept, so that later locations keep their
/// indices, and marked: the rules do not judge its own keys again.
class Checker {
  public:
    explicit Checker(std::string label) : label_(std::move(label)) {}
    std::vector<std::string> errors;

    void error(const std::string& where, const std::string& what) {
        errors.push_back(label_ + ": " + where + ": " + what);
        misread_.insert(ownerOf(where));
    }
    /// The rules' problems, except those about an object the reader already faulted.
    void add(const std::vector<ScenarioProblem>& problems) {
        for (const ScenarioProblem& p : problems)
            if (!misread_.count(ownerOf(p.where)))
                errors.push_back(label_ + ": " + p.where + ": " + p.what);
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

    NodePtr node(const Value& v, const std::string& where) {
        auto n = std::make_shared<NodeSpec>();
        if (!v.isObject()) {
            expected(where, "a node (an object)", v);
            misread_.insert(where);
            return n;
        }
        n->source_json = v.dump();

        if (const Value* id = v.find("id")) {
            if (!id->isString())
                expected(join(where, "id"), "a non-empty string", *id);
            else
                n->id = id->text;
        } else {
            error(join(where, "id"), "expected a non-empty string, got nothing (id is required)");
        }

        if (auto t = oneOf<NodeType>(v, where, "type"))
            n->type = *t;
        else if (v.find("type"))
            return n; // without a valid type, its other keys cannot be judged

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

        if (auto sig = boolean(v, where, "significant")) n->significant = *sig;
        if (const std::string* note = string(v, where, "note")) n->note = *note;

        switch (n->type) {
        case NodeType::Worker:
            checkKeys(v, where, {&kCommonKeys, &kWorkerKeys}, "a worker");
            worker(v, where, *n);
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
        for (std::size_t i = 0; i < children->items.size(); ++i)
            n.children.push_back(node(children->items[i], at + "[" + std::to_string(i) + "]"));
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

    void worker(const Value& v, const std::string& where, NodeSpec& n) {
        if (auto b = boolean(v, where, "trap_exit")) n.trap_exit = *b;
        if (auto x = integer(v, where, "init_ms", 0, "an integer >= 0")) n.init_ms = *x;
        if (auto x = integer(v, where, "stop_ms", 0, "an integer >= 0")) n.stop_ms = *x;
        if (auto x = integer(v, where, "fail_starts", 0, "an integer >= 0")) n.fail_starts = *x;
        if (auto x = integer(v, where, "call_ms", 1, "an integer > 0")) n.call_ms = *x;
        if (auto x = integer(v, where, "mtbf_ms", 1, "an integer > 0")) n.mtbf_ms = *x;
        attempts(v, where, "fail_attempts", n.fail_attempts);
        attempts(v, where, "ignore_attempts", n.ignore_attempts);
        if (const std::string* b = string(v, where, "behaviour")) n.behaviour = *b;
        if (const Value* a = v.find("args")) n.args_json = a->dump();
        if (const Value* u = v.find("uses")) {
            if (!u->isArray()) {
                expected(join(where, "uses"), "an array of sibling ids", *u);
            } else {
                for (std::size_t i = 0; i < u->items.size(); ++i) {
                    const Value& dep = u->items[i];
                    if (!dep.isString())
                        expected(join(where, "uses") + "[" + std::to_string(i) + "]",
                                 "a sibling id (a string)", dep);
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

    ScriptStep step(const Value& v, const std::string& where) {
        ScriptStep s;
        if (!v.isObject()) {
            expected(where, "a step (an object)", v);
            misread_.insert(where);
            return s;
        }
        checkKeys(v, where, {&kStepKeys}, "a script step");
        if (auto at = integer(v, where, "at_ms", 0, "an integer >= 0")) s.at_ms = *at;
        if (!v.find("do"))
            error(join(where, "do"), "expected an action, got nothing (do is required)");
        else if (auto action = oneOf<StepAction>(v, where, "do"))
            s.action = *action;
        else
            return s;
        if (const Value* t = v.find("target")) {
            if (!t->isString())
                expected(join(where, "target"), "a process path such as \"Root/child\"", *t);
            else
                s.target = t->text;
        } else {
            error(join(where, "target"),
                  "expected a process path, got nothing (target is required)");
        }
        const bool takesReason = s.action == StepAction::Exit || s.action == StepAction::Crash;
        if (const Value* r = v.find("reason")) {
            if (!takesReason)
                error(join(where, "reason"), std::string("expected no reason for ") +
                                                 toString(s.action) + ", got " + r->describe());
            else if (!r->isString())
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
            if (function && !function->isString())
                expected(join(where, "function"), "a function name such as \"increment\"",
                         *function);
            else if (function)
                s.function = function->text;
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
            if (c) {
                s.child = node(*c, join(where, "child"));
                s.child_id = s.child->id;
            }
            break;
        default:
            if (c && !c->isString())
                expected(join(where, "child"), "a child id (a string)", *c);
            else if (c)
                s.child_id = c->text;
        }
        return s;
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
            if (root->isObject())
                sc.root = node(*root, "root");
            else
                expected("root", "a supervisor node (an object)", *root);
        } else {
            error("root", "expected a supervisor node, got nothing (root is required)");
        }
        if (const Value* script = doc.find("script")) {
            if (!script->isArray()) {
                expected("script", "an array of steps", *script);
            } else {
                for (std::size_t i = 0; i < script->items.size(); ++i)
                    sc.script.push_back(
                        step(script->items[i], "script[" + std::to_string(i) + "]"));
            }
        }
        add(checkScenario(sc)); // the rules, judged on the value with the file's indices
        std::stable_sort(
            sc.script.begin(), sc.script.end(),
            [](const ScriptStep& x, const ScriptStep& y) { return x.at_ms < y.at_ms; });
        if (!errors.empty()) return std::nullopt;
        return sc;
    }

  private:
    std::string label_;
    std::set<std::string> misread_; // objects the reader found a problem in
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

} // namespace suplab
