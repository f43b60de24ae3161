#include "ElixirImporter.h"

#include "elixir/EExTemplate.h"
#include "elixir/ElixirTerm.h"
#include "elixir/KnownLibraries.h"
#include "scenario/ScenarioCheck.h"
#include "workers/Behaviour.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace suplab {

using elixir::Term;
using Kind = Term::Kind;

int ImportResult::notReadCount() const {
    return int(std::count_if(notes.begin(), notes.end(), [](const ImportNote& n) {
        return n.kind == ImportNote::Kind::NotRead;
    }));
}

std::vector<std::string> ImportResult::lines(const std::string& label) const {
    std::vector<std::string> out;
    for (const auto& n : notes)
        out.push_back((n.file.empty() ? label : n.file) +
                      (n.line ? ":" + std::to_string(n.line) : std::string()) + ": " +
                      (n.kind == ImportNote::Kind::NotRead ? "not read: " : "assumed: ") +
                      n.message);
    return out;
}

std::string_view markWords(ImportMark::Kind kind) {
    switch (kind) {
    case ImportMark::Kind::Conditional:
        return "conditional: ";
    case ImportMark::Kind::RunTimeId:
        return "decided at run time: ";
    case ImportMark::Kind::Computed:
        return "stands for children computed at run time by ";
    }
    return {};
}

std::optional<ImportMark::Kind> markOf(const NodeSpec& n) {
    for (const auto kind :
         {ImportMark::Kind::Conditional, ImportMark::Kind::RunTimeId, ImportMark::Kind::Computed})
        if (n.note.starts_with(markWords(kind))) return kind;
    return std::nullopt;
}

namespace {
void collectMarks(const NodeSpec& n, const std::string& path, std::vector<ImportMark>& out) {
    if (const auto kind = markOf(n)) out.push_back({*kind, path, n.note});
    for (const auto& c : n.children)
        collectMarks(*c, path + "/" + c->id, out);
}
} // namespace

std::vector<ImportMark> marksOf(const NodePtr& root) {
    std::vector<ImportMark> out;
    if (root) collectMarks(*root, root->id, out);
    return out;
}

namespace {

struct Function {
    std::string name;
    std::vector<Term> params;
    Term guard; // `when ...`; an empty Opaque term when there is none
    std::vector<Term> body;
    int line = 0;
    std::string variant; // defined under a compile-time `if`: its condition ("if Mix.env() ==
                         // :prod"); empty when always
};

struct Module {
    std::string name;
    std::string file; // in a project, the file that defines it
    int line = 0;
    std::string uses; // Supervisor, DynamicSupervisor, GenServer, Application, ...
    Term useOptions;  // the keyword list given to `use`, or an empty list
    int useLine = 0;
    std::vector<Function> functions;
    std::map<std::string, Term> attributes;
    std::map<std::string, std::string> aliases; // `alias A.B` makes B mean A.B

    const Function* function(const std::string& n, std::size_t arity) const {
        for (const auto& f : functions)
            if (f.name == n && f.params.size() == arity) return &f;
        return nullptr;
    }
};

using Env = std::map<std::string, Term>;
/// An Env many children are read against, kept once.
using SharedEnv = std::shared_ptr<const Env>;

std::string lastSegment(const std::string& alias) {
    const auto dot = alias.rfind('.');
    return dot == std::string::npos ? alias : alias.substr(dot + 1);
}

/// The enum value whose name (toString) is the atom `v`: `:rest_for_one` -> RestForOne.
template <typename E> std::optional<E> atomNamed(const Term& v, std::initializer_list<E> values) {
    for (E e : values)
        if (v.is(Kind::Atom, toString(e))) return e;
    return std::nullopt;
}

class Importer {
  public:
    explicit Importer(std::string label) : label_(std::move(label)) {}

    ImportResult run(std::string_view source) {
        elixir::ParseResult parsed = elixir::parse(source);
        for (auto& [line, message] : parsed.errors)
            notRead(line, "the file does not parse here (" + message + ")");
        std::vector<Term> script;
        for (const Term& s : parsed.statements)
            if (s.is(Kind::Call, "defmodule"))
                collectModule(s, "");
            else
                script.push_back(s);
        return finish(findRoot(script));
    }

    ImportResult runProject(const std::vector<ElixirSource>& files,
                            const std::string& application) {
        project_ = true;
        for (const ElixirSource& f : files) {
            elixir::ParseResult parsed = elixir::parse(f.text);
            parseErrors_[f.path] = std::move(parsed.errors);
            fileOf_ = f.path;
            for (const Term& s : parsed.statements)
                if (s.is(Kind::Call, "defmodule")) collectModule(s, "");
        }
        fileOf_.clear();
        if (!application.empty()) {
            if (const Module* app = module(application, nullptr)) {
                const FileScope scope(*this, app->file);
                if (const Function* start = app->function("start", 2))
                    return finish(applicationTree(*app, *start));
                notRead(app->line, app->name + " has no start/2");
                return finish(nullptr);
            }
            notRead(0, "mix.exs names " + application +
                           " as the application, but no file read defines it");
        }
        return finish(findRoot({}));
    }

  private:
    /// Notes made while a module is read belong to its file; the file's syntax errors
    /// are said the first time one of its modules is read.
    class FileScope {
      public:
        FileScope(Importer& importer, const std::string& file)
            : importer_(importer), saved_(importer.currentFile_) {
            importer_.currentFile_ = file;
            if (auto e = importer_.parseErrors_.find(file); e != importer_.parseErrors_.end()) {
                for (const auto& [line, message] : e->second)
                    importer_.notRead(line, "the file does not parse here (" + message + ")");
                importer_.parseErrors_.erase(e);
            }
        }
        ~FileScope() { importer_.currentFile_ = saved_; }
        FileScope(const FileScope&) = delete;
        FileScope& operator=(const FileScope&) = delete;

      private:
        Importer& importer_;
        std::string saved_;
    };

    ImportResult finish(NodePtr root) {
        if (root && root->significant) {
            // Significance is a parent's business (auto_shutdown); the tree's root has
            // no parent here, so the flag has nothing to act on.
            auto unflagged = std::make_shared<NodeSpec>(*root);
            unflagged->significant = false;
            root = std::move(unflagged);
            assumed(0, root->id + " is declared significant, which only its parent would "
                                  "act on; as the root of this tree it has none, so the flag is "
                                  "left out");
        }
        if (root) {
            Scenario scenario;
            scenario.name = root->id;
            scenario.description = "Imported from " + label_ + ".";
            scenario.root = root;
            // An imported tree is there to be broken by hand: it stays up until reset,
            // as the built-in examples do.
            scenario.stop_at_end = false;
            scenario.settle_ms = 1000;
            // The scenario's own rules have the last word (significant children, ids, ...).
            const std::vector<ScenarioProblem> problems = checkScenario(scenario);
            if (problems.empty()) {
                result_.scenario = std::move(scenario);
                result_.marks = marksOf(result_.scenario->root);
            } else
                for (const ScenarioProblem& p : problems) {
                    const std::string path = processPathAt(scenario, p.where);
                    notRead(0, "the tree breaks a scenario rule" +
                                   (path.empty() ? std::string() : " at " + path) + " (" + p.where +
                                   "): " + p.what);
                }
        }
        if (helperCalls_ > kMaxHelperCalls)
            notRead(0, "the functions of " + scopeName() +
                           " call each other too often to follow: values past " +
                           std::to_string(kMaxHelperCalls) + " calls are left as written");
        std::stable_sort(result_.notes.begin(), result_.notes.end(),
                         [](const ImportNote& a, const ImportNote& b) {
                             return a.file != b.file ? a.file < b.file : a.line < b.line;
                         });
        return std::move(result_);
    }

    void notRead(int line, std::string message) {
        result_.notes.push_back(
            {line, ImportNote::Kind::NotRead, std::move(message), currentFile_});
    }
    void assumed(int line, std::string message) {
        result_.notes.push_back(
            {line, ImportNote::Kind::Assumed, std::move(message), currentFile_});
    }

    // ---- the file's modules ------------------------------------------------

    void collectModule(const Term& def, const std::string& outer) {
        const Term* nameTerm = def.items.empty() ? nullptr : &def.items[0];
        if (!nameTerm || nameTerm->kind != Kind::Alias) {
            notRead(def.line, "defmodule with a name SupLab cannot read");
            return;
        }
        Module m;
        m.file = fileOf_;
        m.name = outer.empty() ? nameTerm->text : outer + "." + nameTerm->text;
        m.line = def.line;
        m.useOptions.kind = Kind::List;
        collectStatements(def.body, m);
        modules_.push_back(std::move(m));
    }

    /// A module's statements: its uses, functions, attributes, aliases and nested modules.
    /// Definitions under a compile-time `if` (`if Version.match?(...) do def children...`)
    /// count too, the first branch's first.
    void collectStatements(const std::vector<Term>& body, Module& m,
                           const std::string& variant = {}) {
        for (const Term& s : body) {
            if ((s.is(Kind::Call, "if") || s.is(Kind::Call, "unless")) && s.hasBlock) {
                const std::string test = s.items.empty() ? std::string() : s.items[0].show();
                const bool negated = s.text == "unless";
                auto within = [&](bool holds) {
                    return (variant.empty() ? "" : variant + " and ") +
                           (holds != negated ? "if " : "unless ") + test;
                };
                collectStatements(s.body, m, within(true));
                for (const Term& part : s.blocks)
                    collectStatements(part.body, m, within(false));
            } else if (s.is(Kind::Call, "cond") && s.hasBlock) {
                // cond do Code.ensure_loaded?(Plug.Cowboy) -> defp server ... end: each
                // clause a compile-time way.
                for (const Term& c : s.body)
                    if (c.kind == Kind::Clause && !c.items.empty()) {
                        const std::string test = c.items[0].is(Kind::Atom, "true")
                                                     ? std::string("when no condition before holds")
                                                     : "when " + c.items[0].show();
                        collectStatements(c.body, m,
                                          (variant.empty() ? "" : variant + " and ") + test);
                    }
            } else if (s.is(Kind::Call, "defmodule")) {
                collectModule(s, m.name);
                // A nested module is an alias in its parent, as in Elixir.
                if (!s.items.empty() && s.items[0].kind == Kind::Alias)
                    m.aliases[s.items[0].text.substr(0, s.items[0].text.find('.'))] =
                        m.name + "." + s.items[0].text.substr(0, s.items[0].text.find('.'));
            } else if (s.is(Kind::Call, "use") && !s.items.empty() &&
                       s.items[0].kind == Kind::Alias) {
                if (usePriority(s.items[0].text) > usePriority(m.uses)) { // the one that decides
                    m.uses = s.items[0].text;
                    m.useLine = s.line;
                    m.useOptions = s.items.size() > 1 ? s.items[1] : Term{};
                    if (s.items.size() <= 1) m.useOptions.kind = Kind::List;
                }
            } else if ((s.is(Kind::Call, "def") || s.is(Kind::Call, "defp")) && !s.items.empty()) {
                m.functions.push_back(function(s));
                m.functions.back().variant = variant;
                withDefaults(m.functions);
            } else if (s.kind == Kind::Call && s.text.size() > 1 && s.text[0] == '@' &&
                       s.items.size() == 1) {
                m.attributes[s.text] = s.items[0];
            } else if (s.is(Kind::Call, "alias") && !s.items.empty() &&
                       s.items[0].kind == Kind::Alias) {
                const Term* as = s.items.size() > 1 ? s.items[1].find("as") : nullptr;
                const std::string full = expandAlias(s.items[0].text, &m);
                m.aliases[as && as->kind == Kind::Alias ? as->text : lastSegment(full)] = full;
            } else if (s.is(Kind::Call, "alias") && !s.items.empty() &&
                       s.items[0].kind == Kind::Call && s.items[0].text.ends_with(".{}")) {
                // alias MyApp.Workers.{Cache, Db}, alias __MODULE__.{Publisher}
                const std::string& group = s.items[0].text;
                const std::string base = expandAlias(group.substr(0, group.size() - 3), &m);
                for (const Term& member : s.items[0].items)
                    if (member.kind == Kind::Alias)
                        m.aliases[lastSegment(member.text)] = base + "." + member.text;
            }
        }
    }

    /// Which of a module's `use`s says what it is as a child: a supervisor or an
    /// Application first, then a behaviour SupLab knows, then any (`use Sentry.PlugCapture`
    /// before `use Phoenix.Endpoint` leaves an endpoint).
    static int usePriority(const std::string& used) {
        if (used.empty()) return 0;
        if (used == "Supervisor" || used == "DynamicSupervisor" || used == "Application") return 4;
        if (const auto* b = elixir::usedBehaviour(used)) return b->type == NodeType::Worker ? 2 : 3;
        if (used == "Task") return 2;
        return 1;
    }

    /// Parameters with defaults (`def api_server(server, opts \\ [])`), as Elixir
    /// compiles them: the last function's parameters lose their defaults, and each
    /// shorter arity is one more clause that calls it with the defaults it leaves out.
    static void withDefaults(std::vector<Function>& functions) {
        Function& f = functions.back();
        std::vector<std::optional<Term>> defaults(f.params.size());
        std::size_t count = 0;
        for (std::size_t i = 0; i < f.params.size(); ++i) {
            Term& p = f.params[i];
            if (p.kind != Kind::BinOp || p.text != "\\\\" || p.items.size() != 2) continue;
            defaults[i] = p.items[1];
            Term plain = p.items[0];
            p = std::move(plain);
            ++count;
        }
        if (count == 0) return;
        const Function full = f;
        for (std::size_t leftOut = 1; leftOut <= count; ++leftOut) {
            Function shorter;
            shorter.name = full.name;
            shorter.line = full.line;
            shorter.variant = full.variant;
            Term call;
            call.kind = Kind::Call;
            call.text = full.name;
            call.line = full.line;
            std::size_t skipped = 0; // the last `leftOut` defaults are given for the caller
            for (std::size_t i = full.params.size(); i-- > 0;) {
                Term arg;
                if (defaults[i] && skipped < leftOut) {
                    arg = *defaults[i];
                    ++skipped;
                } else {
                    const Term& p = full.params[i];
                    arg.kind = Kind::Var;
                    arg.line = full.line;
                    arg.text = p.kind == Kind::Var && !p.text.starts_with('_')
                                   ? p.text
                                   : "default_arg" + std::to_string(i);
                    shorter.params.insert(shorter.params.begin(), arg);
                }
                call.items.insert(call.items.begin(), std::move(arg));
            }
            shorter.body.push_back(std::move(call));
            functions.push_back(std::move(shorter));
        }
    }

