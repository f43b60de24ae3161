#pragma once
// Elixir source read into terms: the subset of the syntax tree the importer needs.
// Anything outside it still parses, as an opaque term with its line, so that the
// importer can say exactly what it did not read.

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
        Call,    // text: dotted name ("Supervisor.init", "def", "@impl"); items: arguments;
                 // body: the do-block's statements, when it has one
        BinOp,   // text: the operator; items: left, right
        Opaque,  // anything else (fn, sigils, floats, ...); text: a short description
    };
    Kind kind = Kind::Opaque;
    std::string text;
    std::int64_t integer = 0;
    int line = 0;
    bool opaque = false; // a string with #{...}
    bool hasBlock = false;
    std::vector<Term> items;
    std::vector<Term> body;

    bool is(Kind k, std::string_view t) const { return kind == k && text == t; }
    /// Pair lookup in a keyword list or map: the value of `key`, or nullptr.
    const Term* find(std::string_view key) const;
    /// A short rendering for messages: `{Counter, 0}`, `children ++ extra`, ...
    std::string show() const;
};

struct ParseResult {
    std::vector<Term> statements;
    std::vector<std::pair<int, std::string>> errors; // (line, message)
};

/// Reads a whole file (or a pasted fragment) as a sequence of statements.
ParseResult parse(std::string_view source);

} // namespace suplab::elixir
