#pragma once
// The child specs of the libraries most often found in supervision trees, as data:
// which id each gives its child and whether that child is a supervisor. The importer
// uses it for a child whose module is not in the file (`{Phoenix.PubSub, name: X}`
// has the id Phoenix.PubSub.Supervisor and is a supervisor). Each rule says where it
// was checked: on Elixir 1.14/OTP 25 with Supervisor.child_spec/2 ("runtime"), or read
// in the library's own child_spec/1 ("source").

#include "scenario/Scenario.h"

#include <string_view>

namespace suplab::elixir {

enum class IdRule : unsigned char {
    Module,         // the module itself (`{ConCache, name: X}` has the id ConCache)
    NameOption,     // the `name:` option (`{Finch, name: MyFinch}` has the id MyFinch);
                    // of `{:global, n}` and `{:via, m, n}` names, n
    NameElseModule, // the same, or the module when there is no `name:` (Oban)
    Fixed,          // always the same id (`Phoenix.PubSub.Supervisor`)
    MadeAtRunTime,  // unique at run time (`{Bandit, make_ref()}`): not known from the source
    FirstArgument,  // child_spec/N's first argument (`:poolboy.child_spec(:pool, opts)`)
    TaggedFirst,    // {fixedId, first argument} (`:ranch.child_spec(ref, ...)` has
                    // {:ranch_embedded_sup, ref}; fixedId holds the tag, an atom)
    PlugListener,   // {fixedId, ref}: a ranch listener whose ref is the `ref:` option or
                    // the plug and scheme (`plug: P, scheme: :http` gives P.HTTP)
};

struct KnownLibrary {
    std::string_view module;
    IdRule id;
    std::string_view fixedId; // IdRule::Fixed and TaggedFirst only
    NodeType type;
    std::string_view checked; // "runtime" or "source: repository path"
};

/// A behaviour a project's own module `use`s, and what its default child spec makes of
/// the module (the id is the module itself). Elixir's GenServer, Agent, Task and the
/// supervisors are read by the importer itself.
struct UsedBehaviour {
    std::string_view module; // as after `use`
    NodeType type;
    std::string_view checked;
};

/// The rule for `use module`, or nullptr when it is not known.
const UsedBehaviour* usedBehaviour(std::string_view module);

/// The rule for `module` as written in a child spec (an Erlang module with its colon,
/// `:poolboy`), or nullptr when it is not known.
const KnownLibrary* knownLibrary(std::string_view module);

} // namespace suplab::elixir