    static Function function(const Term& def) {
        Function f;
        f.line = def.line;
        const Term* head = &def.items[0];
        if (head->kind == Kind::BinOp && head->text == "when") {
            f.guard = head->items[1];
            head = &head->items[0];
        }
        f.name = head->text;
        if (head->kind == Kind::Call) f.params = head->items;
        if (def.hasBlock)
            f.body = def.body;
        else if (head->hasBlock)
            f.body = head->body;
        else if (def.items.size() > 1)
            if (const Term* d = def.items.back().find("do")) f.body.push_back(*d);
        return f;
    }

    /// `name` as the module `from` means it: its aliases (`Cache` for MyApp.Workers.Cache
    /// after `alias MyApp.Workers.{Cache}`) and __MODULE__ expanded.
    static std::string expandAlias(const std::string& name, const Module* from) {
        if (!from) return name;
        std::string n = name;
        if (n == "__MODULE__" || n.starts_with("__MODULE__."))
            n = from->name + n.substr(std::string_view("__MODULE__").size());
        const auto first = n.substr(0, n.find('.'));
        if (auto a = from->aliases.find(first); a != from->aliases.end())
            return a->second + n.substr(first.size());
        return n;
    }

    const Module* module(const std::string& name, const Module* from) const {
        const std::string full = expandAlias(name, from);
        for (const auto& m : modules_)
            if (m.name == full) return &m;
        return nullptr;
    }

    /// The full name of a module, whether or not the file defines it.
    std::string resolveAlias(const std::string& name, const Module* from) const {
        const Module* m = module(name, from);
        return m ? m->name : expandAlias(name, from);
    }

    static bool isSupervisorModule(const Module& m) {
        return m.uses == "Supervisor" || m.uses == "DynamicSupervisor";
    }

    // ---- the root ----------------------------------------------------------

    NodePtr findRoot(const std::vector<Term>& script) {
        for (const auto& m : modules_)
            if (m.uses == "Application") {
                const Function* start = m.function("start", 2);
                if (!start) {
                    notRead(m.line, m.name + " uses Application but has no start/2");
                    continue;
                }
                const FileScope scope(*this, m.file);
                return applicationTree(m, *start);
            }
        // The supervisors no other module of the file starts as a child.
        std::set<std::string> started;
        std::vector<const Module*> tops;
        for (const auto& m : modules_)
            if (isSupervisorModule(m)) tops.push_back(&m);
        if (!tops.empty()) {
            for (const Module* m : tops)
                collectReferences(*m, started);
            std::vector<const Module*> roots;
            for (const Module* m : tops)
                if (!started.count(m->name)) roots.push_back(m);
            if (roots.empty()) roots.push_back(tops.front()); // they start each other
            if (roots.size() > 1) {
                std::string others;
                for (std::size_t i = 1; i < roots.size(); ++i)
                    others += (i > 1 ? ", " : "") + roots[i]->name;
                assumed(roots[1]->line, "the file has " + std::to_string(roots.size()) +
                                            " top supervisors; the first, " + roots[0]->name +
                                            ", is the root (" + others +
                                            " left out: import them on their own)");
            }
            return moduleNode(*roots[0], roots[0]->line);
        }
        if (NodePtr fromScript = scriptTree(script)) return fromScript;
        // A module that uses nothing and starts a supervisor of its own children in its
        // start_link: Supervisor.start_link([A, B], strategy: ...).
        for (const auto& m : modules_) {
            if (!m.uses.empty()) continue;
            auto node = std::make_shared<NodeSpec>();
            node->id = m.name;
            const FileScope scope(*this, m.file);
            if (expanding_.insert(m.name).second && inlineSupervisor(*node, m)) return node;
            expanding_.erase(m.name);
        }
        // Worker modules only: put them under a plain supervisor, and say so.
        auto root = std::make_shared<NodeSpec>();
        root->id = "Root";
        root->type = NodeType::Supervisor;
        root->shutdown = ShutdownSpec::infinity();
        if (project_) { // a library's modules are no tree
            notRead(0, "no application in mix.exs and no supervisor module: nothing starts a "
                       "tree here");
            return nullptr;
        }
        for (const auto& m : modules_)
            if (!m.uses.empty() && m.uses != "Application")
                if (NodePtr node = moduleNode(m, m.line)) root->children.push_back(node);
        if (root->children.empty()) {
            notRead(0, "no supervisor, Application, worker module or child spec SupLab can read");
            return nullptr;
        }
        assumed(0, "the file has no supervisor: its workers are put under a one_for_one "
                   "supervisor called Root");
        return root;
    }

    void collectReferences(const Module& m, std::set<std::string>& out) {
        const Function* init = m.function("init", 1);
        if (!init) return;
        std::vector<const Term*> stack;
        for (const Term& s : init->body)
            stack.push_back(&s);
        while (!stack.empty()) {
            const Term* t = stack.back();
            stack.pop_back();
            if (t->kind == Kind::Alias) out.insert(resolveAlias(t->text, &m));
            for (const Term& c : t->items)
                stack.push_back(&c);
        }
    }

    NodePtr applicationTree(const Module& app, const Function& start) {
        Env env;
        const Term* call =
            findCall(start, app, env, {"Supervisor.start_link", "Parent.Supervisor.start_link"});
        if (!call) {
            notRead(start.line, app.name + ".start/2 has no Supervisor.start_link(children, "
                                           "options) SupLab can read");
            return nullptr;
        }
        if (call->text.starts_with("Parent."))
            assumed(call->line, "Parent.Supervisor (the parent library) restarts a child on its "
                                "own, as one_for_one does: shown as a one_for_one Supervisor");
        auto root = std::make_shared<NodeSpec>();
        root->type = NodeType::Supervisor;
        root->shutdown = ShutdownSpec::infinity();
        const Term* opts = call->items.size() > 1 ? &call->items[1] : nullptr;
        const Term resolvedOpts = opts ? resolve(*opts, &app, env) : Term{};
        const Term* name = resolvedOpts.find("name");
        if (name && name->kind == Kind::Alias) {
            root->id = name->text;
        } else {
            root->id = app.name + ".Supervisor";
            assumed(call->line,
                    "the application's supervisor has no name: it is called " + root->id + " here");
        }
        supervisorOptions(*root, opts, &app, env, false);
        root->children = children(childrenArgument(*call), &app, env, call->line);
        return root;
    }

    NodePtr scriptTree(const std::vector<Term>& script) {
        Function f;
        f.body = script;
        Env env;
        const Term* call = findCall(f, {}, env,
                                    {"Supervisor.start_link", "Supervisor.init",
                                     "DynamicSupervisor.init", "DynamicSupervisor.start_link"},
                                    false);
        if (call) {
            auto root = std::make_shared<NodeSpec>();
            root->shutdown = ShutdownSpec::infinity();
            const bool dynamic = call->text.rfind("DynamicSupervisor", 0) == 0;
            root->type = dynamic ? NodeType::DynamicSupervisor : NodeType::Supervisor;
            const Term* opts = dynamic ? (call->items.empty() ? nullptr : &call->items.back())
                                       : (call->items.size() > 1 ? &call->items[1] : nullptr);
            const Term resolvedOpts = opts ? resolve(*opts, nullptr, env) : Term{};
            const Term* name = resolvedOpts.find("name");
            root->id = name && name->kind == Kind::Alias ? name->text : "Root";
            if (root->id == "Root")
                assumed(call->line, "the supervisor has no name: it is called Root here");
            supervisorOptions(*root, opts, nullptr, env, dynamic);
            if (!dynamic)
                root->children = children(childrenArgument(*call), nullptr, env, call->line);
            return root;
        }
        // A lone child spec or list of them (a fragment pasted from a lesson).
        auto root = std::make_shared<NodeSpec>();
        root->id = "Root";
        root->type = NodeType::Supervisor;
        root->shutdown = ShutdownSpec::infinity();
        for (const Term& s : script) {
            if (s.kind == Kind::Map || s.kind == Kind::Tuple) {
                if (NodePtr c = child(s, nullptr, env)) root->children.push_back(c);
            } else if (s.kind == Kind::List) {
                for (NodePtr& c : children(s, nullptr, env, s.line))
                    root->children.push_back(std::move(c));
            } else if (s.kind == Kind::BinOp && s.text == "=" && s.items[0].kind == Kind::Var) {
                bind(env, s.items[0].text, s.items[1]);
            }
        }
        if (root->children.empty()) return nullptr;
        assumed(0, "the file has no supervisor: its child specs are put under a one_for_one "
                   "supervisor called Root");
        return root;
    }

    // ---- function bodies ---------------------------------------------------

    /// Reads `f`'s statements, binding `x = ...` in `env`, and returns the last call to
    /// one of `names` (a pipe `children |> Supervisor.init(opts)` counts). Statements it
    /// cannot read are listed when `report`.
    const Term* findCall(const Function& f, const Module& m, Env& env,
                         std::initializer_list<const char*> names, bool report = true) {
        const Term* found = nullptr;
        for (const Term& s0 : f.body) {
            const Term* s = &s0;
            if (s->kind == Kind::BinOp && s->text == "=") {
                const bool bound = bindStatement(env, *s);
                while (s->kind == Kind::BinOp && s->text == "=")
                    s = &s->items[1]; // {:ok, pid} = result = Supervisor.start_link(...)
                if (bound && !callsOneOf(*s, names)) continue;
            }
            // case Supervisor.start_link(...) do ... end, with {:ok, pid} <- ... do ... end:
            // the call whose result the branches handle.
            const Term* subject =
                s->is(Kind::Call, "case") && !s->items.empty() ? callOf(s->items[0]) : nullptr;
            if (subject && callsOneOf(*subject, names)) {
                s = subject;
            } else if (isBranching(*s)) {
                // if config.start? do Supervisor.start_link(...) else ... end, or a case
                // on the configuration with Supervisor.init in a clause: the start in a
                // branch, with what the branch binds before it.
                std::vector<StartInBranch> inBranches;
                startsInBranches(*s, m, names, env, inBranches, 0);
                std::vector<const Term*> starts;
                for (const auto& b : inBranches)
                    starts.push_back(b.call);
                if (starts.empty() && startsProcesses(*s)) callsIn(*s, names, starts);
                if (!starts.empty()) {
                    // The start with the most children (a literal [] gives none).
                    auto size = [](const Term* c) {
                        const Term* first = c->items.empty() ? nullptr : &c->items[0];
                        return !first                      ? 0
                               : first->kind == Kind::List ? first->items.size()
                                                           : std::size_t(1000);
                    };
                    found = *std::max_element(
                        starts.begin(), starts.end(),
                        [&](const Term* a, const Term* b) { return size(a) < size(b); });
                    for (auto& b : inBranches)
                        if (b.call == found) env = std::move(b.env);
                    std::optional<Term> each =
                        inBranches.size() > 1 ? startsAsChildren(*s, m, names, 0) : std::nullopt;
                    if (each) branchedChildren_[found] = std::move(*each);
                    assumed(s->line,
                            starts.size() == 1
                                ? "the tree starts only under a condition decided at run time: "
                                  "imported as it is when it starts"
                            : each ? "the tree starts in one of " + std::to_string(starts.size()) +
                                         " ways, as run time decides: the children of each are "
                                         "imported, those of one way alone marked conditional; "
                                         "the options are those on line " +
                                         std::to_string(found->line)
                                   : "the tree starts in one of " + std::to_string(starts.size()) +
                                         " ways, as run time decides: imported as the one on "
                                         "line " +
                                         std::to_string(found->line) +
                                         ", which has the most children");
                    continue;
                }
            } else if (s->is(Kind::Call, "with")) {
                for (const Term& clause : s->items)
                    if (clause.kind == Kind::BinOp && clause.text == "<-" &&
                        startsProcesses(clause.items[1])) {
                        s = &clause.items[1];
                        break;
                    }
            }
            s = callOf(*s);
            if (callsOneOf(*s, names)) {
                found = s;
                continue;
            }
            if (Env inner; !found)
                if (const Term* start = startInHelper(*s, m, inner, names)) {
                    found = start;
                    env = std::move(inner);
                    continue;
                }
            // tap(Supervisor.start_link(children, opts), fn ...), then(...): the start inside.
            if (!found && (s->is(Kind::Call, "tap") || s->is(Kind::Call, "then")) &&
                !s->items.empty()) {
                std::vector<const Term*> inner;
                callsIn(s->items[0], names, inner);
                if (inner.size() == 1) {
                    found = inner[0];
                    continue;
                }
            }
            // Code around the start: what it starts is not under the tree's supervisors.
            if (report && !harmless(*s))
                assumed(s->line, "in " + (m.name.empty() ? std::string() : m.name + ".") + f.name +
                                     "/" + std::to_string(f.params.size()) + ": " + s->show() +
                                     (found ? " runs after the tree starts: children it may add "
                                              "at run time are not shown"
                                            : " runs before the tree starts: a process it starts "
                                              "is not in the tree"));
        }
        return found;
    }

    /// A statement `x = value` (or `%{start: s} = x = value`): each plain variable on the
    /// left is bound to the value. False when it binds none (`{:ok, pid} = ...`).
    static bool bindStatement(Env& env, const Term& st) {
        if (st.kind != Kind::BinOp || st.text != "=") return false;
        const Term* value = &st;
        std::vector<const std::string*> names;
        std::vector<const Term*> patterns;
        while (value->kind == Kind::BinOp && value->text == "=") {
            if (value->items[0].kind == Kind::Var)
                names.push_back(&value->items[0].text);
            else
                patterns.push_back(&value->items[0]);
            value = &value->items[1];
        }
        // `{module, args, opts} = f(opts)`: what the pattern's variables held before is
        // gone; a tuple or list written out gives each its element.
        for (const Term* pattern : patterns)
            destructure(env, *pattern, value, 0);
        for (const std::string* name : names)
            bind(env, *name, *value);
        return !names.empty();
    }

    /// Binds the variables of `pattern` to the parts of `value` it matches; `value` null:
    /// a part not known here, which leaves the variable unbound.
    static void destructure(Env& env, const Term& pattern, const Term* value, int depth) {
        if (depth > 8) return;
        if (pattern.kind == Kind::Var) {
            if (pattern.text.starts_with('_') || pattern.text.starts_with('@')) return;
            if (value)
                bind(env, pattern.text, *value);
            else
                env.erase(pattern.text);
            return;
        }
        if (pattern.kind == Kind::UnaryOp && pattern.text == "^") return; // pinned: not bound
        const bool sameShape =
            value && (pattern.kind == Kind::Tuple || pattern.kind == Kind::List) &&
            value->kind == pattern.kind && value->items.size() == pattern.items.size();
        for (std::size_t i = 0; i < pattern.items.size(); ++i)
            destructure(env, pattern.items[i], sameShape ? &value->items[i] : nullptr, depth + 1);
    }

