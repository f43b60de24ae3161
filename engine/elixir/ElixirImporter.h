#pragma once
// Reads an Elixir file that defines a supervision tree (a module that `use`s
// Supervisor or DynamicSupervisor, an Application's start/2, worker modules with
// their `use GenServer, restart: ...` options) and makes a scenario of it.
// What it cannot read is listed with its line; what it had to assume is said too.
// It never guesses silently.

#include "scenario/Scenario.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suplab {

struct ImportNote {
    enum class Kind : unsigned char {
        NotRead, // a construct that may change the tree and was left out
        Assumed, // something the file does not say, and what SupLab took instead
    };
    int line = 0; // 0: the file as a whole
    Kind kind = Kind::NotRead;
    std::string message;
};

struct ImportResult {
    std::optional<Scenario> scenario; // none when nothing could be made of the file
    std::vector<ImportNote> notes;    // in line order
    /// True when every construct that matters was read (notes may still say what was assumed).
    bool complete() const { return notReadCount() == 0; }
    /// How many constructs were left out.
    int notReadCount() const;
    /// The notes as `LABEL:LINE: not read: ...` / `LABEL:LINE: assumed: ...` lines.
    std::vector<std::string> lines(const std::string& label) const;
};

/// `label` names the source in the scenario's description (usually the file name).
ImportResult importElixir(std::string_view source, const std::string& label);

} // namespace suplab
