#include "ElixirLexer.h"

#include <array>
#include <cctype>
#include <cstdint>

namespace suplab::elixir {

namespace {

bool lower(char c) {
    return (c >= 'a' && c <= 'z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}
bool identChar(char c) {
    return lower(c) || upper(c) || digit(c);
}
/// Aliases are ASCII only (Elixir refuses `MyAppé`): a name may be Unicode, a module not.
bool aliasChar(char c) {
    return (c >= 'a' && c <= 'z') || c == '_' || upper(c) || digit(c);
}
bool space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\0';
}

// Longest first, so that `|>` wins over `|` and `<<<` over `<<`.
constexpr std::array<std::string_view, 47> kOps{
    "<<<", ">>>", "<<~", "~>>",  "<~>", "<|>", "===", "!==", "&&&", "|||", "^^^", "~~~",
    "+++", "---", "...", "\\\\", "|>",  "++",  "--",  "<>",  "=>",  "->",  "::",  "==",
    "!=",  "=~",  "<=",  ">=",   "&&",  "||",  "..",  "<-",  "<<",  ">>",  "<~",  "~>",
    "**",  "//",  "%{",  "(",    ")",   "[",   "]",   "{",   "}",   ",",   ";"};
constexpr std::string_view kSingleOps = ".=+-*/|&@%<>!^:";

/// Operators that can only stand between two operands: a newline before one of them
/// does not end the expression (`children\n|> Enum.reject(...)`), as in Elixir.
bool binaryOnly(std::string_view op) {
    static constexpr std::array<std::string_view, 33> ops{
        "|>", "++", "--",  "<>",  "=",  "==",  "!=",  "===", "!==", "=~",  "<",
        ">",  "<=", ">=",  "&&",  "||", "&&&", "|||", "<<<", ">>>", "<<~", "~>>",
        "<~", "~>", "<~>", "<|>", "*",  "/",   "**",  "|",   "::",  "=>",  "<-"};
    for (auto o : ops)
        if (o == op) return true;
    return false;
}

/// The closing delimiter of a sigil or quoted text opened with `open`.
char closing(char open) {
    return open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : open == '<' ? '>' : open;
}

class Lexer {
  public:
    explicit Lexer(std::string_view s) : s_(s) {}

    LexResult run() {
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '\n') {
                ++pos_;
                ++line_;
                space_ = true;
                if (!out_.tokens.empty() && out_.tokens.back().kind != TokenKind::Newline)
                    push(TokenKind::Newline, "\\n", line_ - 1);
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                ++pos_;
                space_ = true;
                continue;
            }
            if (c == '\\' &&
                (at(pos_ + 1) == '\n' || (at(pos_ + 1) == '\r' && at(pos_ + 2) == '\n'))) {
                pos_ += at(pos_ + 1) == '\n' ? 2 : 3; // a line continued
                ++line_;
                space_ = true;
                continue;
            }
            if (c == '#') {
                while (pos_ < s_.size() && s_[pos_] != '\n')
                    ++pos_;
                continue;
            }
            lexOne(c);
            space_ = false;
        }
        push(TokenKind::Eof, "");
        return std::move(out_);
    }