    /// `name = value`: the variables in `value` are replaced by what they are bound to
    /// now, so that `children = children ++ [C]` refers to the children before it (it
    /// referred to itself, and resolving it recursed until the stack overflowed).
    static void bind(Env& env, const std::string& name, const Term& value0) {
        // opts = case Keyword.validate(opts, keys) do {:ok, _} -> opts; _ -> raise ... end
        const Term& value = soleResult(value0);
        if (value.kind == Kind::Var && value.text == name) return; // x = x: x as it was
        std::size_t budget = 20'000; // terms copied at most: a list doubled 30 times stops
        Env before = {};
        if (!env.count(name)) { // `x = x ++ [A]` with x unbound: that x is not this one
            Term unbound;
            unbound.kind = Kind::Var;
            unbound.text = name + " (unbound)";
            before[name] = unbound;
        }
        Term bound = substitute(substitute(value, before, budget), env, budget);
        if (budget == 0) {
            bound = Term();
            bound.text = "(too large to follow)";
        }
        env[name] = std::move(bound);
    }
    /// What an if/case/cond gives when every branch that returns gives the same (the
    /// others raise); otherwise `t` itself.
    static const Term& soleResult(const Term& t) {
        if (!isBranching(t) || !t.hasBlock) return t;
        const Term* sole = nullptr;
        bool same = true;
        auto consider = [&](const std::vector<Term>& body) {
            if (body.empty() || raises(body.back())) return;
            if (!sole)
                sole = &body.back();
            else if (sole->render() != body.back().render())
                same = false;
        };
        bool plain = false;
        for (const Term& c : t.body)
            if (c.kind == Kind::Clause)
                consider(c.body);
            else
                plain = true;
        if (plain) consider(t.body);
        for (const Term& part : t.blocks) {
            bool clauses = false;
            for (const Term& c : part.body)
                if (c.kind == Kind::Clause) {
                    consider(c.body);
                    clauses = true;
                }
            if (!clauses) consider(part.body);
        }
        const bool exhaustive = t.text == "case" || t.text == "cond" || !t.blocks.empty();
        return sole && same && exhaustive ? *sole : t;
    }

    static Term substitute(const Term& t, const Env& env, std::size_t& budget) {
        if (budget == 0) return t;
        --budget;
        if (t.kind == Kind::Var) {
            auto e = env.find(t.text);
            if (e == env.end()) return t;
            budget = budget > size(e->second) ? budget - size(e->second) : 0;
            return e->second;
        }
        Term out = t;
        for (Term& item : out.items)
            item = substitute(item, env, budget);
        for (Term& statement : out.body) // a case's clauses: `{:ok, _} -> children ++ [A]`
            statement = substitute(statement, env, budget);
        for (Term& part : out.blocks)
            part = substitute(part, env, budget);
        return out;
    }
    /// The terms `t` holds: its items, and the statements of its do-block and other blocks
    /// (`x = case ... do ... end` binds them all).
    static std::size_t size(const Term& t) {
        std::size_t n = 1;
        for (const auto* part : {&t.items, &t.body, &t.blocks})
            for (const Term& item : *part)
                n += size(item);
        return n;
    }

    /// Statements that cannot change the tree: bare values, and calls made for their side
    /// effects (logging, telemetry set-up, :persistent_term.put ...), unless they could
    /// start processes or hold the supervisor's call in a branch (if, case, with ...).
    static bool harmless(const Term& s) {
        if (s.kind == Kind::Call || s.kind == Kind::BinOp) return !startsProcesses(s);
        // A function's value ({:ok, pid}, result) is not a statement that builds anything.
        return s.kind == Kind::Atom || s.kind == Kind::String || s.kind == Kind::Integer ||
               s.kind == Kind::Tuple || s.kind == Kind::Var;
    }

    /// `x |> f(a)` as the call it is, `f(x, a)`; nothing when `t` is no such pipe.
    static std::optional<Term> unpiped(const Term& t) {
        if (t.kind != Kind::BinOp || t.text != "|>" || t.items.size() != 2 ||
            t.items[1].kind != Kind::Call)
            return std::nullopt;
        Term call = t.items[1];
        call.items.insert(call.items.begin(), t.items[0]);
        return call;
    }

    /// `t`, or the call a pipe at its top stands for, kept as long as the import runs (the
    /// callers hold on to where a start was found).
    const Term* callOf(const Term& t) {
        auto call = unpiped(t);
        if (!call) return &t;
        piped_.push_back(std::move(*call));
        return &piped_.back();
    }

    /// The children a start found by findCall is given: its first argument or, for a start
    /// among the branches of an if/case, the children of every branch (startsAsChildren).
    const Term& childrenArgument(const Term& call) const {
        static const Term none;
        if (const auto it = branchedChildren_.find(&call); it != branchedChildren_.end())
            return it->second;
        return call.items.empty() ? none : call.items[0];
    }

    /// The start a function of the file or project makes as its last statement, when `call`
    /// calls one (`def start(_, _), do: start_link()` and a `start_link(opts \\ [])` that
    /// ends in `Supervisor.start_link(children, ...)`), with what that function binds in
    /// `env`.
    const Term* startInHelper(const Term& call, const Module& m, Env& env,
                              std::initializer_list<const char*> names, int depth = 0) {
        if (call.kind != Kind::Call || isBranching(call) || depth > 4) return nullptr;
        if (callsOneOf(call, names)) return nullptr;
        auto r = helperResult(call, &m, env);
        if (!r || !r->decided) return nullptr;
        const Term* last = r->last;
        while (last->kind == Kind::BinOp && last->text == "=")
            last = &last->items[1];
        last = callOf(*last);
        if (!callsOneOf(*last, names)) {
            // start_link() calling start_link([]) (a default argument), and the like
            const Module* in = r->module ? r->module : &m;
            return startInHelper(*last, *in, env = r->env, names, depth + 1);
        }
        env = std::move(r->env);
        return last;
    }

    /// Whether `t` is a call to one of `names` (`Supervisor.start_link`, ...).
    static bool callsOneOf(const Term& t, std::initializer_list<const char*> names) {
        return std::any_of(names.begin(), names.end(),
                           [&](const char* n) { return t.is(Kind::Call, n); });
    }

    /// A start found in a branch, with the variables its branch binds before it.
    struct StartInBranch {
        const Term* call;
        Env env;
    };

    /// The starts (calls to one of `names`) in the branches of an if/unless/case/cond,
    /// each with what the statements of its branch bind before it.
    void startsInBranches(const Term& t, const Module& m, std::initializer_list<const char*> names,
                          const Env& env, std::vector<StartInBranch>& out, int depth) {
        if (depth > 8) return;
        auto one = [&](const Term& st, Env& local) {
            const Term* x = &st;
            if (x->kind == Kind::BinOp && x->text == "=") {
                bindStatement(local, *x);
                while (x->kind == Kind::BinOp && x->text == "=")
                    x = &x->items[1];
            }
            x = callOf(*x);
            if (callsOneOf(*x, names))
                out.push_back({x, local});
            else if (isBranching(*x))
                startsInBranches(*x, m, names, local, out, depth + 1);
            else if (Env inner; const Term* start = startInHelper(*x, m, inner, names))
                out.push_back({start, std::move(inner)});
        };
        auto scan = [&](const std::vector<Term>& body) {
            Env local = env;
            for (const Term& st : body)
                if (st.kind != Kind::Clause) one(st, local);
        };
        for (const Term& c : t.body)
            if (c.kind == Kind::Clause) scan(c.body);
        scan(t.body);
        for (const Term& part : t.blocks) {
            for (const Term& c : part.body)
                if (c.kind == Kind::Clause) scan(c.body);
            scan(part.body);
        }
        if (!t.items.empty() && t.items.back().kind == Kind::List) // if c, do: a, else: b
            for (const char* key : {"do", "else"})
                if (const Term* v = t.items.back().find(key)) {
                    Env local = env;
                    one(*v, local);
                }
    }

    /// `t`, an if/unless/case/cond with starts in its branches, as the children those
    /// starts are given: each branch ends in its start's children argument (what it binds
    /// before stays), a branch that starts nothing (`{:error, reason}`, `:ignore`) gives
    /// none. Read as a child list, a child every branch starts is unconditional and the
    /// rest comes with the condition of its branch.
    /// Nothing when no branch starts.
    std::optional<Term> startsAsChildren(const Term& t, const Module& m,
                                         std::initializer_list<const char*> names, int depth) {
        Term out = t;
        bool found = false;
        auto emptyList = [](int line) {
            Term none;
            none.kind = Kind::List;
            none.line = line;
            return none;
        };
        // The statement as children (`{:ok, pid} = start(children, opts)` gives children),
        // or nothing when it holds no start.
        auto asChildren = [&](const Term& st) -> std::optional<Term> {
            const Term* x = &st;
            while (x->kind == Kind::BinOp && x->text == "=")
                x = &x->items[1];
            x = callOf(*x);
            if (callsOneOf(*x, names)) {
                found = true;
                return x->items.empty() ? Term{} : x->items[0];
            }
            if (isBranching(*x) && depth < 8)
                if (auto inner = startsAsChildren(*x, m, names, depth + 1)) {
                    found = true;
                    return inner;
                }
            if (Env local; const Term* start = startInHelper(*x, m, local, names)) {
                // a function's start: its children as that function binds them
                found = true;
                std::size_t budget = 20'000;
                return substitute(start->items.empty() ? Term{} : start->items[0], local, budget);
            }
            return std::nullopt;
        };
        auto rewrite = [&](std::vector<Term>& body) {
            for (std::size_t i = 0; i < body.size(); ++i) {
                if (body[i].kind == Kind::Clause) continue;
                if (auto children = asChildren(body[i])) {
                    body[i] = std::move(*children);
                    body.resize(i + 1);
                    return;
                }
            }
            if (std::any_of(body.begin(), body.end(),
                            [](const Term& st) { return st.kind != Kind::Clause; }) &&
                !raises(body.back())) {
                body.push_back(emptyList(body.back().line));
            }
        };
        for (Term& c : out.body)
            if (c.kind == Kind::Clause) rewrite(c.body);
        rewrite(out.body);
        for (Term& part : out.blocks) {
            for (Term& c : part.body)
                if (c.kind == Kind::Clause) rewrite(c.body);
            rewrite(part.body);
        }
        if (!out.items.empty() && out.items.back().kind == Kind::List) // if c, do: a, else: b
            for (Term& pair : out.items.back().items)
                if (pair.kind == Kind::Pair && pair.items.size() == 2 &&
                    (pair.items[0].text == "do" || pair.items[0].text == "else")) {
                    if (auto children = asChildren(pair.items[1]))
                        pair.items[1] = std::move(*children);
                    else if (!raises(pair.items[1]))
                        pair.items[1] = emptyList(pair.items[1].line);
                }
        if (!found) return std::nullopt;
        return out;
    }

    /// Every call to one of `names` inside `t` (its arguments, body and blocks), a piped
    /// one (`children |> Supervisor.start_link(opts)`) with its first argument put back.
    void callsIn(const Term& t, std::initializer_list<const char*> names,
                 std::vector<const Term*>& out) {
        const bool piped = t.kind == Kind::BinOp && t.text == "|>" && t.items.size() == 2;
        if (callsOneOf(t, names) ||
            (piped && callsOneOf(t.items[1], names))) { // a pipe is copied only when it starts
            out.push_back(callOf(t));
            return;
        }
        for (const auto* part : {&t.items, &t.body, &t.blocks})
            for (const Term& inner : *part)
                callsIn(inner, names, out);
    }

    /// Whether `t` holds a call that could start processes (start_link, start_child,
    /// spawn), at any depth: an `if` around one is not harmless.
    static bool startsProcesses(const Term& t) {
        if (t.kind == Kind::Call && (t.text.find("start") != std::string::npos ||
                                     t.text.find("spawn") != std::string::npos))
            return true;
        for (const auto* part : {&t.items, &t.body, &t.blocks})
            for (const Term& inner : *part)
                if (startsProcesses(inner)) return true;
        return false;
    }

    /// Follows variables, module attributes and __MODULE__ to the term they stand for.
    Term resolve(const Term& t, const Module* m, const Env& env, int depth = 0) const {
        if (depth > 32) return t;
        if (t.kind == Kind::Var) {
            if (t.text == "__MODULE__" && m) {
                Term a;
                a.kind = Kind::Alias;
                a.text = m->name;
                a.line = t.line;
                return a;
            }
            if (auto e = env.find(t.text); e != env.end())
                return resolve(e->second, m, env, depth + 1);
            if (m && !t.text.empty() && t.text[0] == '@')
                if (auto a = m->attributes.find(t.text); a != m->attributes.end())
                    return resolve(a->second, m, env, depth + 1);
        }
        if (t.kind == Kind::Alias && m) {
            Term a = t;
            a.text = resolveAlias(t.text, m);
            return a;
        }
        // Keyword.get(opts, :name, default), opts[:name], Map.get/fetch!: on a keyword list
        // or map the file writes out, the value.
        if (depth < 16)
            if (const auto v = lookup(t, m, env, depth)) return *v;
        if (depth < 16)
            if (auto v = keywordCall(t, m, env, depth)) return *v;
        // opts[:restart] || :permanent: the first truthy one, when the file knows.
        if (t.kind == Kind::BinOp && (t.text == "||" || t.text == "&&") && depth < 16) {
            const Term a = resolve(t.items[0], m, env, depth + 1);
            if (const auto holds = truth(a, m, env))
                return *holds == (t.text == "||") ? a : resolve(t.items[1], m, env, depth + 1);
        }
        // A function of the file or project that returns a value (defp pool_name, do:
        // :message_pool): that value. Lists stay calls: flatten reads them with conditions.
        if (t.kind == Kind::Call && depth < 8 && valueCalls_ < 64 && !isBranching(t)) {
            ++valueCalls_; // calls within calls, guards within them: bounded all together
            const auto r = helperResult(t, m, env);
            std::optional<Term> value;
            if (r && r->decided) {
                Term v = resolve(*r->last, r->module, r->env, depth + 1);
                if (v.kind != Kind::List && isLiteral(v)) value = std::move(v);
            }
            --valueCalls_;
            if (value) return *value;
        }
        return t;
    }

