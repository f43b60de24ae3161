#pragma once
// What a worker does and shows (docs/scenario-format.md, `behaviour`): the lesson's Counter,
// KVStore, chat Room and Logger. The state lives in the worker process, so a
// restart wipes it, as in the lesson.

#include "core/SlabPool.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace suplab {

class Behaviour : public slab::Allocated {
  public:
    virtual ~Behaviour() = default;
    /// The live state, one line, for the GUI (e.g. `count=10`).
    virtual std::string describe() const = 0;
    /// Handles an operation (`increment 10`, `put k v`, `join alice`, ...):
    /// the reply, or nullopt for an operation this behaviour does not have.
    virtual std::optional<std::string> handle(std::string_view verb, std::string_view arg) = 0;

    /// `name` must be one of knownBehaviours(); `argsJson` is the node's `args`.
    /// Nothing for `generic`, which keeps no state: generic() serves every plain
    /// worker, so that starting one allocates nothing for it.
    static std::unique_ptr<Behaviour> make(std::string_view name, std::string_view argsJson);
    static Behaviour& generic();
};

} // namespace suplab
