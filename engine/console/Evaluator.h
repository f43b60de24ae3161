#pragma once
// Reads a line of Elixir as iex would and evaluates it against a running tree: the
// lesson's sessions (`Counter.increment(10)`, `{:ok, pid} = ...start_session("u1")`,
// `Process.exit(Process.whereis(Counter), :kill)`) and the supervisor APIs, printing
// each result as iex prints it. Anything outside that subset gets a one-line message
// saying so; nothing is guessed.

#include "console/Reply.h"
#include "console/World.h"
#include "elixir/ElixirTerm.h"
#include "term/Value.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace suplab::console {

class Evaluator {
  public:
    explicit Evaluator(World& world) : world_(world) {}

    /// Evaluates one line (one or more expressions separated by `;`): the last value.
    Reply eval(std::string_view line);
    /// Reads the `def`s of every `defmodule` in `source` (the lesson's modules, an
    /// imported application.ex), so that a line can call them:
    /// `MyApp.SessionSupervisor.start_session("user_1")` runs its body here.
    void defineModules(std::string_view source);
    /// The variables bound so far, by name.
    const std::map<std::string, Value>& bindings() const { return bindings_; }

  private:
    struct Failure {
        std::string text;
    };
    Value evaluate(const elixir::Term& term);
    Value call(const elixir::Term& term);
    Value callRemote(const std::string& module, const std::string& function,
                     std::vector<Value> args);
    Value callLocal(const std::string& function, std::vector<Value> args);
    /// The root's start_link: {:ok, pid}, or {:error, {:already_started, pid}}.
    Value startTree();
    /// `h`, `h Module` and `h Module.fun`: what the console can run, and a module's functions.
    Value help(const std::vector<Value>& args, const std::string& only = {});
    Value genServerFunction(const std::string& function, std::vector<Value>& args);
    /// The process a call names: a pid, or a registered name (`Counter`, `:lobby`).
    Pid serverPid(const Value& server);
    /// The behaviour whose functions `Module.fun(...)` reaches.
    std::string behaviourOf(const std::string& module);
    Value processFunction(const std::string& function, std::vector<Value>& args);
    Value supervisorFunction(bool dynamic, const std::string& function, std::vector<Value>& args);
    Value behaviourFunction(const std::string& module, const std::string& function,
                            std::vector<Value>& args);
    /// Binds `pattern`'s variables to the parts of `value` into `out`; a MatchError names
    /// `whole`, the right-hand side the match began with (`value` itself at the top).
    void match(const elixir::Term& pattern, const Value& value, std::map<std::string, Value>& out,
               const Value* whole = nullptr);

    /// The path of the supervisor a pid or a registered name stands for.
    std::string supervisorPath(const Value& who, const std::string& call);
    /// The node a child spec stands for; `module` is the module it starts.
    /// The child a start_child spec describes; nullptr with `refused` set to OTP's
    /// {:error, ...} when check_childspecs would refuse it (a bad shutdown or type).
    NodePtr childSpec(const Value& spec, bool dynamic, const std::string& supPath,
                      std::string& module, std::optional<Value>& refused);

    [[noreturn]] void fail(std::string text) const;

    struct Function {
        std::vector<elixir::Term> params;
        std::vector<elixir::Term> body;
    };
    /// A user module's function, run with its parameters bound in a scope of its own.
    Value callDefined(const std::string& module, const Function& function, std::vector<Value> args);

    World& world_;
    std::map<std::string, Value> bindings_;
    std::map<std::string, Function> functions_; // "Module.name/arity"
    std::vector<std::string> modules_;          // the current module, innermost last
    int line_ = 0;
    /// Waits, at the end of a line, for what its exit signals set off (see signalled_).
    void settle();
    std::vector<Pid> signalled_;                      // processes the line sent an exit signal to
    std::map<std::string, std::string> childModules_; // by path: what start_child started
    std::string focus_;                               // see Reply::focus
    bool helpShown_ = false; // the line's value is help text, printed as it is
};

} // namespace suplab::console