    /// Keyword.put/put_new/delete/merge on keyword lists the file writes out, as Elixir
    /// computes them (`Keyword.put(opts, :type, :worker)` with `opts = []`).
    std::optional<Term> keywordCall(const Term& t, const Module* m, const Env& env,
                                    int depth) const {
        if (t.kind != Kind::Call || !t.text.starts_with("Keyword.")) return std::nullopt;
        const std::string fun = t.text.substr(8);
        const std::size_t arity = fun == "merge" || fun == "delete" ? 2 : 3;
        if ((fun != "put" && fun != "put_new" && fun != "delete" && fun != "merge") ||
            t.items.size() != arity)
            return std::nullopt;
        auto keywords = [&](const Term& x) -> std::optional<Term> {
            Term list = resolve(x, m, env, depth + 1);
            if (list.kind != Kind::List) return std::nullopt;
            for (const Term& p : list.items)
                if (p.kind != Kind::Pair || p.items[0].kind != Kind::Atom) return std::nullopt;
            return list;
        };
        auto list = keywords(t.items[0]);
        if (!list) return std::nullopt;
        auto without = [&](const std::string& key) {
            std::erase_if(list->items, [&](const Term& p) { return p.items[0].text == key; });
        };
        if (fun == "merge") {
            auto other = keywords(t.items[1]);
            if (!other) return std::nullopt;
            for (const Term& p : other->items)
                without(p.items[0].text);
            for (const Term& p : other->items)
                list->items.push_back(p);
            return list;
        }
        const Term key = resolve(t.items[1], m, env, depth + 1);
        if (key.kind != Kind::Atom) return std::nullopt;
        if (fun == "put_new" && list->find(key.text)) return list;
        without(key.text);
        if (fun == "delete") return list;
        Term pair;
        pair.kind = Kind::Pair;
        pair.line = t.line;
        pair.items = {key, t.items[2]};
        list->items.insert(list->items.begin(), std::move(pair));
        return list;
    }

    /// The value a lookup in a written keyword list or map gives, or nothing when the
    /// container or the key is not known here.
    std::optional<Term> lookup(const Term& t, const Module* m, const Env& env, int depth) const {
        const bool access = t.kind == Kind::Access && t.items.size() == 2;
        const bool call = t.kind == Kind::Call && (t.items.size() == 2 || t.items.size() == 3) &&
                          (t.text == "Keyword.get" || t.text == "Keyword.fetch!" ||
                           t.text == "Map.get" || t.text == "Map.fetch!");
        if (!access && !call) return std::nullopt;
        const Term container = resolve(t.items[0], m, env, depth + 1);
        const Term key = resolve(t.items[1], m, env, depth + 1);
        if (key.kind != Kind::Atom) return std::nullopt;
        if (container.kind != Kind::List && container.kind != Kind::Map) return std::nullopt;
        for (const Term& p : container.items)
            if (p.kind != Kind::Pair || p.items[0].kind != Kind::Atom) return std::nullopt;
        if (const Term* v = container.find(key.text)) return resolve(*v, m, env, depth + 1);
        if (t.items.size() == 3) return resolve(t.items[2], m, env, depth + 1); // the default
        if (call && t.text.ends_with('!')) return std::nullopt; // raises at run time
        Term nil;
        nil.kind = Kind::Atom;
        nil.text = "nil";
        nil.line = t.line;
        return nil;
    }

    /// resolve(), into the items of tuples and lists too (for ids such as {__MODULE__, arg}).
    Term resolveDeep(const Term& t0, const Module* m, const Env& env, int depth = 0) const {
        Term t = resolve(t0, m, env);
        if (depth < 8 && (t.kind == Kind::Tuple || t.kind == Kind::List || t.kind == Kind::Map))
            for (Term& item : t.items)
                item = resolveDeep(item, m, env, depth + 1);
        if (depth < 8 && t.kind == Kind::Pair && t.items.size() == 2) // name: name
            t.items[1] = resolveDeep(t.items[1], m, env, depth + 1);
        return t;
    }

    std::optional<std::int64_t> integer(const Term& t0, const Module* m, const Env& env) const {
        const Term t = resolve(t0, m, env);
        if (t.kind == Kind::Integer) return t.integer;
        if (t.kind == Kind::BinOp && (t.text == "*" || t.text == "+" || t.text == "-")) {
            const auto a = integer(t.items[0], m, env), b = integer(t.items[1], m, env);
            if (!a || !b) return std::nullopt;
            return t.text == "*" ? *a * *b : t.text == "+" ? *a + *b : *a - *b;
        }
        if (t.kind == Kind::Call && t.items.size() == 1) { // :timer.seconds(5)
            const auto n = integer(t.items[0], m, env);
            if (n && t.text == ":timer.seconds") return *n * 1000;
            if (n && t.text == ":timer.minutes") return *n * 60'000;
            if (n && t.text == ":timer.hours") return *n * 3'600'000;
        }
        return std::nullopt;
    }

    // ---- supervisors -------------------------------------------------------

    void supervisorOptions(NodeSpec& n, const Term* opts0, const Module* m, const Env& env,
                           bool dynamic) {
        if (!opts0) return;
        const Term opts = resolve(*opts0, m, env);
        if (opts.kind != Kind::List) {
            notRead(opts.line, "supervisor options " + opts.show() + " (a keyword list expected)");
            return;
        }
        for (const Term& p : opts.items) {
            if (p.kind != Kind::Pair) {
                notRead(p.line, "supervisor option " + p.show());
                continue;
            }
            const std::string& key = p.items[0].text;
            const Term v = resolve(p.items[1], m, env);
            const int line = p.line;
            if (key != "name" && decidedAtRunTime(v)) {
                keptDefault(line, key, v);
                continue;
            }
            if (key == "strategy") {
                const auto s = dynamic ? atomNamed(v, {Strategy::OneForOne})
                                       : atomNamed(v, {Strategy::OneForOne, Strategy::OneForAll,
                                                       Strategy::RestForOne});
                if (s)
                    n.strategy = *s;
                else
                    notRead(line, "strategy: " + v.show() +
                                      (dynamic ? " (a DynamicSupervisor is one_for_one only)"
                                               : " (one_for_one, one_for_all or rest_for_one)"));
            } else if (key == "max_restarts" || key == "max_seconds") {
                const auto value = integer(v, m, env);
                if (!value || *value < 0 || *value > 1'000'000'000 ||
                    (key == "max_seconds" && *value == 0))
                    notRead(line, key + ": " + v.show());
                else
                    (key == "max_restarts" ? n.max_restarts : n.max_seconds) = int(*value);
            } else if (key == "max_children" && dynamic) {
                const auto value = integer(v, m, env);
                if (value && *value >= 0)
                    n.max_children = *value;
                else if (!v.is(Kind::Atom, "infinity"))
                    notRead(line, "max_children: " + v.show());
            } else if (key == "auto_shutdown" && !dynamic) {
                if (const auto a = atomNamed(v, {AutoShutdown::Never, AutoShutdown::AnySignificant,
                                                 AutoShutdown::AllSignificant}))
                    n.auto_shutdown = *a;
                else
                    notRead(line, "auto_shutdown: " + v.show());
            } else if (key == "name") {
                // A registered name changes nothing in the tree.
            } else if (key == "extra_arguments" && dynamic) {
                assumed(line, "extra_arguments are passed to each child's start; SupLab's "
                              "workers take none");
            } else {
                notRead(line, "supervisor option " + key + ": " + v.show());
            }
        }
    }

    std::size_t flattenBudget_ = 0; // flatten() steps left for one child list
    int helperDepth_ = 0;           // helpers followed for one child spec
    mutable int valueCalls_ = 0;    // functions being evaluated for a value, nested
    // Functions followed in all (helperResult): functions that call each other for their
    // arguments and guards would take exponential time.
    static constexpr std::size_t kMaxHelperCalls = 50'000;
    mutable std::size_t helperCalls_ = 0;

    std::vector<NodePtr> children(const Term& list0, const Module* m, const Env& env, int line) {
        const Term list = resolve(list0, m, env);
        std::vector<ListedChild> items;
        flatten(list, m, std::make_shared<const Env>(env), items, {}, 0,
                list.line ? list.line : line);
        std::vector<NodePtr> out;
        struct Seen {
            const ListedChild* child;
            std::size_t at; // in out
        };
        std::map<std::string, Seen> seen;
        for (const ListedChild& c : items) {
            // Notes on a child belong to the file it is written in (another module's
            // helper may have written it).
            const FileScope scope(*this, c.module ? c.module->file : currentFile_);
            NodePtr node =
                c.computed ? computedChildren(c.spec, line) : child(c.spec, c.module, *c.env);
            if (!node) continue;
            if (auto [it, fresh] = seen.emplace(node->id, Seen{&c, out.size()}); !fresh) {
                // Only now is what each spec stands for worth working out.
                const ListedChild& before = *it->second.child;
                const Term spec = specValue(c);
                const Term earlier = specValue(before);
                // the same child in another branch, or another child of the same module in
                // a branch of its own (only one of them starts)
                if (!c.condition.empty() &&
                    (earlier.render() == spec.render() || before.condition != c.condition))
                    continue;
                if (markOf(*node)) { // two placeholders for the same expression
                    auto again = std::make_shared<NodeSpec>(*node);
                    for (int n = 2; !seen.emplace(again->id, Seen{&c, out.size()}).second; ++n)
                        again->id = node->id + " #" + std::to_string(n);
                    node = std::move(again);
                } else if (const auto module = unreadModuleOf(spec, c.module); module) {
                    // {Portal.Queue, opts_a} and {Portal.Queue, opts_b}: Elixir would refuse
                    // them, so the module's child_spec/1 (not here) makes the ids from the
                    // arguments. Each is shown as the expression that decides its id.
                    const std::string role =
                        *module + "'s id (its child_spec/1 is not read here), made from";
                    NodePtr& first = out[it->second.at];
                    if (!markOf(*first)) {
                        auto marked = std::make_shared<NodeSpec>(*first);
                        runTimeId(*marked, earlier, role);
                        seen.emplace(marked->id, it->second);
                        first = std::move(marked);
                    }
                    assumed(c.spec.line,
                            "two children of " + *module + " (lines " +
                                std::to_string(before.spec.line) + " and " +
                                std::to_string(c.spec.line) + "): its child_spec/1, not read " +
                                "here, must make their ids from the arguments (with Elixir's " +
                                "default both would be " + *module + ", which Elixir refuses)");
                    auto marked = std::make_shared<NodeSpec>(*node);
                    runTimeId(*marked, spec, role);
                    if (!seen.emplace(marked->id, Seen{&c, out.size()}).second)
                        continue; // the very same expression twice
                    node = std::move(marked);
                } else {
                    if (!c.condition.empty()) continue; // the same child in another branch
                    notRead(c.spec.line, "a second child with id " + node->id +
                                             " (the first is on line " +
                                             std::to_string(before.spec.line) +
                                             "); Elixir refuses duplicate ids: give it an id "
                                             "with Supervisor.child_spec(..., id: ...)");
                    continue;
                }
            }
            if (!c.condition.empty() && !c.computed) {
                assumed(c.spec.line, node->id + " starts only " + c.condition +
                                         ": imported, marked conditional");
                auto marked = std::make_shared<NodeSpec>(*node);
                marked->note = std::string(markWords(ImportMark::Kind::Conditional)) +
                               "starts only " + c.condition + " (line " +
                               std::to_string(c.spec.line) + ")";
                node = std::move(marked);
            }
            out.push_back(std::move(node));
        }
        return out;
    }

    /// A child spec found in a list, with what it is read against (a helper function's
    /// scope), the condition it starts under (if, case; empty: always) and whether it is
    /// a list computed at run time rather than one child.
    struct ListedChild {
        Term spec;
        const Module* module;
        SharedEnv env; // shared by the children of one list: never copied per child
        std::string condition;
        bool computed = false;
    };

    /// A listed child spec as far as the file tells: `queue(:a)` is the `{App.Queue, name:
    /// :a}` its helper returns.
    Term specValue(const ListedChild& c) const {
        const Module* m = c.module;
        Term spec = resolveDeep(c.spec, m, *c.env);
        Env helperEnv; // a followed function's, once there is one (the list's is not copied)
        for (int hops = 0; hops < 4 && spec.kind == Kind::Call; ++hops) {
            auto r = helperResult(spec, m, hops == 0 ? *c.env : helperEnv);
            if (!r || !r->decided) break;
            m = r->module;
            helperEnv = std::move(r->env);
            spec = resolveDeep(*r->last, m, helperEnv);
        }
        return spec;
    }

    /// The module of a spec `{Module, arg}` or `Module` (as specValue gives it) when SupLab
    /// read neither it nor a rule for it, so the id it was given (the module) is a guess.
    std::optional<std::string> unreadModuleOf(const Term& spec, const Module* from) const {
        // {Module, arg}, and Module.child_spec(arg), which is the same child.
        std::string name;
        if (spec.kind == Kind::Tuple && spec.items.size() == 2 && spec.items[0].kind == Kind::Alias)
            name = spec.items[0].text;
        else if (spec.kind == Kind::Alias)
            name = spec.text;
        else if (spec.kind == Kind::Call && spec.items.size() == 1 &&
                 spec.text.ends_with(".child_spec") && spec.text != "Supervisor.child_spec" &&
                 !spec.text.starts_with(':'))
            name = spec.text.substr(0, spec.text.size() - std::string_view(".child_spec").size());
        if (name.empty() || module(name, from) || elixir::knownLibrary(name) ||
            !Behaviour::ofLessonModule(name).empty())
            return std::nullopt;
        return name;
    }

    /// A placeholder for children a run-time expression computes: one worker, marked.
    NodePtr computedChildren(const Term& t, int line) {
        const int at = t.line ? t.line : line;
        auto node = std::make_shared<NodeSpec>();
        node->id = placeholderId(t);
        node->note = std::string(markWords(ImportMark::Kind::Computed)) + t.show() + " (line " +
                     std::to_string(at) + ")";
        assumed(at, "children: " + t.show() +
                        " is computed at run time: shown as one placeholder child, " + node->id);
        return node;
    }

    /// The id a placeholder shows: `?` and the expression that decides it (ids have no '/').
    static std::string placeholderId(const Term& t) {
        std::string id;
        for (const char c : "?" + t.show())
            id += c == '/' ? std::string("\u2215") : std::string(1, c); // ∕, not a path
        return id;
    }

    /// Marks `n` as a child whose id `what` decides at run time.
    void runTimeId(NodeSpec& n, const Term& what, const std::string& role) {
        n.id = placeholderId(what);
        n.note = std::string(markWords(ImportMark::Kind::RunTimeId)) + role + " " + what.show() +
                 " (line " + std::to_string(what.line) + ")";
        assumed(what.line, role + " " + what.show() + " is decided at run time: shown as " + n.id);
    }

