#include "ElixirLexer.h"

#include <array>
#include <cctype>

namespace suplab::elixir {

namespace {

bool identStart(char c) {
    return std::islower(static_cast<unsigned char>(c)) || c == '_';
}
bool identChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}
bool upper(char c) {
    return std::isupper(static_cast<unsigned char>(c));
}
bool digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c));
}

// Longest first, so that `|>` wins over `|`.
constexpr std::array<std::string_view, 31> kOps{
    "...", "<<<",  ">>>", "===", "!==", "|>", "++", "--", "<>", "=>", "->",
    "::",  "\\\\", "==",  "!=",  "<=",  ">=", "&&", "||", "..", "<-", "<<",
    ">>",  "(",    ")",   "[",   "]",   "{",  "}",  "%{", ","};
constexpr std::string_view kSingleOps = ".=+-*/|&@%<>!^;";

class Lexer {
  public:
    explicit Lexer(std::string_view s) : s_(s) {}

    LexResult run() {
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '\n') {
                ++pos_;
                if (depth_ == 0) push(TokenKind::Newline, "\\n");
                ++line_;
                space_ = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
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

    void push(TokenKind kind, std::string text, int line = 0) {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.line = line ? line : line_;
        t.spaceBefore = space_;
        out_.tokens.push_back(std::move(t));
    }

    void lexOne(char c) {
        if (identStart(c)) return identifier();
        if (upper(c)) return alias();
        if (digit(c)) return number();
        if (c == '"') {
            if (s_.substr(pos_, 3) == "\"\"\"") return heredoc();
            return quoted('"', TokenKind::String);
        }
        if (c == '\'') return quoted('\'', TokenKind::Charlist);
        if (c == '~' && (std::isalpha(static_cast<unsigned char>(at(pos_ + 1))))) return sigil();
        if (c == ':' && at(pos_ + 1) != ':') {
            if (identStart(at(pos_ + 1)) || upper(at(pos_ + 1))) {
                ++pos_;
                const std::size_t b = pos_;
                while (identChar(at(pos_)) || (at(pos_) == '.' && identChar(at(pos_ + 1))))
                    ++pos_;
                if (at(pos_) == '?' || at(pos_) == '!') ++pos_;
                return push(TokenKind::Atom, std::string(s_.substr(b, pos_ - b)));
            }
            if (at(pos_ + 1) == '"') {
                ++pos_;
                quoted('"', TokenKind::Atom);
                return;
            }
        }
        for (const auto op : kOps)
            if (s_.substr(pos_, op.size()) == op) {
                pos_ += op.size();
                if (op == "(" || op == "[" || op == "{" || op == "%{") ++depth_;
                if ((op == ")" || op == "]" || op == "}") && depth_ > 0) --depth_;
                return push(TokenKind::Op, std::string(op));
            }
        if (kSingleOps.find(c) != std::string_view::npos || c == ':') {
            ++pos_;
            return push(TokenKind::Op, std::string(1, c));
        }
        out_.errors.emplace_back(line_, std::string("unexpected character '") + c + "'");
        ++pos_;
    }

    void identifier() {
        const std::size_t b = pos_;
        while (identChar(at(pos_)))
            ++pos_;
        if (at(pos_) == '?' || at(pos_) == '!') ++pos_;
        std::string word(s_.substr(b, pos_ - b));
        if (at(pos_) == ':' && at(pos_ + 1) != ':') { // keyword key `name:`
            ++pos_;
            return push(TokenKind::KwKey, std::move(word));
        }
        if (word == "true" || word == "false" || word == "nil")
            return push(TokenKind::Atom, std::move(word));
        push(TokenKind::Ident, std::move(word));
    }

    void alias() {
        const std::size_t b = pos_;
        for (;;) {
            while (identChar(at(pos_)))
                ++pos_;
            if (at(pos_) == '.' && upper(at(pos_ + 1))) {
                ++pos_;
                continue;
            }
            break;
        }
        std::string word(s_.substr(b, pos_ - b));
        if (at(pos_) == ':' && at(pos_ + 1) != ':') { // `Foo:` is a keyword key too
            ++pos_;
            return push(TokenKind::KwKey, std::move(word));
        }
        push(TokenKind::Alias, std::move(word));
    }

    void number() {
        std::string text;
        if (at(pos_) == '0' &&
            (at(pos_ + 1) == 'x' || at(pos_ + 1) == 'b' || at(pos_ + 1) == 'o')) {
            text = std::string(s_.substr(pos_, 2));
            pos_ += 2;
            while (std::isxdigit(static_cast<unsigned char>(at(pos_))) || at(pos_) == '_')
                if (s_[pos_++] != '_') text += s_[pos_ - 1];
            return push(TokenKind::Integer, std::move(text));
        }
        bool isFloat = false;
        while (digit(at(pos_)) || at(pos_) == '_' ||
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

    /// A string or charlist on one or more lines; escapes decoded, #{...} kept as written.
    void quoted(char quote, TokenKind kind) {
        const int startLine = line_;
        ++pos_;
        std::string text;
        bool interpolated = false;
        while (pos_ < s_.size() && s_[pos_] != quote) {
            char c = s_[pos_++];
            if (c == '\n') ++line_;
            if (c == '\\' && pos_ < s_.size()) {
                const char e = s_[pos_++];
                text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
                continue;
            }
            if (c == '#' && at(pos_) == '{') interpolated = true;
            text += c;
        }
        if (pos_ >= s_.size())
            out_.errors.emplace_back(startLine, "a string that never ends");
        else
            ++pos_;
        push(kind, std::move(text), startLine);
        out_.tokens.back().interpolated = interpolated;
    }

    void heredoc() {
        const int startLine = line_;
        pos_ += 3;
        const std::size_t end = s_.find("\"\"\"", pos_);
        const std::size_t stop = end == std::string_view::npos ? s_.size() : end;
        std::string text(s_.substr(pos_, stop - pos_));
        for (char c : text)
            if (c == '\n') ++line_;
        if (end == std::string_view::npos)
            out_.errors.emplace_back(startLine, "a heredoc that never ends");
        pos_ = end == std::string_view::npos ? s_.size() : end + 3;
        push(TokenKind::String, std::move(text), startLine);
    }

    void sigil() {
        const int startLine = line_;
        const std::size_t b = pos_;
        pos_ += 2;
        const char open = at(pos_);
        const char close = open == '('   ? ')'
                           : open == '[' ? ']'
                           : open == '{' ? '}'
                           : open == '<' ? '>'
                                         : open;
        if (open == '\0') return push(TokenKind::Sigil, "~");
        ++pos_;
        while (pos_ < s_.size() && s_[pos_] != close) {
            if (s_[pos_] == '\n') ++line_;
            if (s_[pos_] == '\\') ++pos_;
            ++pos_;
        }
        if (pos_ < s_.size()) ++pos_;
        while (std::isalpha(static_cast<unsigned char>(at(pos_))))
            ++pos_; // modifiers
        push(TokenKind::Sigil, std::string(s_.substr(b, pos_ - b)), startLine);
    }

    std::string_view s_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int depth_ = 0;
    bool space_ = true;
    LexResult out_;
};

} // namespace

LexResult lex(std::string_view source) {
    return Lexer(source).run();
}

} // namespace suplab::elixir
