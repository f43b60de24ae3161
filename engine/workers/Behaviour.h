#pragma once
// What a worker does and shows (docs/scenario-format.md, `behaviour`): the lesson's
// Counter, KVStore, chat Room and Logger. The state lives in the worker process, so a
// restart wipes it, as in the lesson. Each behaviour answers the Elixir functions of
// its module (Counter.increment/1, KVStore.put/2, ...) with Elixir values.

#include "base/SlabPool.h"
#include "term/Value.h"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace suplab {

/// One function of a behaviour's Elixir module, as the console calls it.
struct BehaviourFunction {
    const char* name;
    int arity;
    /// True when the process is the first argument (`ChatApp.Room.join(room, "ann")`);
    /// false when the module's registered name is (`Counter.increment(10)`).
    bool serverFirst;
};

class Behaviour : public slab::Allocated {
  public:
    virtual ~Behaviour() = default;
    /// The live state, one line, for the GUI (e.g. `count=10`).
    virtual std::string describe() const = 0;
    /// Runs `function` (one of functionsOf(), without the server argument) with `args`:
    /// the reply, or nullopt when this behaviour has no such function.
    virtual std::optional<Value> call(std::string_view function, std::span<const Value> args) = 0;

    /// `name` must be one of knownBehaviours(); `argsJson` is the node's `args`.
    /// Nothing for `generic`, which keeps no state: generic() serves every plain
    /// worker, so that starting one allocates nothing for it.
    static std::unique_ptr<Behaviour> make(std::string_view name, std::string_view argsJson);
    static Behaviour& generic();

    /// The Elixir functions a behaviour answers (empty for an unknown name).
    static std::span<const BehaviourFunction> functionsOf(std::string_view behaviour);
    /// The module the lesson gives a behaviour (`Counter`, `ChatApp.Room`), or empty.
    static std::string_view lessonModule(std::string_view behaviour);
    /// The behaviour of the lesson's module `module` (`KVStore` → `kv_store`), or empty.
    static std::string_view ofLessonModule(std::string_view module);
};

} // namespace suplab