    /// The child specs `t` stands for, read as Elixir would build the list: literal lists,
    /// ++, [a | rest], the module's own helper functions (defp children, do: [...]),
    /// if/case (each branch, with its condition), Enum.reject/filter and List.flatten
    /// (nil is never a child). What is computed at run time becomes a marked placeholder.
    void flatten(const Term& t0, const Module* m, const SharedEnv& env,
                 std::vector<ListedChild>& out, const std::string& condition, int depth, int line) {
        const Term t = resolve(t0, m, *env);
        const int at = t.line ? t.line : line;
        auto computed = [&] {
            Term placeholder = t;
            placeholder.line = at;
            out.push_back({placeholder, m, env, condition, true});
        };
        if (depth == 0) flattenBudget_ = 2000; // branches of branches stay bounded
        if (flattenBudget_ == 0) return;       // said once, below
        if (depth > 16 || --flattenBudget_ == 0) return computed();
        if (t.kind == Kind::List) {
            for (const Term& item : t.items) {
                if (item.kind == Kind::BinOp && item.text == "|") { // [a, b | rest]
                    if (!item.items[0].is(Kind::Atom, "nil"))
                        out.push_back({item.items[0], m, env, condition});
                    flatten(item.items[1], m, env, out, condition, depth + 1, at);
                } else if (isBranching(item)) {
                    branches(item, m, env, out, condition, depth, at, /*asList=*/false);
                } else if (!item.is(Kind::Atom, "nil")) {
                    out.push_back({item, m, env, condition});
                }
            }
            return;
        }
        if (t.is(Kind::Atom, "nil")) return;
        if (t.kind == Kind::BinOp && t.text == "++") {
            flatten(t.items[0], m, env, out, condition, depth + 1, at);
            flatten(t.items[1], m, env, out, condition, depth + 1, at);
            return;
        }
        if (const auto call = unpiped(t))
            return flatten(*call, m, env, out, condition, depth + 1, at);
        // Functions that keep a list's children as they are (nil is never a child anyway).
        static constexpr std::string_view kKeeping[] = {"Enum.reject", "Enum.filter",
                                                        "List.flatten", "List.wrap", "Enum.uniq"};
        if (t.kind == Kind::Call && !t.items.empty() &&
            std::find(std::begin(kKeeping), std::end(kKeeping), t.text) != std::end(kKeeping)) {
            const Term& first = t.items[0];
            if (t.text == "List.flatten" && first.kind == Kind::List) { // lists in a list
                for (const Term& part : first.items) {
                    const Term p = resolve(part, m, *env);
                    const bool spec =
                        p.kind == Kind::Alias || p.kind == Kind::Tuple || p.kind == Kind::Map ||
                        (p.kind == Kind::Call && (p.text.ends_with("child_spec") ||
                                                  p.text == "worker" || p.text == "supervisor"));
                    if (spec)
                        out.push_back({part, m, env, condition});
                    else
                        flatten(part, m, env, out, condition, depth + 1, at);
                }
                return;
            }
            return flatten(first, m, env, out, condition, depth + 1, at);
        }
        if (t.is(Kind::Call, "Enum.reverse") && t.items.size() == 1) {
            std::vector<ListedChild> forward;
            flatten(t.items[0], m, env, forward, condition, depth + 1, at);
            out.insert(out.end(), forward.rbegin(), forward.rend());
            return;
        }
        if (t.is(Kind::Call, "List.insert_at") && t.items.size() == 3) {
            std::vector<ListedChild> list;
            flatten(t.items[0], m, env, list, condition, depth + 1, at);
            const auto index = integer(t.items[1], m, *env);
            if (!index || std::any_of(list.begin(), list.end(),
                                      [](const ListedChild& c) { return c.computed; }))
                return computed();
            const auto size = std::int64_t(list.size());
            const std::int64_t i =
                *index < 0 ? std::max<std::int64_t>(0, size + 1 + *index) : std::min(*index, size);
            list.insert(list.begin() + i, ListedChild{t.items[2], m, env, condition});
            out.insert(out.end(), list.begin(), list.end());
            return;
        }
        // A default the configuration may replace: Keyword.get(opts, :children, [A]).
        if ((t.is(Kind::Call, "Keyword.get") || t.is(Kind::Call, "Map.get") ||
             t.is(Kind::Call, "Application.get_env")) &&
            t.items.size() == 3) {
            const std::string unless = (condition.empty() ? "" : condition + " and ") + "unless " +
                                       t.text + "(" + t.items[0].show() + ", " + t.items[1].show() +
                                       ") is set";
            return flatten(t.items[2], m, env, out, unless, depth + 1, at);
        }
        if (t.is(Kind::Call, "Enum.concat") && t.items.size() == 1 &&
            t.items[0].kind == Kind::List) {
            for (const Term& part : t.items[0].items)
                flatten(part, m, env, out, condition, depth + 1, at);
            return;
        }
        if (isBranching(t)) return branches(t, m, env, out, condition, depth, at, /*asList=*/true);
        if (t.is(Kind::Call, "for") || t.is(Kind::Call, "Enum.map") ||
            t.is(Kind::Call, "Enum.flat_map")) {
            if (mapped(t, m, env, out, condition, depth, at)) return;
            return computed();
        }
        if (const auto variants = variantsOf(t, m); variants.size() > 1) {
            // Defined one way or another at compile time (if Mix.target() == :host do
            // defp target_children ... else ...): each way, merged as branches are.
            std::vector<std::vector<ListedChild>> given;
            for (const std::string& v : variants) {
                const std::string when =
                    (condition.empty() ? "" : condition + " and ") + v + " at compile time";
                helperChildren(t, m, env, given.emplace_back(), when, depth, at, &v);
            }
            return mergeBranches(given, true, condition, out);
        }
        if (helperChildren(t, m, env, out, condition, depth, at)) return;
        computed();
    }

    /// The children a call of a function of the file or project gives (of its `variant`
    /// only, when given): the clause that runs or, when the arguments cannot tell, each
    /// one that may, merged as branches are (what every clause gives is not conditional).
    /// False when no such function is defined.
    bool helperChildren(const Term& t, const Module* m, const SharedEnv& env,
                        std::vector<ListedChild>& out, const std::string& condition, int depth,
                        int at, const std::string* variant = nullptr) {
        auto result = helperResult(t, m, *env, variant);
        if (!result) return false;
        if (!result->decided) {
            std::vector<std::vector<ListedChild>> given;
            bool catchAll = false;
            for (const Candidate& c : candidateClauses(t, m, *env, variant)) {
                const std::string when = (condition.empty() ? "" : condition + " and ") + "when " +
                                         c.head + " is the clause that runs";
                flatten(*c.last, c.module, std::make_shared<const Env>(c.env), given.emplace_back(),
                        when, depth + 1, at);
                catchAll = catchAll || c.catchAll;
            }
            if (given.size() > 1) {
                mergeBranches(given, catchAll, condition, out);
                return true;
            }
        }
        const std::string inner = !result->decided && condition.empty()
                                      ? "when the first clause of " + t.text + "/" +
                                            std::to_string(t.items.size()) + " matches"
                                      : condition;
        flatten(*result->last, result->module, std::make_shared<const Env>(std::move(result->env)),
                out, inner, depth + 1, at);
        return true;
    }

    enum class Match : unsigned char { Yes, No, Unknown };

    /// A clause of a called function that may run, with its variables bound.
    struct Candidate {
        const Term* last;
        const Module* module;
        Env env;
        std::string head; // `children_for(env) when env in [:dev, :test]`
        bool catchAll;    // matches anything: every parameter a variable, no guard
    };

    /// The clauses of the module function `call` names that may run, in order, up to the
    /// first that surely does.
    std::vector<Candidate> candidateClauses(const Term& call, const Module* m, const Env& env,
                                            const std::string* variant = nullptr) const {
        std::vector<Candidate> out;
        if (!m || call.text.find('.') != std::string::npos) return out;
        const std::vector<Term> args = resolvedArgs(call, m, env);
        for (const Function& f : m->functions) {
            if (f.name != call.text || f.params.size() != args.size() || f.body.empty()) continue;
            if (variant && f.variant != *variant) continue;
            Env bound;
            const Match all = clauseMatches(*m, f, args, bound);
            if (all == Match::No) continue;
            bool catchAll = f.guard.kind == Kind::Opaque;
            std::string head = f.name + "(";
            for (std::size_t i = 0; i < f.params.size(); ++i) {
                head += (i ? ", " : "") + f.params[i].show();
                catchAll = catchAll && f.params[i].kind == Kind::Var;
            }
            head += ")";
            if (f.guard.kind != Kind::Opaque) head += " when " + f.guard.show();
            for (const Term& st : f.body)
                bindStatement(bound, st);
            out.push_back({&f.body.back(), m, std::move(bound), head, catchAll});
            if (all == Match::Yes) break; // the clauses after it never run
        }
        return out;
    }

    /// What a call of a function the file (or project) defines returns: the last
    /// statement of the clause that runs, with the clause's variables bound; a local
    /// `helper(...)` of `m` or `Other.fun(...)` of another module read.
    struct HelperResult {
        const Term* last;
        const Module* module; // where the function is defined
        Env env;
        bool decided; // false: the arguments could not tell which clause runs
    };
    std::optional<HelperResult> helperResult(const Term& call, const Module* m, const Env& env,
                                             const std::string* variant = nullptr) const {
        if (call.kind != Kind::Call || call.text.empty()) return std::nullopt;
        if (++helperCalls_ > kMaxHelperCalls) return std::nullopt;
        const Module* def = m;
        std::string name = call.text;
        if (const auto dot = call.text.rfind('.'); dot != std::string::npos) {
            if (!std::isupper(static_cast<unsigned char>(call.text[0]))) return std::nullopt;
            def = module(call.text.substr(0, dot), m);
            name = call.text.substr(dot + 1);
        }
        if (!def || !def->function(name, call.items.size())) return std::nullopt;
        const std::vector<Term> args = resolvedArgs(call, m, env);
        HelperResult r{nullptr, def, {}, false};
        const Function* f = clauseFor(*def, name, args, r.env, r.decided, variant);
        if (!f) return std::nullopt;
        for (const Term& st : f->body) {
            bindStatement(r.env, st);
            r.last = &st;
        }
        if (!r.last) return std::nullopt;
        return r;
    }

    /// The compile-time ways a called function of the module is defined (each `if`
    /// branch it is defined under), in order; one or none when it is defined once.
    std::vector<std::string> variantsOf(const Term& call, const Module* m) const {
        if (call.kind != Kind::Call || !m || call.text.find('.') != std::string::npos) return {};
        std::vector<std::string> out;
        for (const Function& f : m->functions)
            if (f.name == call.text && f.params.size() == call.items.size() &&
                std::find(out.begin(), out.end(), f.variant) == out.end())
                out.push_back(f.variant);
        return out;
    }

    /// The clause of `def`'s function `name` that runs with `args` (resolved), its
    /// parameters bound in `local`: the first whose patterns (and guard) match. When the
    /// arguments cannot tell, the first that may match, and `decided` stays false.
    const Function* clauseFor(const Module& def, const std::string& name,
                              const std::vector<Term>& args, Env& local, bool& decided,
                              const std::string* variant = nullptr) const {
        const Function* first = nullptr;
        for (const Function& f : def.functions) {
            if (f.name != name || f.params.size() != args.size() || f.body.empty()) continue;
            if (variant && f.variant != *variant) continue;
            if (!first) first = &f;
            Env bound;
            const Match all = clauseMatches(def, f, args, bound);
            if (all == Match::No) continue;
            local = std::move(bound);
            decided = all == Match::Yes;
            return &f;
        }
        decided = false;
        if (!first) return nullptr;
        local.clear(); // no clause matches: the first, its variables bound as far as they go
        for (std::size_t i = 0; i < first->params.size(); ++i)
            if (first->params[i].kind == Kind::Var) local[first->params[i].text] = args[i];
        return first;
    }

    /// Whether a clause runs for `args` (resolved): its patterns, then its guard, binding
    /// the patterns' variables in `bound`.
    Match clauseMatches(const Module& def, const Function& f, const std::vector<Term>& args,
                        Env& bound) const {
        Match all = Match::Yes;
        for (std::size_t i = 0; i < f.params.size() && all != Match::No; ++i) {
            const Match one = match(f.params[i], args[i], bound);
            if (one != Match::Yes) all = one;
        }
        if (all == Match::Yes && f.guard.kind != Kind::Opaque) {
            const auto holds = truth(f.guard, &def, bound);
            all = !holds ? Match::Unknown : *holds ? Match::Yes : Match::No;
        }
        return all;
    }

    /// The arguments of `call`, resolved where it is made.
    std::vector<Term> resolvedArgs(const Term& call, const Module* m, const Env& env) const {
        std::vector<Term> args;
        for (const Term& a : call.items)
            args.push_back(resolveDeep(a, m, env));
        return args;
    }

    /// Whether `value` (resolved) matches `pattern`, binding the pattern's variables.
    static Match match(const Term& pattern, const Term& value, Env& bound) {
        if (pattern.kind == Kind::Var) {
            if (!pattern.text.starts_with('_')) bound[pattern.text] = value;
            return Match::Yes;
        }
        if (pattern.kind == Kind::BinOp && pattern.text == "=") {
            const Match left = match(pattern.items[0], value, bound);
            const Match right = match(pattern.items[1], value, bound);
            return left == Match::No || right == Match::No     ? Match::No
                   : left == Match::Yes && right == Match::Yes ? Match::Yes
                                                               : Match::Unknown;
        }
        if (!isLiteral(value) && value.kind != Kind::Tuple && value.kind != Kind::List)
            return Match::Unknown;
        if (isLiteral(pattern) && isLiteral(value))
            return pattern.render() == value.render() ? Match::Yes : Match::No;
        if ((pattern.kind == Kind::Tuple || pattern.kind == Kind::List) &&
            pattern.kind == value.kind) {
            if (pattern.items.size() != value.items.size()) return Match::No;
            Match all = Match::Yes;
            for (std::size_t i = 0; i < pattern.items.size(); ++i) {
                const Match one = match(pattern.items[i], value.items[i], bound);
                if (one == Match::No) return Match::No;
                if (one == Match::Unknown) all = Match::Unknown;
            }
            return all;
        }
        if (isLiteral(pattern) && (value.kind == Kind::Tuple || value.kind == Kind::List))
            return Match::No;
        return Match::Unknown;
    }

    /// The type a guard tests (`list`, `atom`, `binary`, `integer`, `map`, `tuple`), when
    /// the value (resolved) shows it: a literal, or a call to a function of Elixir's that
    /// always returns a list (`Keyword.merge(config, opts)`, `[a] ++ rest`).
    static std::optional<std::string> typeOf(const Term& v) {
        switch (v.kind) {
        case Kind::List:
            return "list";
        case Kind::Alias:
            return "atom";
        case Kind::Atom:
            return v.text == "true" || v.text == "false" ? "boolean" : "atom";
        case Kind::Integer:
            return "integer";
        case Kind::String:
            return "binary";
        case Kind::Map:
            return "map";
        case Kind::Tuple:
            return "tuple";
        default:
            break;
        }
        if (v.kind == Kind::BinOp && (v.text == "++" || v.text == "--")) return "list";
        static constexpr std::string_view kLists[] = {
            "Keyword.merge", "Keyword.put",    "Keyword.put_new", "Keyword.take",
            "Keyword.drop",  "Keyword.delete", "Keyword.new",     "Keyword.update",
            "Enum.map",      "Enum.filter",    "Enum.reject",     "Enum.concat",
            "List.flatten",  "List.wrap",      "Enum.to_list",    "Enum.flat_map"};
        if (v.kind == Kind::Call &&
            std::find(std::begin(kLists), std::end(kLists), v.text) != std::end(kLists))
            return "list";
        return std::nullopt;
    }

