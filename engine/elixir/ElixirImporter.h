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
    std::string file; // in a project: the file the line is in (empty: the one source)
};

/// A child the source leaves to run time. The importer keeps it in the tree, marked:
/// its NodeSpec::note starts with the words of its kind, so the mark survives a save.
struct ImportMark {
    enum class Kind : unsigned char {
        Conditional, // starts only under a condition (if, case, a clause): keep or drop it
        RunTimeId,   // its id (or its module) is decided at run time: shown as `?expression`
        Computed,    // a placeholder for a list of children computed at run time
    };
    Kind kind = Kind::Conditional;
    std::string path; // ids from the root, joined by '/'
    std::string note; // the node's note: what and why, with the source line
};

/// The words a node's note starts with for each kind of mark.
std::string_view markWords(ImportMark::Kind);
/// The mark a node carries, if its note starts with a mark's words.
std::optional<ImportMark::Kind> markOf(const NodeSpec&);
/// Every marked node of a tree, depth first.
std::vector<ImportMark> marksOf(const NodePtr& root);

struct ImportResult {
    std::optional<Scenario> scenario; // none when nothing could be made of the file
    std::vector<ImportNote> notes;    // in line order
    std::vector<ImportMark> marks;    // the scenario's marked children, depth first
    /// True when every construct that matters was read (notes may still say what was assumed).
    bool complete() const { return notReadCount() == 0; }
    /// How many constructs were left out.
    int notReadCount() const;
    /// The notes as `FILE:LINE: not read: ...` / `FILE:LINE: assumed: ...` lines, FILE
    /// being the note's own file or else `label`.
    std::vector<std::string> lines(const std::string& label) const;
};

/// `label` names the source in the scenario's description (usually the file name).
ImportResult importElixir(std::string_view source, const std::string& label);

/// One source file of a project: its path as it should be shown, and its text.
struct ElixirSource {
    std::string path;
    std::string text;
};

/// A whole project: every module of every file can be a child of another, so each
/// supervisor is followed into its own file. The tree starts from `application`'s
/// start/2 (the module mix.exs names in `mod:`), or, when it is empty or not defined,
/// from the top supervisor as for one file. A file's syntax errors are said only when
/// a module of that file is read.
ImportResult importElixirProject(const std::vector<ElixirSource>& files,
                                 const std::string& application, const std::string& label);

} // namespace suplab