  private:
    char at(std::size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
    bool startsWith(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }

    void push(TokenKind kind, std::string text, int line = 0) {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.line = line ? line : line_;
        t.spaceBefore = space_;
        out_.tokens.push_back(std::move(t));
    }
    void error(int line, std::string message) {
        out_.errors.emplace_back(line, std::move(message));
    }

    void lexOne(char c) {
        if (lower(c)) return identifier();
        if (upper(c)) return alias();
        if (digit(c)) return number();
        if (c == '"' || c == '\'') {
            const TokenKind kind = c == '"' ? TokenKind::String : TokenKind::Charlist;
            const int startLine = line_;
            std::string text;
            bool interpolated = false;
            delimited(true, text, interpolated);
            return finishQuoted(kind, std::move(text), interpolated, startLine);
        }
        if (c == '?' && !space(at(pos_ + 1))) return character();
        if (c == '~' && (lower(at(pos_ + 1)) || upper(at(pos_ + 1))) &&
            static_cast<unsigned char>(at(pos_ + 1)) < 0x80)
            return sigil();
        if (c == ':' && at(pos_ + 1) != ':') {
            const char n = at(pos_ + 1);
            if (lower(n) || upper(n)) {
                ++pos_;
                const std::size_t b = pos_;
                while (identChar(at(pos_)) || at(pos_) == '@')
                    ++pos_;
                if (at(pos_) == '?' || at(pos_) == '!') ++pos_;
                return push(TokenKind::Atom, std::string(s_.substr(b, pos_ - b)));
            }
            if (n == '"' || n == '\'') {
                const int startLine = line_;
                pos_ += 2;
                std::string text;
                bool interpolated = false;
                quotedBody(n, true, text, interpolated);
                push(TokenKind::Atom, std::move(text), startLine);
                out_.tokens.back().interpolated = interpolated;
                return;
            }
            if (operatorAtom()) return;
        }
        if (startsWith("%{}:") && space(at(pos_ + 4))) { // [%{}: :%]
            pos_ += 4;
            return push(TokenKind::KwKey, "%{}");
        }
        for (const auto op : kOps)
            if (startsWith(op)) {
                pos_ += op.size();
                // `[||: 2, +: 1]`: an operator's name as a keyword key.
                if (at(pos_) == ':' && space(at(pos_ + 1)) && op != "(" && op != "[" && op != "{" &&
                    op != "%{" && op != "," && op != ";" && op != ")" && op != "]" && op != "}") {
                    ++pos_;
                    return push(TokenKind::KwKey, std::string(op));
                }
                return pushOp(std::string(op));
            }
        if (kSingleOps.find(c) != std::string_view::npos) {
            ++pos_;
            if (c != ':' && c != '.' && at(pos_) == ':' && space(at(pos_ + 1))) { // [+: 1, @: 1]
                ++pos_;
                return push(TokenKind::KwKey, std::string(1, c));
            }
            return pushOp(std::string(1, c));
        }
        error(line_, std::string("unexpected character '") + c + "'");
        ++pos_;
    }

    void pushOp(std::string op) {
        // `x\n|> f()`: the newline before a binary-only operator does not end `x`.
        if (binaryOnly(op) && !out_.tokens.empty() && out_.tokens.back().kind == TokenKind::Newline)
            out_.tokens.pop_back();
        push(TokenKind::Op, std::move(op));
    }

    /// `:+`, `:<<>>`, `:{}`, `:%{}`, `:..`, `:&&`: the operators as atoms.
    bool operatorAtom() {
        static constexpr std::array<std::string_view, 8> special{"<<>>", "%{}",  "{}", "%",
                                                                 "...",  "..//", "[]", "@"};
        for (auto sp : special)
            if (s_.substr(pos_ + 1, sp.size()) == sp) {
                pos_ += 1 + sp.size();
                push(TokenKind::Atom, std::string(sp));
                return true;
            }
        for (const auto op : kOps) {
            if (op == "(" || op == ")" || op == "[" || op == "]" || op == "{" || op == "}" ||
                op == "," || op == ";" || op == "%{")
                continue;
            if (s_.substr(pos_ + 1, op.size()) == op) {
                pos_ += 1 + op.size();
                push(TokenKind::Atom, std::string(op));
                return true;
            }
        }
        const char n = at(pos_ + 1);
        if (n != '\0' && std::string_view(".=+-*/|&<>!^").find(n) != std::string_view::npos) {
            pos_ += 2;
            push(TokenKind::Atom, std::string(1, n));
            return true;
        }
        return false;
    }

    /// After a quoted text: `"key": value` makes it a keyword key.
    void finishQuoted(TokenKind kind, std::string text, bool interpolated, int startLine) {
        if (at(pos_) == ':' && space(at(pos_ + 1)) && kind != TokenKind::Sigil) {
            ++pos_;
            push(TokenKind::KwKey, std::move(text), startLine);
        } else {
            push(kind, std::move(text), startLine);
        }
        out_.tokens.back().interpolated = interpolated;
    }

    void identifier() {
        const std::size_t b = pos_;
        while (identChar(at(pos_)))
            ++pos_;
        if ((at(pos_) == '?' || at(pos_) == '!') && at(pos_ + 1) != '=') ++pos_;
        std::string word(s_.substr(b, pos_ - b));
        if (at(pos_) == ':' && space(at(pos_ + 1))) { // keyword key `name: `
            ++pos_;
            return push(TokenKind::KwKey, std::move(word));
        }
        if (word == "true" || word == "false" || word == "nil")
            return push(TokenKind::Atom, std::move(word));
        // `a\nwhen b`, `a\nand b`: words that are binary operators continue the line too.
        if ((word == "when" || word == "and" || word == "or" || word == "in") &&
            !out_.tokens.empty() && out_.tokens.back().kind == TokenKind::Newline)
            out_.tokens.pop_back();
        push(TokenKind::Ident, std::move(word));
    }

    void alias() {
        const std::size_t b = pos_;
        for (;;) {
            while (aliasChar(at(pos_)))
                ++pos_;
            if (at(pos_) == '.' && upper(at(pos_ + 1))) {
                ++pos_;
                continue;
            }
            break;
        }
        std::string word(s_.substr(b, pos_ - b));
        if (at(pos_) == ':' && space(at(pos_ + 1))) { // `Foo: ` is a keyword key too
            ++pos_;
            return push(TokenKind::KwKey, std::move(word));
        }
        push(TokenKind::Alias, std::move(word));
    }

    void number() {
        std::string text;
        if (at(pos_) == '0' &&
            (at(pos_ + 1) == 'x' || at(pos_ + 1) == 'b' || at(pos_ + 1) == 'o')) {
            const int base = at(pos_ + 1) == 'x' ? 16 : at(pos_ + 1) == 'b' ? 2 : 8;
            pos_ += 2;
            std::uint64_t value = 0;
            while (std::isxdigit(static_cast<unsigned char>(at(pos_))) || at(pos_) == '_') {
                const char c = s_[pos_++];
                if (c == '_') continue;
                const int d = digit(c) ? c - '0' : (std::tolower(c) - 'a' + 10);
                value = value * std::uint64_t(base) + std::uint64_t(d);
            }
            return push(TokenKind::Integer, std::to_string(value));
        }
        bool isFloat = false;
        while (digit(at(pos_)) || (at(pos_) == '_' && digit(at(pos_ + 1))) ||
               (at(pos_) == '.' && digit(at(pos_ + 1)) && !isFloat)) {
            if (at(pos_) == '.') isFloat = true;
            if (s_[pos_] != '_') text += s_[pos_];
            ++pos_;
        }
        if (isFloat && (at(pos_) == 'e' || at(pos_) == 'E')) {
            text += s_[pos_++];
            if (at(pos_) == '-' || at(pos_) == '+') text += s_[pos_++];
            while (digit(at(pos_)))
                text += s_[pos_++];
        }
        push(isFloat ? TokenKind::Float : TokenKind::Integer, std::move(text));
    }

    /// `?a`, `?\n`, `?é`: the character's code point, as an integer.
    void character() {
        ++pos_;
        std::uint32_t code = 0;
        if (at(pos_) == '\\') {
            const char e = at(pos_ + 1);
            pos_ += 2;
            code = e == 'n'   ? '\n'
                   : e == 't' ? '\t'
                   : e == 'r' ? '\r'
                   : e == 's' ? ' '
                   : e == '0' ? 0
                   : e == 'e' ? 27
                   : e == 'd' ? 127
                   : e == 'a' ? 7
                   : e == 'b' ? 8
                   : e == 'f' ? 12
                   : e == 'v' ? 11
                              : static_cast<unsigned char>(e);
        } else {
            const auto first = static_cast<unsigned char>(at(pos_));
            const int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0;
            code = extra == 0   ? first
                   : extra == 1 ? first & 0x1Fu
                   : extra == 2 ? first & 0x0Fu
                                : first & 0x07u;
            ++pos_;
            for (int i = 0; i < extra && pos_ < s_.size(); ++i)
                code = (code << 6) | (static_cast<unsigned char>(s_[pos_++]) & 0x3Fu);
        }
        push(TokenKind::Integer, std::to_string(code));
    }

    /// An interpolation `#{...}` from just after its `{`: skipped whole, braces, strings
    /// and characters inside it included.
    void skipInterpolation() {
        int depth = 1;
        while (pos_ < s_.size() && depth > 0) {
            const char c = s_[pos_];
            if (c == '\n') ++line_;
            if (c == '"' || c == '\'') {
                std::string ignored;
                bool interpolated = false;
                delimited(true, ignored, interpolated);
                continue;
            }
            if (c == '?' && pos_ + 1 < s_.size() && !(pos_ > 0 && identChar(s_[pos_ - 1]))) {
                pos_ += at(pos_ + 1) == '\\' ? 3 : 2;
                continue;
            }
            if (c == '{') ++depth;
            if (c == '}') --depth;
            ++pos_;
        }
    }

    /// A delimited text from its opening delimiter at pos_: a heredoc when the delimiter
    /// is a quote written three times, else up to the matching closing delimiter.
    void delimited(bool escapes, std::string& text, bool& interpolated) {
        const char open = s_[pos_];
        if ((open == '"' || open == '\'') && at(pos_ + 1) == open && at(pos_ + 2) == open) {
            pos_ += 3;
            heredocBody(open, escapes, text, interpolated);
        } else {
            ++pos_;
            quotedBody(closing(open), escapes, text, interpolated);
        }
    }

    /// The text up to the closing `close`, from just after the opening one. `escapes`:
    /// backslash escapes and #{} are read (lowercase sigils, strings); otherwise only a
    /// backslash before the delimiter is (uppercase sigils).
    void quotedBody(char close, bool escapes, std::string& text, bool& interpolated) {
        const int startLine = line_;
        while (pos_ < s_.size() && s_[pos_] != close) {
            const char c = s_[pos_++];
            if (c == '\n') ++line_;
            if (c == '\\' && pos_ < s_.size()) {
                const char e = s_[pos_];
                if (!escapes && e != close && e != '\\') {
                    text += c;
                    continue;
                }
                ++pos_;
                if (e == '\n') ++line_;
                text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                continue;
            }
            if (escapes && c == '#' && at(pos_) == '{') {
                interpolated = true;
                text += "#{";
                const std::size_t b = ++pos_;
                skipInterpolation();
                text += std::string(s_.substr(b, pos_ - b));
                continue;
            }
            text += c;
        }
        if (pos_ >= s_.size())
            error(startLine, "a string that never ends");
        else
            ++pos_;
    }

    /// A heredoc's text from just after its opening quotes to the closing ones, which
    /// stand at the start of a line (after spaces).
    void heredocBody(char quote, bool escapes, std::string& text, bool& interpolated) {
        const int startLine = line_;
        const std::string closer(3, quote);
        while (pos_ < s_.size()) {
            if (startsWith(closer)) {
                pos_ += 3;
                return;
            }
            const char c = s_[pos_++];
            if (c == '\n') ++line_;
            if (c == '\\' && pos_ < s_.size()) {
                const char e = s_[pos_];
                if (escapes || e == quote) {
                    ++pos_;
                    if (e == '\n') ++line_;
                    text += e;
                    continue;
                }
            }
            if (escapes && c == '#' && at(pos_) == '{') {
                interpolated = true;
                const std::size_t b = ++pos_;
                skipInterpolation();
                text += "#{" + std::string(s_.substr(b, pos_ - b));
                continue;
            }
            text += c;
        }
        error(startLine, "a heredoc that never ends");
    }

    void sigil() {
        const int startLine = line_;
        const std::size_t b = pos_;
        ++pos_;
        const bool escapes = lower(at(pos_));
        while (upper(at(pos_)) || (lower(at(pos_)) && pos_ == b + 1) || digit(at(pos_)))
            ++pos_;
        const char open = at(pos_);
        if (std::string_view("/|\"'([{<").find(open) == std::string_view::npos || open == '\0') {
            error(line_, "a sigil without its delimiter");
            return push(TokenKind::Sigil, std::string(s_.substr(b, pos_ - b)), startLine);
        }
        std::string text;
        bool interpolated = false;
        delimited(escapes, text, interpolated);
        while (lower(at(pos_)) || upper(at(pos_)) || digit(at(pos_)))
            ++pos_; // modifiers (~VEC"1 2"f16)
        push(TokenKind::Sigil, std::string(s_.substr(b, pos_ - b)), startLine);
        out_.tokens.back().interpolated = interpolated;
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    int line_ = 1;
    bool space_ = true;
    LexResult out_;
};

} // namespace

LexResult lex(std::string_view source) {
    return Lexer(source).run();
}

} // namespace suplab::elixir