    /// typeOf what `t` holds, through the functions of the file that return it
    /// (`config = configuration()` whose last line is `Keyword.merge(core, opts)`).
    std::optional<std::string> valueType(const Term& t0, const Module* m, const Env& env,
                                         int depth) const {
        const Term t = resolveDeep(t0, m, env);
        if (auto type = typeOf(t)) return type;
        if (depth > 8 || t.kind != Kind::Call) return std::nullopt;
        const auto r = helperResult(t, m, env);
        if (!r || !r->decided) return std::nullopt;
        return valueType(*r->last, r->module, r->env, depth + 1);
    }

    /// What a condition is, when the file alone decides it: literals, variables bound to
    /// them, ==, !=, not, and, or, is_nil. Nothing when run time decides.
    std::optional<bool> truth(const Term& t0, const Module* m, const Env& env,
                              int depth = 0) const {
        if (depth > 16) return std::nullopt;
        if (t0.kind == Kind::Call && t0.items.size() == 1 && t0.text.starts_with("is_"))
            if (const auto type = valueType(t0.items[0], m, env, depth)) {
                const std::string tested = t0.text.substr(3);
                if (tested == "list" || tested == "binary" || tested == "integer" ||
                    tested == "map" || tested == "tuple" || tested == "boolean")
                    return tested == *type;
                if (tested == "atom") return *type == "atom" || *type == "boolean";
            }
        const Term t = resolveDeep(t0, m, env);
        if (t.kind == Kind::Atom) return t.text != "false" && t.text != "nil";
        if (isLiteral(t) || t.kind == Kind::Map) return true;
        if (t.kind == Kind::UnaryOp && (t.text == "!" || t.text == "not")) {
            const auto inner = truth(t.items[0], m, env, depth + 1);
            return inner ? std::optional<bool>(!*inner) : std::nullopt;
        }
        if (t.kind == Kind::Call && t.text == "is_nil" && t.items.size() == 1) {
            const Term v = resolveDeep(t.items[0], m, env);
            if (v.is(Kind::Atom, "nil")) return true;
            return isLiteral(v) ? std::optional<bool>(false) : std::nullopt;
        }
        if (t.kind != Kind::BinOp) return std::nullopt;
        if (t.text == "==" || t.text == "!=" || t.text == "===" || t.text == "!==") {
            const Term a = resolveDeep(t.items[0], m, env), b = resolveDeep(t.items[1], m, env);
            if (!isLiteral(a) || !isLiteral(b)) return std::nullopt;
            const bool same = a.render() == b.render();
            return t.text.starts_with('=') ? same : !same;
        }
        const bool conj = t.text == "and" || t.text == "&&";
        if (!conj && t.text != "or" && t.text != "||") return std::nullopt;
        const auto a = truth(t.items[0], m, env, depth + 1);
        if (a && *a != conj) return a; // false and _, true or _
        const auto b = truth(t.items[1], m, env, depth + 1);
        if (a && b) return b;
        if (b && *b != conj) return b;
        return std::nullopt;
    }

    /// `for x <- list, filter, do: spec` and `Enum.map(list, fn x -> spec end)` (or
    /// `&{&1, []}`) over a list the file writes out: one child per element, what a filter
    /// the file cannot decide leaves out marked conditional. False when it is not of this
    /// shape; a part of the list computed at run time gives a placeholder.
    bool mapped(const Term& t, const Module* m, const SharedEnv& env, std::vector<ListedChild>& out,
                const std::string& condition, int depth, int line) {
        const Term* list = nullptr;
        const Term* pattern = nullptr;
        const Term* body = nullptr;
        std::vector<const Term*> filters;
        Term capture; // `&1`, the pattern of a capture
        capture.kind = Kind::Var;
        capture.text = "&1";
        if (t.text == "for") {
            for (const Term& item : t.items) {
                if (item.kind == Kind::BinOp && item.text == "<-") {
                    if (list) return false; // two generators
                    pattern = &item.items[0];
                    list = &item.items[1];
                } else if (item.kind == Kind::List) {
                    body = item.find("do");
                    if (!body && !item.items.empty()) return false; // into:, reduce:, uniq:
                } else {
                    filters.push_back(&item);
                }
            }
            if (t.hasBlock && !t.body.empty()) body = &t.body.back();
        } else if (t.items.size() == 2) {
            list = &t.items[0];
            const Term& fun = t.items[1];
            if (fun.kind == Kind::Fn && fun.items.size() == 1 && fun.items[0].items.size() == 1 &&
                !fun.items[0].body.empty()) {
                pattern = &fun.items[0].items[0];
                body = &fun.items[0].body.back();
            } else if (fun.kind == Kind::UnaryOp && fun.text == "&" &&
                       fun.items[0].kind != Kind::BinOp) { // &{&1, []}, &worker(&1, [])
                pattern = &capture;
                body = &fun.items[0];
            }
        }
        if (!list || !pattern || !body) return false;
        std::vector<ListedChild> elements;
        flatten(*list, m, env, elements, condition, depth + 1, line);
        for (const ListedChild& e : elements) {
            if (e.computed) { // the elements only run time knows: one placeholder for them
                out.push_back(e);
                continue;
            }
            // The pattern's variables are put into the body: the rest of what it reads
            // stays in the one shared env (a per-element copy of it grows as n squared).
            Env vars;
            if (match(*pattern, resolveDeep(e.spec, e.module, *e.env), vars) == Match::No)
                continue; // `for {:ok, x} <- ...` skips what does not match
            std::size_t budget = 20'000;
            std::string when = e.condition;
            bool kept = true;
            for (const Term* f : filters) {
                const auto holds = truth(substitute(*f, vars, budget), m, *env);
                if (holds && !*holds) kept = false;
                if (!holds) when += (when.empty() ? "if " : " and if ") + f->show();
            }
            if (!kept) continue;
            const Term result = resolve(substitute(*body, vars, budget), m, *env);
            if (t.text == "Enum.flat_map" || result.kind == Kind::List)
                flatten(result, m, env, out, when, depth + 1, line);
            else
                out.push_back({result, m, env, when});
        }
        return true;
    }

    static bool isBranching(const Term& t) {
        return t.is(Kind::Call, "if") || t.is(Kind::Call, "unless") || t.is(Kind::Call, "case") ||
               t.is(Kind::Call, "cond");
    }

    /// The branches of an if/unless/case/cond that builds children. When the file alone
    /// decides which runs (literals, helper arguments), only that one. Else each: a child
    /// every branch gives (`[extra | children]` and `children`) is not conditional; what
    /// one branch alone gives is marked with its condition. A branch that raises gives
    /// nothing. `asList`: each branch is a list (else one child).
    void branches(const Term& t, const Module* m, const SharedEnv& env,
                  std::vector<ListedChild>& out, const std::string& outer, int depth, int line,
                  bool asList) {
        struct Branch {
            const Term* result;
            const std::vector<Term>* body; // the statements the result ends, or nullptr
            std::string condition;
            std::optional<bool> taken; // nothing: run time decides
            bool catchAll = false;     // else, `_ ->`, `true ->`
        };
        std::vector<Branch> branches;
        const Term* subjectTerm =
            t.items.empty() || t.items[0].kind == Kind::List ? nullptr : &t.items[0];
        const std::string subject = subjectTerm ? subjectTerm->show() : std::string();
        const bool negated = t.text == "unless";
        std::optional<bool> holds =
            subjectTerm && t.text != "case" ? truth(*subjectTerm, m, *env) : std::nullopt;
        if (holds && negated) holds = !*holds;
        const std::optional<bool> otherwise = holds ? std::optional<bool>(!*holds) : std::nullopt;
        const std::string yes = (negated ? "unless " : "if ") + subject;
        const std::string no = (negated ? "if " : "unless ") + subject;
        bool hasElse = false;
        if (!t.items.empty() && t.items.back().kind == Kind::List) { // if c, do: a, else: b
            if (const Term* d = t.items.back().find("do"))
                branches.push_back({d, nullptr, yes, holds});
            if (const Term* e = t.items.back().find("else")) {
                branches.push_back({e, nullptr, no, otherwise, true});
                hasElse = true;
            }
        }
        const Term value = subjectTerm ? resolveDeep(*subjectTerm, m, *env) : Term{};
        auto clause = [&](const Term& c) {
            const Term& pattern = c.items.empty() ? Term{} : c.items[0];
            if (t.text == "cond")
                return Branch{&c.body.back(), &c.body, "when " + pattern.show() + " holds",
                              truth(pattern, m, *env), pattern.is(Kind::Atom, "true")};
            Env ignored;
            const Match matched = pattern.kind == Kind::BinOp && pattern.text == "when"
                                      ? Match::Unknown
                                      : match(pattern, value, ignored);
            return Branch{&c.body.back(), &c.body, "when " + subject + " matches " + pattern.show(),
                          matched == Match::Unknown ? std::nullopt
                                                    : std::optional<bool>(matched == Match::Yes),
                          pattern.kind == Kind::Var};
        };
        if (t.hasBlock) {
            bool plainDone = false;
            for (const Term& c : t.body) // case/cond: each clause's last statement
                if (c.kind == Kind::Clause && !c.body.empty()) branches.push_back(clause(c));
            for (auto it = t.body.rbegin(); it != t.body.rend() && !plainDone; ++it)
                if (it->kind != Kind::Clause) { // if ... do ... end
                    branches.push_back({&*it, &t.body, yes, holds});
                    plainDone = true;
                }
            for (const Term& part : t.blocks)
                if (part.text == "else" && !part.body.empty()) {
                    if (part.body.back().kind == Kind::Clause) {
                        for (const Term& c : part.body)
                            if (!c.body.empty()) branches.push_back(clause(c));
                    } else {
                        branches.push_back({&part.body.back(), &part.body, no, otherwise, true});
                        hasElse = true;
                    }
                }
        }
        // The branch that surely runs, when every one before it surely does not.
        const Branch* sure = nullptr;
        for (const Branch& b : branches) {
            if (b.taken && *b.taken) sure = &b;
            if (!b.taken || *b.taken) break;
        }
        const bool exhaustive = hasElse || std::any_of(branches.begin(), branches.end(),
                                                       [](const Branch& b) { return b.catchAll; });
        std::vector<std::vector<ListedChild>> given; // what each branch that returns gives
        for (const Branch& b : branches) {
            if (sure ? &b != sure : (b.taken && !*b.taken)) continue;
            if (raises(*b.result)) continue;
            const std::string condition = sure            ? outer
                                          : outer.empty() ? b.condition
                                                          : outer + " and " + b.condition;
            SharedEnv scope = env; // the branch's own statements before its result
            if (b.body && b.body->size() > 1) {
                Env local = *env;
                for (const Term& st : *b.body) {
                    if (&st == b.result) break;
                    bindStatement(local, st);
                }
                scope = std::make_shared<const Env>(std::move(local));
            }
            std::vector<ListedChild>& mine = given.emplace_back();
            if (asList) {
                flatten(*b.result, m, scope, mine, condition, depth + 1, line);
            } else {
                const Term v = resolve(*b.result, m, *scope);
                if (!v.is(Kind::Atom, "nil") && !(v.kind == Kind::List && v.items.empty()))
                    mine.push_back({v, m, scope, condition});
            }
        }
        mergeBranches(given, !sure && exhaustive, outer, out);
    }

    /// What the branches give, in out: what every one gives (`[extra | children]` and
    /// `children`, or the same child written in each) once and unconditional when they
    /// cover every case (`exhaustive`), the rest with its branch's condition.
    static void mergeBranches(std::vector<std::vector<ListedChild>>& given, bool exhaustive,
                              const std::string& outer, std::vector<ListedChild>& out) {
        auto key = [](const ListedChild& c) { // as written, with what its variables hold
            std::size_t budget = 2000;
            return substitute(c.spec, *c.env, budget).render();
        };
        std::set<std::string> common;
        if (exhaustive && given.size() > 1) {
            for (const ListedChild& c : given[0])
                common.insert(key(c));
            for (std::size_t i = 1; i < given.size(); ++i) {
                std::set<std::string> here;
                for (const ListedChild& c : given[i])
                    if (common.count(key(c))) here.insert(key(c));
                common = std::move(here);
            }
        }
        std::set<std::string> placed;
        for (auto& list : given)
            for (ListedChild& c : list) {
                if (common.count(key(c))) {
                    if (!placed.insert(key(c)).second) continue;
                    c.condition = outer;
                }
                out.push_back(std::move(c));
            }
    }

    /// `raise ...`, `throw ...`, `exit(...)`: a branch that never returns a value.
    static bool raises(const Term& t) {
        return t.kind == Kind::Call &&
               (t.text == "raise" || t.text == "reraise" || t.text == "throw" || t.text == "exit");
    }

    // ---- children ----------------------------------------------------------

