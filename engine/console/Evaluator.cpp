#include "Evaluator.h"

#include "scenario/ScenarioCheck.h"
#include "supervision/ChildFactory.h"
#include "workers/Behaviour.h"

#include <algorithm>

namespace suplab::console {

using elixir::Term;

namespace {

constexpr std::int64_t kMaxSleepMs = 10000;

std::string arityName(const std::string& module, const std::string& function, std::size_t arity) {
    return (module.empty() ? "" : module + ".") + function + "/" + std::to_string(arity);
}

/// An id as Elixir writes it: a module (`Counter`) when it reads as one, else an atom.
Value idValue(const std::string& id) {
    if (!id.empty() && id[0] >= 'A' && id[0] <= 'Z') return Value::module(id);
    return Value::atom(id);
}

/// The scenario id an Elixir child id stands for: `Counter` or `:cache`.
std::string idText(const Value& v) {
    if (v.kind == Value::Kind::Atom) return v.moduleName().empty() ? v.text : v.moduleName();
    if (v.kind == Value::Kind::String) return v.text;
    return inspect(v);
}

/// How GenServer.call reports a call to a name or pid with no process behind it.
std::string noProcess(const std::string& callText) {
    return "** (exit) exited in: " + callText +
           "\n    ** (EXIT) no process: the process is not alive or there's no process "
           "currently associated with the given name, possibly because its application "
           "isn't started";
}

std::string jsonOf(const Value& v) {
    switch (v.kind) {
    case Value::Kind::Integer:
        return std::to_string(v.integer);
    case Value::Kind::String: {
        std::string out = "\"";
        for (char c : v.text) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    }
    default:
        return "null";
    }
}

} // namespace

void Evaluator::fail(std::string text) const {
    throw Failure{std::move(text)};
}

Reply Evaluator::eval(std::string_view line) {
    ++line_;
    const elixir::ParseResult parsed = elixir::parse(line);
    if (!parsed.errors.empty())
        return {false,
                "** (SyntaxError) iex:" + std::to_string(line_) + ": " +
                    parsed.errors.front().second,
                {}};
    if (parsed.statements.empty()) return {true, {}, {}};
    const auto saved = bindings_;
    focus_.clear();
    try {
        Value last;
        for (const Term& statement : parsed.statements)
            last = evaluate(statement);
        // `h` prints its text as iex's helpers do, not as a quoted string.
        const bool helpText = last.kind == Value::Kind::String && helpShown_;
        helpShown_ = false;
        settle();
        return {true, helpText ? last.text : inspectPretty(last), focus_};
    } catch (const Failure& failure) {
        bindings_ = saved; // a line that fails binds nothing, as in iex
        helpShown_ = false;
        settle();
        return {false, failure.text, focus_};
    }
}

void Evaluator::defineModules(std::string_view source) {
    const elixir::ParseResult parsed = elixir::parse(source);
    for (const Term& statement : parsed.statements) {
        if (statement.text != "defmodule" || statement.items.empty() ||
            statement.items[0].kind != Term::Kind::Alias)
            continue;
        const std::string module = statement.items[0].text;
        for (const Term& def : statement.body) {
            if ((def.text != "def" && def.text != "defp") || def.items.empty() || !def.hasBlock)
                continue;
            const Term& head = def.items[0];
            if (head.kind != Term::Kind::Call && head.kind != Term::Kind::Var) continue;
            functions_[arityName(module, head.text, head.items.size())] =
                Function{head.items, def.body};
        }
    }
}

void Evaluator::settle() {
    // An exit signal is asynchronous, as on the BEAM: later calls on the same line may
    // still meet the process (or its absence). But a person types the next line long
    // after the supervisor has acted on it, so before the line's answer the console
    // lets that happen (up to 100 ms of the run's time for each process signalled).
    for (const Pid pid : signalled_) {
        for (int waited = 0; waited < 100 && world_.alive(pid); ++waited)
            world_.sleep(1);
    }
    if (!signalled_.empty()) world_.sleep(10);
    signalled_.clear();
}

Value Evaluator::callDefined(const std::string& module, const Function& function,
                             std::vector<Value> args) {
    if (modules_.size() > 50) fail("** (SupLab) the console stops at 50 nested calls");
    std::map<std::string, Value> scope;
    for (std::size_t i = 0; i < args.size(); ++i)
        match(function.params[i], args[i], scope);
    std::swap(scope, bindings_);
    modules_.push_back(module);
    Value last = Value::nil();
    try {
        for (const Term& statement : function.body)
            last = evaluate(statement);
    } catch (...) {
        modules_.pop_back();
        std::swap(scope, bindings_);
        throw;
    }
    modules_.pop_back();
    std::swap(scope, bindings_);
    return last;
}

Value Evaluator::evaluate(const Term& term) {
    switch (term.kind) {
    case Term::Kind::Integer:
        return Value::integerOf(term.integer);
    case Term::Kind::String:
        if (term.opaque) fail("** (SupLab) string interpolation is not supported in the console");
        return Value::string(term.text);
    case Term::Kind::Atom:
        return Value::atom(term.text);
    case Term::Kind::Alias:
        return Value::module(term.text);
    case Term::Kind::Var: {
        if (auto it = bindings_.find(term.text); it != bindings_.end()) return it->second;
        if (term.text == "__MODULE__" && !modules_.empty()) return Value::module(modules_.back());
        if (term.text == "h") return help({});
        fail("** (CompileError) iex:" + std::to_string(line_) + ": undefined function " +
             term.text + "/0 (there is no such import)");
    }
    case Term::Kind::Tuple:
    case Term::Kind::List: {
        std::vector<Value> items;
        for (const Term& item : term.items)
            items.push_back(evaluate(item));
        return term.kind == Term::Kind::Tuple ? Value::tuple(std::move(items))
                                              : Value::list(std::move(items));
    }
    case Term::Kind::Pair: // an element of a keyword list
        return Value::tuple({evaluate(term.items[0]), evaluate(term.items[1])});
    case Term::Kind::Map: {
        std::vector<std::pair<Value, Value>> entries;
        for (const Term& pair : term.items)
            entries.emplace_back(evaluate(pair.items[0]), evaluate(pair.items[1]));
        return Value::map(std::move(entries));
    }
    case Term::Kind::BinOp:
        if (term.text == "=") {
            Value value = evaluate(term.items[1]);
            std::map<std::string, Value> bound;
            match(term.items[0], value, bound);
            for (auto& [name, v] : bound)
                bindings_[name] = std::move(v);
            return value;
        }
        if (term.text == "|>") { // x |> f(a) is f(x, a)
            Term piped = term.items[1];
            if (piped.kind == Term::Kind::Var) piped.kind = Term::Kind::Call;
            if (piped.kind != Term::Kind::Call) fail("** (ArgumentError) cannot pipe into that");
            piped.items.insert(piped.items.begin(), term.items[0]);
            return call(piped);
        }
        fail("** (SupLab) the operator " + term.text + " is not supported in the console");
    case Term::Kind::Call:
        return call(term);
    case Term::Kind::UnaryOp:
    case Term::Kind::Access:
    case Term::Kind::Fn:
    case Term::Kind::Clause:
    case Term::Kind::Struct:
    case Term::Kind::Binary:
    case Term::Kind::Block:
    case Term::Kind::Opaque:
        break;
    }
    fail("** (SupLab) not supported in the console: " + term.show());
}

void Evaluator::match(const Term& pattern, const Value& value, std::map<std::string, Value>& out,
                      const Value* whole) {
    if (!whole) whole = &value;
    auto noMatch = [&] {
        fail("** (MatchError) no match of right hand side value: " + inspect(*whole));
    };
    switch (pattern.kind) {
    case Term::Kind::Var:
        if (pattern.text.starts_with('_')) return;
        if (auto it = out.find(pattern.text); it != out.end() && !(it->second == value)) noMatch();
        out[pattern.text] = value;
        return;
    case Term::Kind::Tuple:
    case Term::Kind::List: {
        const auto kind =
            pattern.kind == Term::Kind::Tuple ? Value::Kind::Tuple : Value::Kind::List;
        if (value.kind != kind || value.items.size() != pattern.items.size()) noMatch();
        for (std::size_t i = 0; i < pattern.items.size(); ++i)
            match(pattern.items[i], value.items[i], out, whole);
        return;
    }
    case Term::Kind::Integer:
    case Term::Kind::String:
    case Term::Kind::Atom:
    case Term::Kind::Alias:
        if (!(evaluate(pattern) == value)) noMatch();
        return;
    case Term::Kind::UnaryOp: // ^pid: the value bound before, not a new binding
        if (pattern.text == "^" && pattern.items.size() == 1 &&
            pattern.items[0].kind == Term::Kind::Var) {
            if (!(evaluate(pattern.items[0]) == value)) noMatch();
            return;
        }
        break;
    default:
        break;
    }
    fail("** (SupLab) this pattern is not supported in the console: " + pattern.show());
}

Value Evaluator::call(const Term& term) {
    // h Counter, h KVStore.put: the argument names what to describe; it is not run.
    if (term.text == "h" && term.items.size() == 1) {
        const Term& about = term.items[0];
        if (about.kind == Term::Kind::Call && about.items.empty() && !about.hasBlock) {
            const auto dot = about.text.rfind('.');
            if (dot != std::string::npos)
                return help({Value::module(about.text.substr(0, dot))}, about.text.substr(dot + 1));
        }
    }
    std::vector<Value> args;
    for (const Term& a : term.items) // a trailing keyword list is one argument, a List
        args.push_back(evaluate(a));
    const auto dot = term.text.rfind('.');
    if (dot == std::string::npos) return callLocal(term.text, std::move(args));
    std::string module = term.text.substr(0, dot);
    if (module == "__MODULE__" && !modules_.empty()) module = modules_.back();
    if (module.starts_with(':'))
        fail("** (SupLab) Erlang modules are not in the console: " +
             arityName(module, term.text.substr(dot + 1), args.size()) +
             " (SupLab's workers are simulations: the inspector shows what one holds, and its "
             "own functions read it, as Counter.get_count() does)");
    if (module.empty() || module[0] < 'A' || module[0] > 'Z')
        fail("** (SupLab) only calls to modules (Counter.get_count()) are supported: " +
             term.show());
    return callRemote(module, term.text.substr(dot + 1), std::move(args));
}

Value Evaluator::callLocal(const std::string& function, std::vector<Value> args) {
    if (!modules_.empty()) { // a call inside a module's own function
        const std::string& module = modules_.back();
        if (auto it = functions_.find(arityName(module, function, args.size()));
            it != functions_.end())
            return callDefined(module, it->second, std::move(args));
    }
    if (function == "self" && args.empty()) return Value::pidOf(world_.self());
    if (function == "h" && args.size() <= 1) return help(args);
    if (function == "length" && args.size() == 1) {
        if (args[0].kind != Value::Kind::List)
            fail("** (ArgumentError) errors were found at the given arguments:\n\n"
                 "  * 1st argument: not a list");
        return Value::integerOf(static_cast<std::int64_t>(args[0].items.size()));
    }
    if (function == "elem" && args.size() == 2 && args[0].kind == Value::Kind::Tuple &&
        args[1].kind == Value::Kind::Integer) {
        if (args[1].integer < 0 || args[1].integer >= std::int64_t(args[0].items.size()))
            fail("** (ArgumentError) errors were found at the given arguments:\n\n"
                 "  * 2nd argument: out of range");
        return args[0].items[static_cast<std::size_t>(args[1].integer)];
    }
    if ((function == "hd" || function == "tl") && args.size() == 1 &&
        args[0].kind == Value::Kind::List && !args[0].items.empty()) {
        if (function == "hd") return args[0].items.front();
        return Value::list({args[0].items.begin() + 1, args[0].items.end()});
    }
    fail("** (CompileError) iex:" + std::to_string(line_) + ": undefined function " +
         arityName({}, function, args.size()) + " (there is no such import)");
}

Value Evaluator::help(const std::vector<Value>& args, const std::string& only) {
    helpShown_ = true;
    if (args.empty())
        return Value::string(
            "SupLab's console runs these as iex would, on the running tree:\n"
            "  the workers' own functions: Counter.get_count(), KVStore.put(k, v), ...\n"
            "      (h Counter lists a module's functions)\n"
            "  the functions of the modules read from the file (an imported module's\n"
            "      start_session(\"user_1\"), say), and GenServer.call/2 and cast/2\n"
            "  Process.whereis/1, exit/2, alive?/1, sleep/1; self/0, length/1, elem/2, hd/1, "
            "tl/1\n"
            "  Supervisor.which_children/1, count_children/1, start_child/2, "
            "terminate_child/2,\n"
            "      restart_child/2, delete_child/2\n"
            "  DynamicSupervisor.start_child/2, terminate_child/2, which_children/1, "
            "count_children/1\n"
            "  {:ok, pid} = ... binds pid for the lines after; ; separates expressions; |> "
            "pipes\n"
            "Up and Down recall earlier lines. Anything else is refused with a message.");
    const std::string module = args[0].moduleName();
    if (module.empty())
        fail("** (SupLab) h takes a module: h Counter, h Supervisor, h MyApp.SessionSupervisor");
    std::vector<std::string> names;
    if (module == "Process")
        names = {"whereis/1", "exit/2", "alive?/1", "sleep/1"};
    else if (module == "Supervisor")
        names = {"which_children/1",  "count_children/1", "start_child/2",
                 "terminate_child/2", "restart_child/2",  "delete_child/2"};
    else if (module == "DynamicSupervisor")
        names = {"start_child/2", "terminate_child/2", "which_children/1", "count_children/1"};
    if (module == "GenServer") names = {"call/2", "cast/2"};
    const std::string prefix = module + ".";
    for (const auto& [name, function] : functions_)
        if (name.starts_with(prefix)) names.push_back(name.substr(prefix.size()));
    const std::string behaviour = behaviourOf(module);
    for (const BehaviourFunction& f : Behaviour::functionsOf(behaviour))
        names.push_back(std::string(f.name) + "/" + std::to_string(f.arity));
    if (!only.empty())
        std::erase_if(names, [&](const std::string& n) { return !n.starts_with(only + "/"); });
    if (names.empty())
        fail("** (SupLab) the console knows no function " +
             (only.empty() ? "of " + module : module + "." + only) + " (h lists what it runs)");
    std::string text =
        module +
        (behaviour.empty() || behaviour == "generic" ? std::string()
                                                     : " (SupLab's " + behaviour + " worker)") +
        ":";
    for (const std::string& name : names)
        text += "\n  " + prefix + name;
    return Value::string(text);
}

Value Evaluator::startTree() {
    const World::TreeStart start = world_.startTree();
    if (start.pid == kNoPid) return Value::tuple({Value::atom("error"), Value::atom("shutdown")});
    focus_ = world_.rootId();
    if (start.alreadyStarted)
        return Value::tuple({Value::atom("error"), Value::tuple({Value::atom("already_started"),
                                                                 Value::pidOf(start.pid)})});
    return Value::tuple({Value::ok(), Value::pidOf(start.pid)});
}

Value Evaluator::callRemote(const std::string& module, const std::string& function,
                            std::vector<Value> args) {
    if (auto it = functions_.find(arityName(module, function, args.size())); it != functions_.end())
        return callDefined(module, it->second, std::move(args));
    // The root's own start_link, when no module of its was read: it starts the tree.
    if (function == "start_link" && args.size() <= 1 && module == world_.rootId())
        return startTree();
    if (module == "Process") return processFunction(function, args);
    if (module == "Supervisor") return supervisorFunction(false, function, args);
    if (module == "DynamicSupervisor") return supervisorFunction(true, function, args);
    if (module == "GenServer") return genServerFunction(function, args);
    // Elixir's own modules: known, but not in the console.
    static constexpr const char* kElixirModules[] = {
        "IO",     "Enum",  "Map",      "List",   "String",      "Kernel",   "Keyword",
        "Agent",  "Task",  "Registry", "Logger", "Application", "Stream",   "Tuple",
        "Atom",   "Node",  "System",   "Code",   "Module",      "Integer",  "Float",
        "Access", "Range", "MapSet",   "Port",   "File",        "Function", "Inspect"};
    for (const char* known : kElixirModules)
        if (module == known)
            fail("** (SupLab) " + arityName(module, function, args.size()) +
                 " is not in the console (h lists what it runs)");
    return behaviourFunction(module, function, args);
}

Pid Evaluator::serverPid(const Value& server) {
    if (server.kind == Value::Kind::Process) return server.pid;
    if (server.kind == Value::Kind::Atom) return world_.whereis(idText(server));
    return kNoPid;
}

std::string Evaluator::behaviourOf(const std::string& module) {
    // The registered process's own behaviour, else the one the lesson names so.
    const Pid named = world_.whereis(module);
    const NodePtr node = named != kNoPid ? world_.nodeOf(named) : nullptr;
    if (node && !node->behaviour.empty()) return node->behaviour;
    return std::string(Behaviour::ofLessonModule(module));
}

Value Evaluator::genServerFunction(const std::string& function, std::vector<Value>& args) {
    // GenServer.call(Counter, :get_count), GenServer.call(pid, {:join, "ann"}) and
    // GenServer.cast(Counter, {:increment, 1}): the request names the behaviour's function.
    if ((function != "call" && function != "cast") || args.size() < 2 || args.size() > 3)
        fail("** (SupLab) GenServer." + function + "/" + std::to_string(args.size()) +
             " is not in the console (it has GenServer.call/2 and cast/2)");
    const Value& request = args[1];
    std::string name;
    std::vector<Value> rest;
    if (request.kind == Value::Kind::Atom) {
        name = request.text;
    } else if (request.kind == Value::Kind::Tuple && !request.items.empty() &&
               request.items[0].kind == Value::Kind::Atom) {
        name = request.items[0].text;
        rest.assign(request.items.begin() + 1, request.items.end());
    } else {
        fail("** (SupLab) SupLab's workers take a request as an atom or a tuple naming one of "
             "their functions ({:increment, 5}); got: " +
             inspect(request));
    }
    const Value& server = args[0];
    const Pid pid = serverPid(server);
    const NodePtr node = pid != kNoPid ? world_.nodeOf(pid) : nullptr;
    std::string module = server.kind == Value::Kind::Atom ? idText(server) : std::string();
    if (node && !Behaviour::lessonModule(node->behaviour).empty())
        module = std::string(Behaviour::lessonModule(node->behaviour));
    // The behaviour's function of that name, with the server first when it takes one.
    std::vector<Value> callArgs = rest;
    std::string behaviour = node ? node->behaviour : std::string(Behaviour::ofLessonModule(module));
    for (const BehaviourFunction& f : Behaviour::functionsOf(behaviour))
        if (name == f.name && f.serverFirst && std::size_t(f.arity) == rest.size() + 1) {
            callArgs.insert(callArgs.begin(), server);
            break;
        }
    if (module.empty()) module = node ? node->id : "?";
    const Value reply = behaviourFunction(module, name, callArgs);
    return function == "cast" ? Value::ok() : reply;
}

Value Evaluator::processFunction(const std::string& function, std::vector<Value>& args) {
    auto needPid = [&](const Value& v, const char* which) {
        if (v.kind != Value::Kind::Process)
            fail(std::string(
                     "** (ArgumentError) errors were found at the given arguments:\n\n  * ") +
                 which + " argument: not a pid");
        return v.pid;
    };
    if (function == "whereis" && args.size() == 1) {
        if (args[0].kind != Value::Kind::Atom)
            fail("** (ArgumentError) errors were found at the given arguments:\n\n"
                 "  * 1st argument: not an atom");
        const Pid pid = world_.whereis(idText(args[0]));
        if (pid == kNoPid) return Value::nil();
        focus_ = world_.pathOf(pid);
        return Value::pidOf(pid);
    }
    if (function == "alive?" && args.size() == 1)
        return Value::boolean(world_.alive(needPid(args[0], "1st")));
    if (function == "sleep" && args.size() == 1 && args[0].kind == Value::Kind::Integer) {
        // The run waits while the console sleeps (a Reset too): a bounded wait only.
        if (args[0].integer < 0 || args[0].integer > kMaxSleepMs)
            fail("** (SupLab) the console sleeps from 0 to " + std::to_string(kMaxSleepMs) +
                 " ms at a time; got " + std::to_string(args[0].integer));
        world_.sleep(args[0].integer);
        return Value::ok();
    }
    if (function == "exit" && args.size() == 2) {
        const Pid pid = needPid(args[0], "1st");
        if (args[1].kind != Value::Kind::Atom && args[1].kind != Value::Kind::Tuple)
            fail("** (SupLab) an exit reason must be an atom or {:shutdown, atom} here");
        const std::string path = world_.pathOf(pid);
        if (path.empty() || !world_.alive(pid)) return Value::boolean(true); // as on the BEAM
        focus_ = path;
        const bool kill = args[1].isAtom("kill");
        std::string reasonText = args[1].kind == Value::Kind::Atom ? args[1].text : std::string();
        if (args[1].kind == Value::Kind::Tuple && args[1].items.size() == 2 &&
            args[1].items[0].isAtom("shutdown") && args[1].items[1].kind == Value::Kind::Atom)
            reasonText = "{shutdown," + args[1].items[1].text + "}";
        if (reasonText.empty() || !Reason::isValidText(reasonText))
            fail("** (SupLab) an exit reason must be an atom or {:shutdown, atom} here");
        Action action = Action::signal(kill ? Action::Kind::Kill : Action::Kind::Exit, path,
                                       Reason::parse(reasonText));
        world_.run(action.from("the console", kPersonCallTimeoutMs));
        signalled_.push_back(pid); // see settle()
        return Value::boolean(true);
    }
    fail("** (UndefinedFunctionError) function " + arityName("Process", function, args.size()) +
         " is undefined or private (SupLab's console has Process.whereis/1, exit/2, "
         "alive?/1 and sleep/1)");
}

std::string Evaluator::supervisorPath(const Value& who, const std::string& callText) {
    const Pid pid = serverPid(who);
    const std::string path = pid == kNoPid ? std::string() : world_.pathOf(pid);
    if (path.empty() || !world_.alive(pid)) fail(noProcess(callText));
    focus_ = path;
    return path;
}

NodePtr Evaluator::childSpec(const Value& spec, bool dynamic, const std::string& supPath,
                             std::string& module, std::optional<Value>& refused) {
    // Counter, {Counter, arg}, or %{id: ..., start: {Counter, :start_link, [arg]}, restart: ...}
    Value arg = Value::list({});
    std::string id;
    auto node = std::make_shared<NodeSpec>();
    if (spec.kind == Value::Kind::Atom && !spec.moduleName().empty()) {
        module = spec.moduleName();
    } else if (spec.kind == Value::Kind::Tuple && spec.items.size() == 2 &&
               !spec.items[0].moduleName().empty()) {
        module = spec.items[0].moduleName();
        arg = spec.items[1];
    } else if (spec.kind == Value::Kind::Map) {
        for (std::size_t i = 0; i < spec.items.size(); i += 2) {
            const Value& key = spec.items[i];
            const Value& v = spec.items[i + 1];
            if (key.isAtom("id")) id = idText(v);
            if (key.isAtom("start") && v.kind == Value::Kind::Tuple && v.items.size() == 3) {
                module = v.items[0].moduleName();
                if (v.items[2].kind == Value::Kind::List && !v.items[2].items.empty())
                    arg = v.items[2].items.front();
            }
            if (key.isAtom("restart") && v.kind == Value::Kind::Atom) {
                if (v.text == "permanent")
                    node->restart = RestartType::Permanent;
                else if (v.text == "transient")
                    node->restart = RestartType::Transient;
                else if (v.text == "temporary")
                    node->restart = RestartType::Temporary;
                else
                    fail("** (ArgumentError) invalid restart: " + inspect(v));
            }
            // As OTP's check_childspecs: a bad shutdown or type is an error result.
            auto refuse = [&](const char* what) {
                refused =
                    Value::tuple({Value::atom("error"), Value::tuple({Value::atom(what), v})});
            };
            if (key.isAtom("shutdown")) {
                if (v.isAtom("brutal_kill"))
                    node->shutdown = ShutdownSpec::brutalKill();
                else if (v.isAtom("infinity"))
                    node->shutdown = ShutdownSpec::infinity();
                else if (v.kind == Value::Kind::Integer && v.integer >= 0)
                    node->shutdown = ShutdownSpec::timeout(v.integer);
                else
                    refuse("invalid_shutdown");
            }
            if (key.isAtom("type") && !v.isAtom("worker") && !v.isAtom("supervisor"))
                refuse("invalid_child_type");
        }
    }
    if (module.empty())
        fail("** (ArgumentError) SupLab's console takes a child spec as Module, {Module, arg} "
             "or %{id: ..., start: {Module, :start_link, [arg]}}; got: " +
             inspect(spec));
    if (id.empty()) id = module;
    // A dynamic supervisor's children are named in paths by an id of their own: the
    // argument when it is a string or an atom ("user_1"), else the module and a number.
    if (dynamic) {
        std::string base = arg.kind == Value::Kind::String ? arg.text
                           : arg.kind == Value::Kind::Atom ? idText(arg)
                                                           : module;
        id = base;
        for (int n = 2; world_.at(childPath(supPath, id)) != kNoPid; ++n)
            id = base + "_" + std::to_string(n);
    }
    node->id = id;
    node->behaviour = std::string(Behaviour::ofLessonModule(module));
    if (node->behaviour.empty()) node->behaviour = "generic";
    node->args_json = jsonOf(arg);
    node->source_json = "{\"id\":" + jsonOf(Value::string(id)) + "}";
    if (refused) return nullptr;
    // SupLab's own rules beyond OTP's (an id names the child in paths, so no '/').
    for (const ScenarioProblem& problem : checkStartedChild(*node, "child"))
        fail("** (ArgumentError) SupLab cannot start this child: its " + problem.where.substr(6) +
             " is wrong: " + problem.what);
    return node;
}

Value Evaluator::supervisorFunction(bool dynamic, const std::string& function,
                                    std::vector<Value>& args) {
    const std::string module = dynamic ? "DynamicSupervisor" : "Supervisor";
    const std::size_t arity = args.size();
    auto callText = [&](const std::string& request) {
        return "GenServer.call(" + (args.empty() ? std::string("nil") : inspect(args[0])) + ", " +
               request + ", :infinity)";
    };
    auto errorValue = [](const CallResult& r) {
        if (r.error == CallError::AlreadyStarted)
            return Value::tuple({Value::atom("error"), Value::tuple({Value::atom("already_started"),
                                                                     Value::pidOf(r.pid)})});
        return Value::tuple({Value::atom("error"), Value::atom(r.errorWord())});
    };
    // Supervisor.start_link(MyApp.Supervisor, arg, name: ...) from the root module's own
    // start_link: the scenario's tree is that supervisor.
    if (function == "start_link" && (arity == 2 || arity == 3) &&
        args[0].moduleName() == world_.rootId())
        return startTree();
    // Supervisor.start_link(children, strategy: ..., name: MyApp.Supervisor), as an
    // Application's start/2 writes it: the file's tree when it names the root.
    if (function == "start_link" && arity == 2 && args[0].kind == Value::Kind::List) {
        for (const Value& option : args[1].items)
            if (option.kind == Value::Kind::Tuple && option.items.size() == 2 &&
                option.items[0].isAtom("name") && option.items[1].moduleName() == world_.rootId())
                return startTree();
        fail("** (SupLab) Supervisor.start_link/2 starts the file's own tree only (name: " +
             world_.rootId() + ")");
    }
    if ((function == "which_children" || function == "count_children") && arity == 1) {
        const std::string path = supervisorPath(args[0], callText(":" + function));
        const bool which = function == "which_children";
        const ActionResult done = world_.run(
            Action::query(which ? Action::Kind::WhichChildren : Action::Kind::CountChildren, path)
                .from("the console", kPersonCallTimeoutMs));
        if (!done.ok()) return errorValue(done.call);
        if (!which) {
            const ChildCounts& c = done.call.counts;
            return Value::map({{Value::atom("active"), Value::integerOf(c.active)},
                               {Value::atom("specs"), Value::integerOf(c.specs)},
                               {Value::atom("supervisors"), Value::integerOf(c.supervisors)},
                               {Value::atom("workers"), Value::integerOf(c.workers)}});
        }
        // What the supervisor is decides the answer, not the module asked:
        // Supervisor.which_children of a DynamicSupervisor lists :undefined ids too.
        const NodePtr supervisorNode = world_.nodeOf(world_.at(path));
        const bool isDynamic =
            supervisorNode ? supervisorNode->type == NodeType::DynamicSupervisor : dynamic;
        std::vector<Value> children;
        for (const ChildInfo& child : done.call.children) {
            const Value state = child.state == ChildState::Running      ? Value::pidOf(child.pid)
                                : child.state == ChildState::Restarting ? Value::atom("restarting")
                                                                        : Value::atom("undefined");
            // The module it runs: as start_child gave it, else as its id names it (a
            // static child) or the lesson's name of its behaviour (a dynamic one).
            const NodePtr node = child.pid != kNoPid ? world_.nodeOf(child.pid) : nullptr;
            std::string moduleName = child.id;
            if (node && !Behaviour::lessonModule(node->behaviour).empty() && isDynamic)
                moduleName = std::string(Behaviour::lessonModule(node->behaviour));
            const std::string childAt =
                child.pid != kNoPid ? world_.pathOf(child.pid) : childPath(path, child.id);
            if (auto it = childModules_.find(childAt); it != childModules_.end())
                moduleName = it->second;
            children.push_back(
                Value::tuple({isDynamic ? Value::atom("undefined") : idValue(child.id), state,
                              Value::atom(child.supervisor ? "supervisor" : "worker"),
                              Value::list({idValue(moduleName)})}));
        }
        return Value::list(std::move(children));
    }
    if (function == "start_child" && arity == 2) {
        const std::string path = supervisorPath(args[0], callText("{:start_child, ...}"));
        std::string childModule;
        std::optional<Value> refused;
        NodePtr node = childSpec(args[1], dynamic, path, childModule, refused);
        if (refused) return *refused;
        const ActionResult done =
            world_.run(Action::startChild(path, node).from("the console", kPersonCallTimeoutMs));
        if (!done.ok()) return errorValue(done.call);
        world_.started(path, node);
        childModules_[childPath(path, node->id)] = childModule;
        if (done.call.pid != kNoPid) focus_ = childPath(path, node->id);
        if (done.call.ignored)
            return dynamic ? Value::atom("ignore")
                           : Value::tuple({Value::ok(), Value::atom("undefined")});
        return Value::tuple({Value::ok(), Value::pidOf(done.call.pid)});
    }
    if (function == "terminate_child" && arity == 2) {
        const std::string path = supervisorPath(args[0], callText("{:terminate_child, ...}"));
        Action action = Action::onChild(Action::Kind::TerminateChild, path, {});
        if (dynamic) {
            if (args[1].kind != Value::Kind::Process)
                return Value::tuple({Value::atom("error"), Value::atom("not_found")});
            action.childPid = args[1].pid;
            action.childId = world_.pathOf(args[1].pid);
            action.childId = action.childId.substr(action.childId.rfind('/') + 1);
        } else {
            action.childId = idText(args[1]);
        }
        const ActionResult done = world_.run(action.from("the console", kPersonCallTimeoutMs));
        return done.ok() ? Value::ok() : errorValue(done.call);
    }
    if (!dynamic && (function == "restart_child" || function == "delete_child") && arity == 2) {
        const std::string path = supervisorPath(args[0], callText("{:" + function + ", ...}"));
        const bool restart = function == "restart_child";
        const ActionResult done = world_.run(
            Action::onChild(restart ? Action::Kind::RestartChild : Action::Kind::DeleteChild, path,
                            idText(args[1]))
                .from("the console", kPersonCallTimeoutMs));
        if (!done.ok()) return errorValue(done.call);
        if (!restart) return Value::ok();
        return Value::tuple({Value::ok(), done.call.pid == kNoPid ? Value::atom("undefined")
                                                                  : Value::pidOf(done.call.pid)});
    }
    fail("** (UndefinedFunctionError) function " + arityName(module, function, arity) +
         " is undefined or private");
}

Value Evaluator::behaviourFunction(const std::string& module, const std::string& function,
                                   std::vector<Value>& args) {
    // The module's registered process (Counter), or a behaviour the lesson names so
    // whose functions take the process first (ChatApp.Room.join(room, "ann")).
    const Pid named = world_.whereis(module);
    const std::string behaviour = behaviourOf(module);
    const auto functions = Behaviour::functionsOf(behaviour);
    const auto found = std::find_if(functions.begin(), functions.end(), [&](const auto& f) {
        return function == f.name && std::size_t(f.arity) == args.size();
    });
    if (found == functions.end()) {
        if (named == kNoPid && behaviour.empty())
            fail("** (UndefinedFunctionError) function " +
                 arityName(module, function, args.size()) + " is undefined (module " + module +
                 " is not available)");
        fail("** (UndefinedFunctionError) function " + arityName(module, function, args.size()) +
             " is undefined or private");
    }
    Value server = Value::module(module);
    Pid pid = named;
    if (found->serverFirst) {
        server = args.front();
        args.erase(args.begin());
        pid = serverPid(server);
    }
    std::string request = ":" + function;
    if (!args.empty()) {
        request = "{:" + function;
        for (const Value& a : args)
            request += ", " + inspect(a);
        request += "}";
    }
    const std::string callText = "GenServer.call(" + inspect(server) + ", " + request + ", 5000)";
    const std::string path = pid == kNoPid ? std::string() : world_.pathOf(pid);
    if (path.empty() || !world_.alive(pid)) fail(noProcess(callText));
    focus_ = path;
    Action action = Action::query(Action::Kind::Behaviour, path);
    action.function = function;
    action.args = args;
    const ActionResult done = world_.run(action.from("the console", kPersonCallTimeoutMs));
    if (done.call.error == CallError::Timeout)
        fail("** (exit) exited in: " + callText + "\n    ** (EXIT) time out");
    if (!done.ok()) fail(noProcess(callText));
    return done.call.value;
}

} // namespace suplab::console
