#pragma once
// Splits Elixir source into tokens, the whole language: identifiers and aliases, atoms
// (quoted and operator atoms too), keyword keys (quoted ones too), numbers and
// character literals (?a), strings, charlists and heredocs with their interpolations,
// sigils of every delimiter (heredoc sigils too), every operator, and newlines, which
// end an expression unless the next line starts with a binary operator (`|>`).

#include <string>
#include <string_view>
#include <vector>

namespace suplab::elixir {

enum class TokenKind : unsigned char {
    Alias,   // Foo, Foo.Bar (joined)
    Ident,   // foo, _foo, foo?, __MODULE__, and the words do/end/fn/when/...
    Atom,    // :foo, :"foo bar", :+, true, false, nil (text without the colon)
    KwKey,   // foo: or "foo": (keyword key; text without the colon)
    Integer, // 5_000, 0x1F, ?a (text: the value in decimal)
    Float,   // 1.5, 1.0e-3
    String,  // "..." or """...""" (text decoded; `interpolated` when it has #{...})
    Charlist,
    Sigil, // ~w(...)a, ~r/.../, ~S"""...""" kept whole as written
    Op,    // ( ) [ ] { } %{ << >> , ; . = |> ++ -> => :: ... (text is the operator)
    Newline,
    Eof,
};

struct Token {
    TokenKind kind = TokenKind::Eof;
    std::string text;
    int line = 1;
    bool interpolated = false; // String, Atom, Charlist: contains #{...}
    bool spaceBefore = false;  // whitespace right before it (for calls without parentheses)
};

struct LexResult {
    std::vector<Token> tokens;                       // always ends with Eof
    std::vector<std::pair<int, std::string>> errors; // (line, message)
};

LexResult lex(std::string_view source);

} // namespace suplab::elixir