    NodePtr child(const Term& c0, const Module* m, const Env& env) {
        const Term c = resolve(c0, m, env);
        if (c.kind == Kind::Alias) return moduleChild(c.text, nullptr, m, c.line, env);
        if (c.kind == Kind::Tuple && c.items.size() == 2 &&
            resolve(c.items[0], m, env).kind == Kind::Alias)
            return moduleChild(resolve(c.items[0], m, env).text, &c.items[1], m, c.line, env);
        if (const auto call = unpiped(c)) return child(*call, m, env); // |> child_spec(id: :a)
        if (c.kind == Kind::Map && c.items.size() == 1 && c.items[0].kind == Kind::BinOp &&
            c.items[0].text == "|") { // %{spec | restart: :temporary}
            NodePtr base = child(c.items[0].items[0], m, env);
            if (!base) return nullptr;
            auto node = std::make_shared<NodeSpec>(*base);
            Term overrides = resolve(c.items[0].items[1], m, env);
            std::erase_if(overrides.items, [](const Term& p) {
                return p.kind == Kind::Pair &&
                       (p.items[0].text == "start" || p.items[0].text == "modules");
            });
            specOptions(*node, overrides, m, env, "map update");
            return node;
        }
        if (c.kind == Kind::Map) return mapChild(c, m, env, nullptr);
        // Erlang modules: `:mod`, `{:mod, arg}`, `:mod.child_spec(a, ...)`.
        if (c.kind == Kind::Atom && !c.text.empty() && c.text != "nil")
            return libraryChild(":" + c.text, nullptr, m, c.line, env);
        if (c.kind == Kind::Tuple && c.items.size() == 2) {
            const Term mod = resolve(c.items[0], m, env);
            if (mod.kind == Kind::Atom)
                return libraryChild(":" + mod.text, &c.items[1], m, c.line, env);
        }
        if (c.kind == Kind::Call && c.text.starts_with(':') && c.text.ends_with(".child_spec") &&
            !c.items.empty())
            return libraryChild(c.text.substr(0, c.text.size() - 11), &c.items[0], m, c.line, env);
        if (c.kind == Kind::Call && c.text.ends_with(".child_spec") && c.items.size() == 1 &&
            c.text != "Supervisor.child_spec") { // Module.child_spec(arg) is {Module, arg}
            Term mod;
            mod.kind = Kind::Alias;
            mod.text = c.text.substr(0, c.text.size() - std::string_view(".child_spec").size());
            mod.line = c.line;
            if (std::isupper(static_cast<unsigned char>(mod.text[0])))
                return moduleChild(resolve(mod, m, env).text, &c.items[0], m, c.line, env);
        }
        if (c.is(Kind::Call, "Supervisor.child_spec") && c.items.size() == 2) {
            NodePtr base = child(c.items[0], m, env);
            if (!base) return nullptr;
            auto node = std::make_shared<NodeSpec>(*base);
            specOptions(*node, c.items[1], m, env, "Supervisor.child_spec");
            return node;
        }
        if ((c.is(Kind::Call, "worker") || c.is(Kind::Call, "supervisor") ||
             c.is(Kind::Call, "Supervisor.Spec.worker") ||
             c.is(Kind::Call, "Supervisor.Spec.supervisor")) &&
            !c.items.empty() && c.items.size() <= 3)
            if (NodePtr node = specHelperChild(c, m, env)) return node;
        if (helperDepth_ < 8)
            if (auto result = helperResult(c, m, env); result && !isBranching(*result->last)) {
                // A function that returns one child spec (defp repo_spec, do: ...).
                ++helperDepth_;
                NodePtr node = child(*result->last, result->module, result->env);
                --helperDepth_;
                return node;
            }
        if (decidedAtRunTime(c) || (c.kind == Kind::Tuple && c.items.size() == 2 &&
                                    decidedAtRunTime(resolve(c.items[0], m, env)))) {
            auto node = std::make_shared<NodeSpec>();
            runTimeId(*node, c, "the child");
            return node;
        }
        notRead(c.line, "child spec " + c.show() +
                            " ({Module, arg}, Module, a %{id: ..., start: ...} map or "
                            "Supervisor.child_spec(...) expected)");
        return nullptr;
    }

    /// A value only running code knows: a variable the file does not bind, a call, a field.
    static bool decidedAtRunTime(const Term& t) {
        // `opts[:adapter] || Default`: which one, only running code knows.
        const bool choice =
            t.kind == Kind::BinOp && t.items.size() == 2 &&
            (t.text == "||" || t.text == "&&" || t.text == "or" || t.text == "and") &&
            (decidedAtRunTime(t.items[0]) || decidedAtRunTime(t.items[1]));
        return choice || t.kind == Kind::Var || t.kind == Kind::Access ||
               (t.kind == Kind::Call && !isBranching(t)) || (t.kind == Kind::String && t.opaque);
    }

    /// The old Supervisor.Spec helpers, worker(M, args, opts) and supervisor(M, args, opts):
    /// the id is the module whatever its child_spec says (an `id:` option overrides), and
    /// the helper's name gives the type (checked on Elixir 1.14).
    NodePtr specHelperChild(const Term& c, const Module* m, const Env& env) {
        const Term mod = resolve(c.items[0], m, env);
        if (mod.kind != Kind::Alias && mod.kind != Kind::Atom) return nullptr;
        std::shared_ptr<NodeSpec> node;
        const Module* def = mod.kind == Kind::Alias ? module(mod.text, m) : nullptr;
        const bool supervisor = c.text.ends_with("supervisor");
        if (def && supervisor && isSupervisorModule(*def)) {
            NodePtr inner = moduleNode(*def, c.line); // a supervisor of this file: its children
            if (!inner) return nullptr;
            node = std::make_shared<NodeSpec>(*inner);
        } else {
            node = std::make_shared<NodeSpec>();
            if (supervisor) {
                node->type = NodeType::Supervisor;
                node->shutdown = ShutdownSpec::infinity();
            }
        }
        node->id = mod.kind == Kind::Alias ? resolveAlias(mod.text, m) : mod.text;
        if (c.items.size() == 3) {
            Term options = resolve(c.items[2], m, env);
            std::erase_if(options.items, [](const Term& p) { // how it starts, not the tree
                return p.kind == Kind::Pair &&
                       (p.items[0].text == "function" || p.items[0].text == "modules");
            });
            specOptions(*node, options, m, env, c.text);
        }
        return node;
    }

    /// `Module` or `{Module, arg}`: what the module's child_spec/1 would give.
    NodePtr moduleChild(const std::string& name, const Term* arg, const Module* from, int line,
                        const Env& env) {
        const Module* def = module(name, from);
        if (!def) return libraryChild(resolveAlias(name, from), arg, from, line, env);
        if (const Function* first = def->function("child_spec", 1)) {
            const FileScope scope(*this, def->file);
            Term given; // a bare Module passes []
            given.kind = Kind::List;
            given.line = line;
            if (arg) given = resolveDeep(*arg, from, env);
            Env local;
            bool decided = false;
            const Function* spec = clauseFor(*def, "child_spec", {given}, local, decided);
            if (!spec) spec = first;
            for (std::size_t i = 0; i + 1 < spec->body.size(); ++i) {
                const Term& st = spec->body[i];
                bindStatement(local, st);
            }
            if (!spec->body.empty()) {
                const Term body = resolve(spec->body.back(), def, local);
                if (body.kind == Kind::Map) {
                    NodePtr base = moduleNode(*def, line);
                    return base ? mapChild(body, def, local, base.get()) : nullptr;
                }
                // child_spec/1 handing over to another's: Registry.child_spec(...),
                // Supervisor.child_spec({Other, x}, id: ...), super(opts).
                if (body.is(Kind::Call, "super")) return moduleNode(*def, line);
                if ((body.kind == Kind::Call || body.kind == Kind::Tuple ||
                     body.kind == Kind::Alias || body.kind == Kind::BinOp) &&
                    helperDepth_ < 8) {
                    ++helperDepth_;
                    NodePtr node = child(body, def, local);
                    --helperDepth_;
                    return node;
                }
            }
            notRead(spec->line, def->name + ".child_spec/1 does not end in a %{...} map");
            return nullptr;
        }
        return moduleNode(*def, line);
    }

    /// A module of this file as a child: a supervisor with its children, or a worker.
    NodePtr moduleNode(const Module& m, int line) {
        auto node = std::make_shared<NodeSpec>();
        node->id = m.name;
        if (!expanding_.insert(m.name).second) {
            notRead(line, m.name + " starts itself as its own descendant");
            return nullptr;
        }
        const FileScope scope(*this, m.file);
        if (isSupervisorModule(m)) {
            node->type =
                m.uses == "DynamicSupervisor" ? NodeType::DynamicSupervisor : NodeType::Supervisor;
            node->shutdown = ShutdownSpec::infinity();
            supervisorBody(*node, m);
        } else if (inlineSupervisor(*node, m)) {
            // start_link runs Supervisor.start_link(children, opts) itself.
        } else if (m.uses == "Task") {
            node->restart = RestartType::Temporary; // Task's child_spec says so
        } else if (const elixir::UsedBehaviour* b = elixir::usedBehaviour(m.uses)) {
            node->type = b->type;
            if (node->isSupervisor()) {
                node->shutdown = ShutdownSpec::infinity();
                assumed(m.useLine, m.name + " uses " + m.uses +
                                       ", a supervisor of its own processes: shown with none");
            }
        } else if (!m.uses.empty() && m.uses != "Application") {
            assumed(m.useLine, m.name + " uses " + m.uses +
                                   ", which SupLab does not know: imported as a worker");
        }
        if (!isSupervisorModule(m)) node->trap_exit = trapsExits(m);
        // Elixir's behaviours take child spec overrides in `use`; a library's `use` takes
        // its own configuration (use Ecto.Repo, otp_app: :app).
        static const std::set<std::string> kOverridable = {
            "GenServer", "Supervisor", "DynamicSupervisor", "Agent", "Task", "GenStage"};
        if (kOverridable.count(m.uses)) specOptions(*node, m.useOptions, &m, {}, "use " + m.uses);
        expanding_.erase(m.name);
        return node;
    }

    /// A module without `use Supervisor` whose start_link starts a supervisor of its own
    /// children, `Supervisor.start_link([A, B], strategy: ...)`: that supervisor.
    bool inlineSupervisor(NodeSpec& node, const Module& m) {
        if (!m.uses.empty() && m.uses != "GenServer") return false;
        for (const Function& f : m.functions) {
            if (f.name != "start_link") continue;
            Env env;
            const Term* call = findCall(f, m, env, {"Supervisor.start_link"}, false);
            if (!call || call->items.size() != 2) continue; // (module, arg, opts) is not inline
            const Term list = resolve(childrenArgument(*call), &m, env);
            if (list.kind == Kind::Alias) continue; // Supervisor.start_link(__MODULE__, arg)
            node.type = NodeType::Supervisor;
            node.shutdown = ShutdownSpec::infinity();
            Term opts = resolve(call->items[1], &m, env);
            std::erase_if(opts.items, [](const Term& p) {
                return p.kind == Kind::Pair && p.items[0].text == "name";
            });
            supervisorOptions(node, &opts, &m, env, false);
            node.children = children(childrenArgument(*call), &m, env, call->line);
            return true;
        }
        return false;
    }

    /// `Process.flag(:trap_exit, true)` in the worker's init/1.
    static bool trapsExits(const Module& m) {
        const Function* init = m.function("init", 1);
        if (!init) return false;
        for (const Term& s : init->body)
            if (s.is(Kind::Call, "Process.flag") && s.items.size() == 2 &&
                s.items[0].is(Kind::Atom, "trap_exit") && s.items[1].is(Kind::Atom, "true"))
                return true;
        return false;
    }

    /// A dynamic supervisor module's own functions that start children at run time.
    void noteRuntimeStarts(const Module& m) {
        for (const Function& f : m.functions)
            for (const Term& s : f.body) {
                const Term* call = &s;
                if (call->kind == Kind::BinOp && call->text == "=") call = &call->items[1];
                if (call->is(Kind::Call, "DynamicSupervisor.start_child")) {
                    assumed(f.line, f.name + "/" + std::to_string(f.params.size()) +
                                        " starts children of " + m.name +
                                        " at run time: start some in SupLab with right-click "
                                        "> Start child...");
                    break; // once per function
                }
            }
    }

    /// The clause of init/1 that builds the supervisor: of several (a bodiless head, one
    /// that raises on a tuple, the one for a keyword list), the first that calls `names`.
    const Function* initClause(const Module& m, std::initializer_list<const char*> names) {
        const Function* first = nullptr;
        for (const Function& f : m.functions) {
            if (f.name != "init" || f.params.size() != 1) continue;
            if (!first) first = &f;
            std::vector<const Term*> calls;
            for (const Term& st : f.body)
                callsIn(st, names, calls);
            if (!calls.empty()) return &f;
        }
        return first;
    }

    void supervisorBody(NodeSpec& node, const Module& m) {
        const Function* init =
            initClause(m, node.type == NodeType::DynamicSupervisor
                              ? std::initializer_list<const char*>{"DynamicSupervisor.init"}
                              : std::initializer_list<const char*>{"Supervisor.init", "supervise",
                                                                   "Supervisor.Spec.supervise"});
        if (!init) {
            notRead(m.line, m.name + " uses " + m.uses + " but has no init/1");
            return;
        }
        Env env;
        const bool dynamic = node.type == NodeType::DynamicSupervisor;
        const Term* call =
            dynamic ? findCall(*init, m, env, {"DynamicSupervisor.init"})
                    : findCall(*init, m, env,
                               {"Supervisor.init", "supervise", "Supervisor.Spec.supervise"});
        if (!call) {
            notRead(init->line, m.name + ".init/1 has no " +
                                    (dynamic ? std::string("DynamicSupervisor.init(options)")
                                             : std::string("Supervisor.init(children, options)")) +
                                    " SupLab can read");
            return;
        }
        if (dynamic) {
            supervisorOptions(node, call->items.empty() ? nullptr : &call->items[0], &m, env, true);
            noteRuntimeStarts(m);
            return;
        }
        supervisorOptions(node, call->items.size() > 1 ? &call->items[1] : nullptr, &m, env, false);
        node.children = children(childrenArgument(*call), &m, env, call->line);
    }

    /// Modules of Elixir's own library, and modules the file does not define.
    NodePtr libraryChild(const std::string& name, const Term* arg0, const Module* from, int line,
                         const Env& env) {
        auto node = std::make_shared<NodeSpec>();
        node->id = name.starts_with(':') ? name.substr(1) : name;
        const Term arg = arg0 ? resolve(*arg0, from, env) : Term{};
        if (const elixir::KnownLibrary* library = elixir::knownLibrary(name)) {
            knownLibraryChild(*library, *node, arg, from, env, line);
            if (name == "Task") node->restart = RestartType::Temporary;
            if (name == "PartitionSupervisor")
                assumed(line, "a PartitionSupervisor is shown as one dynamic supervisor");
            if (name == "Registry")
                assumed(line, "Registry " + node->id +
                                  " supervises its own partitions in Elixir; SupLab shows it "
                                  "with none");
            return node;
        }
        if (name.starts_with(':')) { // an Erlang module's own child_spec
            node->id = name.substr(1);
            assumed(line, "the Erlang module " + name +
                              " gives its own child spec: imported as a "
                              "worker with id " +
                              node->id);
            return node;
        }
        // Its child_spec/1 is not here: Elixir's default is a worker with the module as id.
        if (const std::string_view lesson = Behaviour::ofLessonModule(name); !lesson.empty()) {
            // The lesson's own modules: SupLab plays their state ({Counter, 0} counts from 0).
            node->behaviour = std::string(lesson);
            if (arg.kind == Kind::Integer) node->args_json = std::to_string(arg.integer);
            assumed(line, name + " is not defined in " + scopeName() +
                              ": imported as the lesson's " + name + " (behaviour " +
                              node->behaviour + ")");
            return node;
        }
        assumed(line, name + " is not defined in " + scopeName() +
                          ": imported as a worker with id " + name +
                          " (paste its module too if it is a supervisor or names itself "
                          "otherwise)");
        return node;
    }

