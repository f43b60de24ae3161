#pragma once
// A document in the model of Elixir's Inspect.Algebra ("Strictly Pretty", Lindig 2000,
// with Elixir's flex breaks), and its layout at a width. iex lays its results out with
// this model at 80 columns; building the same document gives the same lines.

#include <cstddef>
#include <string>
#include <vector>

namespace suplab {

class PrettyDoc {
  public:
    using Id = std::size_t;

    Id text(std::string s);
    Id concat(std::vector<Id> parts);
    /// Lines broken inside `doc` start `indent` columns further in.
    Id nest(Id doc, std::size_t indent);
    /// A space (or `s`) that becomes a new line when its group breaks.
    Id strictBreak(std::string s = " ");
    /// A space that becomes a new line only when what follows it up to the next
    /// break does not fit: a container of simple elements fills its lines.
    Id flexBreak(std::string s = " ");
    /// Laid out flat when its content fits on the line, else its breaks break.
    Id group(Id doc);

    /// The layout of `root` at `width` columns (0: no limit, all flat).
    std::string layout(Id root, std::size_t width) const;

  private:
    enum class Kind : unsigned char { Text, Concat, Nest, Break, FlexBreak, Group };
    struct Node {
        Kind kind;
        std::string text;       // Text; the break's flat form
        std::vector<Id> parts;  // Concat; Nest, Group: the one inner document
        std::size_t indent = 0; // Nest
    };
    std::vector<Node> nodes_;

    enum class Mode : unsigned char { Flat, Break };
    struct Entry {
        std::size_t indent;
        Mode mode;
        Id doc;
        bool tail = false; // marks where a group's content ends in fits()
        bool tailSawBreak = false;
    };
    bool fits(std::size_t width, std::size_t column, bool sawBreak, std::vector<Entry> todo,
              const std::vector<Entry>& rest) const;
    Id add(Node node);
};

} // namespace suplab
