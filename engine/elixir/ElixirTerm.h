#pragma once
// Elixir source read into terms: the whole syntax (calls with and without parentheses,
// do-blocks with their else/after/rescue/catch parts, clauses, fn, captures, structs,
// binaries, every operator at its precedence). Floats, charlists and sigils are kept
// as opaque terms with their text; an error loses no more than the expression it is in.

#include "elixir/ElixirLexer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace suplab::elixir {

struct Term {
    enum class Kind : unsigned char {
        Atom,    // text: the name (true, false, nil are atoms)
        Alias,   // text: Foo.Bar
        Integer, // integer
        String,  // text; `opaque` when interpolated
        Var,     // text: the name
        List,    // items (a keyword list is a List of Pair)
        Tuple,   // items
        Map,     // items: Pair
        Pair,    // items[0] key (an Atom for `key:`), items[1] value
        Call,    // text: dotted name ("Supervisor.init", "def", "@impl", ":timer.seconds",
                 // "Foo.{}" for `alias Foo.{A, B}`); items: arguments; body: the do-block's
                 // statements, when it has one; blocks: its else/after/rescue/catch parts
        BinOp,   // text: the operator ("|>", "not in", "when"); items: left, right
        UnaryOp, // text: the operator ("-", "!", "not", "^", "&"); items: the operand
        Access,  // items: the term and the key (`opts[:name]`)
        Fn,      // items: Clause
        Clause,  // items: the patterns (a guard is a `when` BinOp); body: the statements
        Struct,  // text: the struct's name as written (`%MyStruct{}`); items: Pair
        Binary,  // items: the segments of <<...>>
        Block,   // body: the statements of `(a; b)`
        Opaque,  // floats, charlists, sigils; text: as written
    };
    Kind kind = Kind::Opaque;
    std::string text;
    std::int64_t integer = 0;
    int line = 0;
    bool opaque = false; // a string with #{...}
    bool hasBlock = false;
    std::vector<Term> items;
    std::vector<Term> body;
    std::vector<Term> blocks; // Call: `else`, `after`, `rescue`, `catch` (a Call each, its body)

    bool is(Kind k, std::string_view t) const { return kind == k && text == t; }
    /// Pair lookup in a keyword list or map: the value of `key`, or nullptr.
    const Term* find(std::string_view key) const;
    /// A short rendering for messages: `{Counter, 0}`, `children ++ extra`, ...
    std::string show() const;
    /// The same, whole: Elixir that reads back as this term (do-blocks shortened).
    std::string render() const;
};

struct ParseResult {
    std::vector<Term> statements;
    std::vector<std::pair<int, std::string>> errors; // (line, message)
};

/// Reads a whole file (or a pasted fragment) as a sequence of statements.
ParseResult parse(std::string_view source);

} // namespace suplab::elixir