    /// A library child by its rule (KnownLibraries.h): its id and its type; a dynamic
    /// supervisor's own options (max_restarts, ...) too.
    void knownLibraryChild(const elixir::KnownLibrary& library, NodeSpec& node, const Term& arg,
                           const Module* from, const Env& env, int line) {
        const std::string name = node.id;
        const Term* nameOpt = arg.kind == Kind::List ? arg.find("name") : nullptr;
        node.type = library.type;
        if (node.isSupervisor()) node.shutdown = ShutdownSpec::infinity();
        switch (library.id) {
        case elixir::IdRule::Module:
            break;
        case elixir::IdRule::Fixed:
            node.id = std::string(library.fixedId);
            break;
        case elixir::IdRule::NameOption:
        case elixir::IdRule::NameElseModule:
            if (!nameOpt && decidedAtRunTime(arg)) {
                runTimeId(node, arg, name + "'s id, the name: its options may hold,");
            } else if (nameOpt) {
                const Term given = resolveDeep(*nameOpt, from, env);
                if (const auto id = registeredId(given))
                    node.id = *id;
                else
                    runTimeId(node, *nameOpt, name + "'s id, its name:");
            } else if (library.id == elixir::IdRule::NameOption) {
                assumed(line, name +
                                  "'s id is its name: option, which is not given here: "
                                  "shown as " +
                                  name);
            }
            break;
        case elixir::IdRule::MadeAtRunTime:
            runTimeId(node, arg0Or(arg, name, line),
                      name + "'s id (" + std::string(library.checked) + "), made from");
            break;
        case elixir::IdRule::PlugListener:
            if (const auto ref = listenerRef(resolveDeep(arg, from, env), from, env)) {
                node.id = "{:" + std::string(library.fixedId) + ", " + *ref + "}";
                assumed(line, name + "'s id is " + node.id +
                                  " with ranch 2; with ranch 1 it is {:ranch_listener_sup, " +
                                  *ref + "}");
            } else {
                runTimeId(node, arg0Or(arg, name, line), name + "'s id, its ref: or plug:,");
            }
            break;
        case elixir::IdRule::FirstArgument:
        case elixir::IdRule::TaggedFirst:
            if (const auto id = literalId(resolveDeep(arg, from, env)))
                node.id = library.id == elixir::IdRule::FirstArgument
                              ? *id
                              : "{:" + std::string(library.fixedId) + ", " +
                                    resolveDeep(arg, from, env).render() + "}";
            else
                runTimeId(node, arg0Or(arg, name, line), name + "'s id, its first argument");
            break;
        }
        if (node.type == NodeType::DynamicSupervisor && arg.kind == Kind::List) {
            Term opts = arg; // its own options; the rest goes to the children it starts
            std::erase_if(opts.items, [](const Term& p) {
                return p.kind != Kind::Pair ||
                       (p.items[0].text != "strategy" && p.items[0].text != "max_restarts" &&
                        p.items[0].text != "max_seconds" && p.items[0].text != "max_children");
            });
            supervisorOptions(node, &opts, from, env, true);
        }
    }

    /// The ref of a Plug.Cowboy listener, as its child_spec/1 makes it: the `ref:` option
    /// (at the top or in `options:`), else the plug's module and the scheme upper-cased
    /// (`plug: {MyPlug, []}, scheme: :http` gives MyPlug.HTTP). Nothing when run time
    /// decides it.
    std::optional<std::string> listenerRef(const Term& opts, const Module* from,
                                           const Env& env) const {
        if (opts.kind != Kind::List) return std::nullopt;
        auto written = [&](const Term& r) -> std::optional<std::string> {
            const Term value = resolveDeep(r, from, env);
            if (!isLiteral(value)) return std::nullopt;
            return value.render();
        };
        const Term* ref = opts.find("ref");
        if (const Term* inner = opts.find("options"); !ref && inner)
            if (const Term resolved = resolveDeep(*inner, from, env); resolved.kind == Kind::List)
                if (const Term* r = resolved.find("ref")) return written(*r);
        if (ref) return written(*ref);
        const Term* plug = opts.find("plug");
        const Term* scheme = opts.find("scheme");
        if (!plug || !scheme) return std::nullopt;
        Term module = resolveDeep(*plug, from, env);
        if (module.kind == Kind::Tuple && module.items.size() == 2) module = module.items[0];
        const Term how = resolveDeep(*scheme, from, env);
        if (module.kind != Kind::Alias || how.kind != Kind::Atom) return std::nullopt;
        std::string upper = how.text;
        for (char& c : upper)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return module.text + "." + upper;
    }

    /// What a child spec's argument stands for in messages: the argument, or the module.
    static Term arg0Or(const Term& arg, const std::string& module, int line) {
        if (arg.kind != Kind::Opaque || !arg.text.empty()) return arg;
        Term alias;
        alias.kind = Kind::Alias;
        alias.text = module;
        alias.line = line;
        return alias;
    }

    /// The id a registered name gives a child (Elixir's rule for DynamicSupervisor,
    /// Registry, Task.Supervisor...): an atom itself; n of {:global, n} and {:via, m, n}.
    /// None when running code decides it.
    static std::optional<std::string> registeredId(const Term& name) {
        if (name.kind == Kind::Alias || name.kind == Kind::Atom) return name.text;
        if (name.kind == Kind::Tuple && name.items.size() >= 2 &&
            name.items[0].kind == Kind::Atom &&
            ((name.items[0].text == "global" && name.items.size() == 2) ||
             (name.items[0].text == "via" && name.items.size() == 3)))
            return literalId(name.items.back());
        return std::nullopt;
    }

    /// An id written as a literal term: an atom, a module, or a tuple of literals
    /// (`{MyApp.Registry, :sessions}`), as Elixir shows it.
    static std::optional<std::string> literalId(const Term& t) {
        if (t.kind == Kind::Alias || t.kind == Kind::Atom) return t.text;
        if (!isLiteral(t)) return std::nullopt;
        std::string id = t.render();
        if (id.find('/') != std::string::npos) return std::nullopt;
        return id;
    }

    static bool isLiteral(const Term& t) {
        switch (t.kind) {
        case Kind::Atom:
        case Kind::Alias:
        case Kind::Integer:
            return true;
        case Kind::String:
            return !t.opaque;
        case Kind::Tuple:
        case Kind::List:
            return std::all_of(t.items.begin(), t.items.end(), isLiteral);
        default:
            return false;
        }
    }

    NodePtr mapChild(const Term& map, const Module* m, const Env& env, const NodeSpec* base) {
        auto node = base ? std::make_shared<NodeSpec>(*base) : std::make_shared<NodeSpec>();
        const Term* start = map.find("start");
        if (!map.find("id") && !base) {
            notRead(map.line, "child spec " + map.show() + " has no id");
            return nullptr;
        }
        if (!start && !base) {
            notRead(map.line, "child spec " + map.show() + " has no start");
            return nullptr;
        }
        if (start && !base) {
            // How it starts matters only for a module of this file, which brings its own
            // kind (a supervisor and its children); an Erlang module or one decided at run
            // time starts a process all the same.
            const Term s = resolve(*start, m, env);
            const Term mod =
                s.kind == Kind::Tuple && s.items.size() == 3 ? resolve(s.items[0], m, env) : Term{};
            if (!decidedAtRunTime(s) && mod.kind != Kind::Alias && mod.kind != Kind::Atom &&
                !decidedAtRunTime(mod)) {
                notRead(s.line, "start: " + s.show() + " ({Module, :function, [args]} expected)");
                return nullptr;
            }
            // The map is the whole spec: of the module only a supervisor's children count.
            // A function other than start_link of a module being read (a warm-up task of
            // the supervisor itself) starts some other process: a worker, not the module.
            const Module* def = mod.kind == Kind::Alias ? module(mod.text, m) : nullptr;
            const Term fn =
                s.kind == Kind::Tuple && s.items.size() == 3 ? resolve(s.items[1], m, env) : Term{};
            if (def && expanding_.count(def->name) && !fn.is(Kind::Atom, "start_link"))
                def = nullptr;
            if (def) {
                NodePtr inner = moduleNode(*def, map.line);
                if (inner && inner->isSupervisor()) {
                    node = std::make_shared<NodeSpec>(*inner);
                    node->restart = RestartType::Permanent;
                }
            }
        }
        Term opts = map;
        std::erase_if(opts.items, [](const Term& p) {
            return p.kind == Kind::Pair &&
                   (p.items[0].text == "start" || p.items[0].text == "modules");
        });
        opts.kind = Kind::List;
        specOptions(*node, opts, m, env, "child spec");
        return node;
    }

    /// What the importer reads, in messages.
    std::string scopeName() const { return project_ ? "this project" : "this file"; }

    /// An option whose value running code decides: said, and SupLab's default kept.
    void keptDefault(int line, const std::string& key, const Term& v) {
        assumed(line, key + ": " + v.show() + " is decided at run time: SupLab keeps the default");
    }

    /// id, restart, shutdown, type and significant, from a map, child_spec overrides
    /// or `use GenServer, ...` options.
    void specOptions(NodeSpec& n, const Term& opts0, const Module* m, const Env& env,
                     const std::string& where) {
        Term opts = resolve(opts0, m, env);
        if (opts.kind != Kind::List && opts.kind != Kind::Map) {
            notRead(opts.line, where + " options " + opts.show());
            return;
        }
        // The id first, whatever the order written: the other options' notes name it.
        std::stable_partition(opts.items.begin(), opts.items.end(), [](const Term& p) {
            return p.kind == Kind::Pair && p.items[0].is(Kind::Atom, "id");
        });
        for (const Term& p : opts.items) {
            if (p.kind != Kind::Pair || p.items[0].kind != Kind::Atom) {
                notRead(p.line, where + ": " + p.show());
                continue;
            }
            const std::string& key = p.items[0].text;
            // Ids may be tuples such as {__MODULE__, arg}: resolve inside them too.
            const Term v =
                key == "id" ? resolveDeep(p.items[1], m, env) : resolve(p.items[1], m, env);
            if (key != "id" && decidedAtRunTime(v)) {
                keptDefault(p.line, key, v);
                continue;
            }
            if (key == "id") {
                // A tuple id whole, as Elixir shows it (show() would cut a long one short).
                const std::optional<std::string> id =
                    v.kind == Kind::String ? std::optional<std::string>(v.text) : literalId(v);
                if (decidedAtRunTime(v) || !isLiteral(v))
                    runTimeId(n, v, "id:");
                else if (!id || id->empty())
                    notRead(p.line, "id: " + v.show() + " (SupLab needs a fixed id)");
                else if (id->find('/') != std::string::npos) {
                    // '/' separates a path's ids: shown as a division slash, which reads the same.
                    n.id = *id;
                    for (std::size_t at = n.id.find('/'); at != std::string::npos;
                         at = n.id.find('/', at))
                        n.id.replace(at, 1, "\u2215");
                    assumed(p.line, "id: " + v.show() + " is shown as " + n.id +
                                        " ('/' separates the ids of a path)");
                } else
                    n.id = *id;
            } else if (key == "restart") {
                if (const auto r = atomNamed(v, {RestartType::Permanent, RestartType::Transient,
                                                 RestartType::Temporary}))
                    n.restart = *r;
                else
                    notRead(p.line, "restart: " + v.show());
            } else if (key == "shutdown") {
                if (v.is(Kind::Atom, "brutal_kill"))
                    n.shutdown = ShutdownSpec::brutalKill();
                else if (v.is(Kind::Atom, "infinity"))
                    n.shutdown = ShutdownSpec::infinity();
                else if (const auto ms = integer(v, m, env); ms && *ms >= 0)
                    n.shutdown = ShutdownSpec::timeout(*ms);
                else
                    notRead(p.line, "shutdown: " + v.show());
            } else if (key == "type") {
                if (v.is(Kind::Atom, "supervisor") && !n.isSupervisor()) {
                    n.type = NodeType::Supervisor;
                    n.shutdown = ShutdownSpec::infinity();
                    const Module* def = module(n.id, m);
                    assumed(
                        p.line,
                        n.id + (def ? " is said to be a supervisor, but its module uses " +
                                          (def->uses.empty() ? std::string("nothing") : def->uses) +
                                          ": imported as a supervisor with no children"
                                    : " is a supervisor whose module is not in " + scopeName() +
                                          ": imported with no children"));
                } else if (!v.is(Kind::Atom, "supervisor") && !v.is(Kind::Atom, "worker")) {
                    notRead(p.line, "type: " + v.show());
                }
            } else if (key == "significant") {
                if (v.is(Kind::Atom, "true") || v.is(Kind::Atom, "false"))
                    n.significant = v.text == "true";
                else
                    notRead(p.line, "significant: " + v.show());
            } else {
                notRead(p.line, where + " option " + key + ": " + v.show());
            }
        }
    }

    std::string label_;
    bool project_ = false;    // a whole project, not one file
    std::string fileOf_;      // the file being collected (a project's)
    std::string currentFile_; // the file of the module being read (a project's)
    std::map<std::string, std::vector<std::pair<int, std::string>>> parseErrors_; // not yet said
    std::vector<Module> modules_;
    std::set<std::string> expanding_;
    std::deque<Term> piped_; // calls rebuilt from pipes, kept while their pointers are used
    std::map<const Term*, Term> branchedChildren_; // childrenArgument of starts in branches
    ImportResult result_;
};

} // namespace

namespace {
/// `n` and its children with the template's tags in place of their placeholders.
NodePtr withTags(const NodeSpec& n, const elixir::EExRendering& rendering) {
    auto copy = std::make_shared<NodeSpec>(n);
    copy->id = elixir::withTags(n.id, rendering);
    copy->note = elixir::withTags(n.note, rendering);
    copy->children.clear();
    for (const auto& c : n.children)
        copy->children.push_back(withTags(*c, rendering));
    return copy;
}
} // namespace

ImportResult importElixir(std::string_view source, const std::string& label) {
    if (!elixir::looksLikeEEx(source)) return Importer(label).run(source);
    // An EEx template (phx.new's application.ex): read as it renders, its tags kept.
    const elixir::EExRendering rendering = elixir::renderEEx(source);
    ImportResult r = Importer(label).run(rendering.elixir);
    for (ImportNote& note : r.notes)
        note.message = elixir::withTags(std::move(note.message), rendering);
    for (ImportMark& mark : r.marks) {
        mark.path = elixir::withTags(std::move(mark.path), rendering);
        mark.note = elixir::withTags(std::move(mark.note), rendering);
    }
    if (r.scenario) {
        Scenario tagged = *r.scenario;
        tagged.name = elixir::withTags(std::move(tagged.name), rendering);
        tagged.root = withTags(*tagged.root, rendering);
        // The tags must make a tree that keeps the scenario's rules; else the
        // placeholders stay.
        if (checkScenario(tagged).empty())
            r.scenario = std::move(tagged);
        else
            r.notes.push_back({0,
                               ImportNote::Kind::Assumed,
                               "the template's tags do not make valid ids: the ids show "
                               "EExTagN_ in their place",
                               {}});
    }
    r.notes.insert(r.notes.begin(),
                   {0,
                    ImportNote::Kind::Assumed,
                    "an EEx template: a name written <%= ... %> is kept as written, and a child "
                    "inside <%= if ... do %> is conditional (decided when the template is "
                    "rendered)",
                    {}});
    return r;
}

ImportResult importElixirProject(const std::vector<ElixirSource>& files,
                                 const std::string& application, const std::string& label) {
    return Importer(label).runProject(files, application);
}

} // namespace suplab
