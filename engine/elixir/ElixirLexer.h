#pragma once
// Splits Elixir source into tokens for the importer: enough of the language to read
// supervisors and child specs (aliases, atoms, keyword keys, numbers, strings,
// brackets, operators, do/end) with the line each token starts on. Newlines are
// kept as tokens only outside brackets, where they end an expression.

#include <string>
#include <string_view>
#include <vector>

namespace suplab::elixir {

enum class TokenKind : unsigned char {
    Alias,   // Foo, Foo.Bar (joined)
    Ident,   // foo, _foo, foo?, __MODULE__
    Atom,    // :foo, :"foo bar", true, false, nil (text without the colon)
    KwKey,   // foo: (keyword key; text without the colon)
    Integer, // 5_000, 0x1F (text as written, underscores removed)
    Float,   // 1.5
    String,  // "..." or """...""" (text decoded; `interpolated` when it has #{...})
    Charlist,
    Sigil, // ~w(...) and friends, kept whole
    Op,    // ( ) [ ] { } %{ , . = |> ++ -> => :: ... (text is the operator)
    Newline,
    Eof,
};

struct Token {
    TokenKind kind = TokenKind::Eof;
    std::string text;
    int line = 1;
    bool interpolated = false; // String: contains #{...}
    bool spaceBefore = false;  // whitespace right before it (for no-parens calls)
};

struct LexResult {
    std::vector<Token> tokens;                       // always ends with Eof
    std::vector<std::pair<int, std::string>> errors; // (line, message)
};

LexResult lex(std::string_view source);

} // namespace suplab::elixir
