#include "ElixirTerm.h"

#include <charconv>

namespace suplab::elixir {

const Term* Term::find(std::string_view key) const {
    for (const Term& p : items)
        if (p.kind == Kind::Pair && p.items.size() == 2 &&
            (p.items[0].kind == Kind::Atom || p.items[0].kind == Kind::String) &&
            p.items[0].text == key)
            return &p.items[1];
    return nullptr;
}

namespace {

/// Binding power of a binary operator (higher binds tighter), as Elixir's table has
/// it; 0: not a binary operator. `=>` and `->` are read by the maps and clauses.
int precedenceOf(std::string_view o) {
    if (o == "<-" || o == "\\\\") return 1;
    if (o == "when") return 2;
    if (o == "::") return 3;
    if (o == "|") return 4;
    if (o == "=") return 7;
    if (o == "||" || o == "|||" || o == "or") return 8;
    if (o == "&&" || o == "&&&" || o == "and") return 9;
    if (o == "==" || o == "!=" || o == "=~" || o == "===" || o == "!==") return 10;
    if (o == "<" || o == ">" || o == "<=" || o == ">=") return 11;
    if (o == "|>" || o == "<<<" || o == ">>>" || o == "<<~" || o == "~>>" || o == "<~" ||
        o == "~>" || o == "<~>" || o == "<|>")
        return 12;
    if (o == "in" || o == "not in") return 13;
    if (o == "^^^") return 14;
    if (o == "++" || o == "--" || o == "+++" || o == "---" || o == ".." || o == "<>" || o == "//")
        return 15;
    if (o == "+" || o == "-") return 16;
    if (o == "*" || o == "/") return 17;
    if (o == "**") return 18;
    return 0;
}

bool rightAssoc(std::string_view o) {
    return o == "when" || o == "::" || o == "|" || o == "=" || o == "++" || o == "--" ||
           o == "+++" || o == "---" || o == ".." || o == "<>" || o == "//";
}

/// The capture operator binds looser than `=`: `&(x = y)` is `& x = y`.
constexpr int kCapturePrecedence = 7;

bool plainAtom(const std::string& name) {
    if (name.empty()) return false;
    if (name.find_first_not_of("+-*/|&<>=!^~.%@\\:{}") == std::string::npos) return true; // :+
    const char c = name[0];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char d = name[i];
        const bool last = i + 1 == name.size();
        if (!((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9') ||
              d == '_' || d == '@' || (last && (d == '?' || d == '!'))))
            return false;
    }
    return true;
}

std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

} // namespace

std::string Term::render() const {
    auto list = [](const std::vector<Term>& terms) {
        std::string out;
        for (std::size_t i = 0; i < terms.size(); ++i) {
            const Term& t = terms[i];
            // A trailing keyword list is written without its brackets, as in the source.
            const bool keywords = i + 1 == terms.size() && t.kind == Kind::List &&
                                  !t.items.empty() && t.items[0].kind == Kind::Pair;
            out += (i ? ", " : "") +
                   (keywords ? t.render().substr(1, t.render().size() - 2) : t.render());
        }
        return out;
    };
    switch (kind) {
    case Kind::Atom:
        if (text == "true" || text == "false" || text == "nil") return text;
        return ":" + (plainAtom(text) ? text : quoted(text));
    case Kind::Alias:
    case Kind::Var:
    case Kind::Opaque:
        return text;
    case Kind::Integer:
        return std::to_string(integer);
    case Kind::String: // an interpolated one as written: its #{...} holds code
        return opaque ? "\"" + text + "\"" : quoted(text);
    case Kind::List:
        return "[" + list(items) + "]";
    case Kind::Tuple:
        return "{" + list(items) + "}";
    case Kind::Map:
        return "%{" + list(items) + "}";
    case Kind::Struct:
        return "%" + text + "{" + list(items) + "}";
    case Kind::Binary:
        return "<<" + list(items) + ">>";
    case Kind::Pair:
        if (items.size() != 2) return "?";
        if (items[0].kind == Kind::Atom)
            return (plainAtom(items[0].text) ? items[0].text : quoted(items[0].text)) + ": " +
                   items[1].render();
        return items[0].render() + " => " + items[1].render();
    case Kind::Call: {
        std::string out;
        if (text.size() > 3 && text.ends_with(".{}"))
            out = text.substr(0, text.size() - 2) + "{" + list(items) + "}";
        else
            out = text + "(" + list(items) + ")";
        return out + (hasBlock ? " do ... end" : "");
    }
    case Kind::BinOp: {
        if (items.size() != 2) return text;
        const int mine = precedenceOf(text);
        auto side = [&](const Term& t, bool right) {
            const int theirs = t.kind == Kind::BinOp ? precedenceOf(t.text) : 100;
            const bool wrap = theirs < mine || (theirs == mine && right != rightAssoc(text));
            return wrap ? "(" + t.render() + ")" : t.render();
        };
        return side(items[0], false) + " " + text + " " + side(items[1], true);
    }
    case Kind::UnaryOp: {
        if (items.empty()) return text;
        const Term& operand = items[0];
        if (text == "&" && operand.kind == Kind::BinOp && operand.text == "/" &&
            operand.items.size() == 2) // &is_nil/1
        {
            const Term& name = operand.items[0]; // &Mod.fun/2: the name, not a call of it
            const bool bare = name.kind == Kind::Call && name.items.empty() && !name.hasBlock;
            return "&" + (bare ? name.text : name.render()) + "/" + operand.items[1].render();
        }
        const bool wrap = operand.kind == Kind::BinOp;
        const std::string inner = wrap ? "(" + operand.render() + ")" : operand.render();
        return text + (text == "not" ? " " : "") + inner;
    }
    case Kind::Access:
        return items.size() == 2 ? items[0].render() + "[" + items[1].render() + "]" : "[]";
    case Kind::Fn:
        return "fn ... end";
    case Kind::Clause:
        return list(items) + " -> ...";
    case Kind::Block:
        return "(...)";
    }
    return text;
}

std::string Term::show() const {
    const std::string out = render();
    return out.size() > 80 ? out.substr(0, 77) + "..." : out;
}

namespace {

constexpr int kMaxDepth = 200;
constexpr std::initializer_list<const char*> kBlockEnds{"end", "else", "after", "rescue", "catch"};

class Parser {
  public:
    explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

    ParseResult run() {
        ParseResult r;
        r.statements = block({});
        while (peek().kind != TokenKind::Eof) { // a stray `end` or `)` at top level
            error(peek().line, "unexpected '" + peek().text + "'");
            ++i_;
            auto more = block({});
            r.statements.insert(r.statements.end(), more.begin(), more.end());
        }
        r.errors = std::move(errors_);
        return r;
    }

  private:
    const Token& peek(std::size_t ahead = 0) const {
        return t_[std::min(i_ + ahead, t_.size() - 1)];
    }
    const Token& next() {
        const Token& t = peek();
        if (i_ < t_.size() - 1) ++i_;
        return t;
    }
    bool isOp(const char* o, std::size_t ahead = 0) const {
        return peek(ahead).kind == TokenKind::Op && peek(ahead).text == o;
    }
    bool isWord(const char* w, std::size_t ahead = 0) const {
        return peek(ahead).kind == TokenKind::Ident && peek(ahead).text == w;
    }
    bool isBlockEnd() const {
        for (const char* w : kBlockEnds)
            if (isWord(w)) return true;
        return false;
    }
    void skipNewlines() {
        while (peek().kind == TokenKind::Newline)
            ++i_;
    }
    void skipSeparators() {
        while (peek().kind == TokenKind::Newline || isOp(";"))
            ++i_;
    }
    void error(int line, std::string message) { errors_.emplace_back(line, std::move(message)); }
    bool expect(const char* op) {
        skipNewlines();
        if (isOp(op)) {
            ++i_;
            return true;
        }
        error(peek().line, std::string("expected '") + op + "', found '" +
                               (peek().kind == TokenKind::Newline ? "end of line" : peek().text) +
                               "'");
        return false;
    }
    static Term make(Term::Kind kind, int line, std::string text = {}) {
        Term t;
        t.kind = kind;
        t.line = line;
        t.text = std::move(text);
        return t;
    }

    /// Statements until one of `stops` (end, else, ...), a closing bracket or the end of
    /// input. `a, b -> body` starts a clause (case, fn, cond, receive, typespecs): the
    /// statements after it are its body, up to the next clause.
    std::vector<Term> block(std::initializer_list<const char*> stops) {
        std::vector<Term> out;
        Term* clause = nullptr;
        for (;;) {
            skipSeparators();
            if (peek().kind == TokenKind::Eof) return out;
            for (const char* s : stops)
                if (isWord(s)) return out;
            if (isOp(")") || isOp("]") || isOp("}") || isOp(">>")) return out;
            const int line = peek().line;
            std::vector<Term> heads;
            if (!isOp("->")) {
                const std::size_t before = i_;
                heads.push_back(expression(0));
                if (i_ == before) { // nothing consumed: step over it, so we always progress
                    error(peek().line, "unexpected '" + peek().text + "'");
                    ++i_;
                    continue;
                }
                while (isOp(",")) {
                    next();
                    skipNewlines();
                    heads.push_back(expression(0));
                }
            }
            if (isOp("->")) {
                next();
                Term c = make(Term::Kind::Clause, line);
                c.items = std::move(heads);
                out.push_back(std::move(c));
                clause = &out.back();
                continue;
            }
            if (heads.size() > 1) error(line, "unexpected ',' (a clause's patterns need '->')");
            for (Term& h : heads)
                (clause ? clause->body : out).push_back(std::move(h));
            // Two expressions side by side (`f()g()`) are an error, as in Elixir.
            if (!endsStatement(stops))
                error(peek().line, "syntax error before: '" + peek().text + "'");
        }
    }

    /// What may follow a statement: a separator, the end of its block, or a closing bracket.
    bool endsStatement(std::initializer_list<const char*> stops) const {
        const Token& t = peek();
        if (t.kind == TokenKind::Newline || t.kind == TokenKind::Eof) return true;
        if (t.kind == TokenKind::Op)
            return t.text == ";" || t.text == ")" || t.text == "]" || t.text == "}" ||
                   t.text == ">>";
        for (const char* s : stops)
            if (isWord(s)) return true;
        return false;
    }

    Term expression(int minPrec) {
        if (++depth_ > kMaxDepth) {
            --depth_;
            error(peek().line, "nested too deeply");
            while (peek().kind != TokenKind::Eof)
                ++i_;
            return make(Term::Kind::Opaque, peek().line, "...");
        }
        Term left = unary();
        for (;;) {
            std::string op;
            std::size_t width = 1;
            if (peek().kind == TokenKind::Op) op = peek().text;
            if (peek().kind == TokenKind::Ident) {
                op = peek().text;
                if (op == "not" && isWord("in", 1)) {
                    op = "not in";
                    width = 2;
                } else if (op != "when" && op != "and" && op != "or" && op != "in") {
                    op.clear();
                }
            }
            const int prec = op.empty() ? 0 : precedenceOf(op);
            if (prec == 0 || prec < minPrec) break;
            const int line = peek().line;
            i_ += width;
            skipNewlines();
            Term right = expression(rightAssoc(op) ? prec : prec + 1);
            Term bin = make(Term::Kind::BinOp, left.line ? left.line : line, op);
            bin.items.push_back(std::move(left));
            bin.items.push_back(std::move(right));
            left = std::move(bin);
        }
        --depth_;
        return left;
    }

    Term unary() {
        const Token& t = peek();
        const int line = t.line;
        if (t.kind == TokenKind::Op && t.text == "&") {
            next();
            // &1, &2: the captured arguments (&1.field too).
            if (peek().kind == TokenKind::Integer && !peek().spaceBefore)
                return postfix(make(Term::Kind::Var, line, "&" + next().text));
            // &+/2, &>=/2, &not/1: an operator captured by name.
            if ((peek().kind == TokenKind::Op || isWord("not") || isWord("and") || isWord("or") ||
                 isWord("in")) &&
                isOp("/", 1) && !peek().spaceBefore && peek(2).kind == TokenKind::Integer) {
                Term name = make(Term::Kind::Var, line, next().text);
                next();
                Term capture = make(Term::Kind::UnaryOp, line, "&");
                Term slash = make(Term::Kind::BinOp, line, "/");
                slash.items.push_back(std::move(name));
                slash.items.push_back(primary());
                capture.items.push_back(std::move(slash));
                return capture;
            }
            Term u = make(Term::Kind::UnaryOp, line, "&");
            skipNewlines();
            u.items.push_back(expression(kCapturePrecedence));
            return u;
        }
        if ((t.kind == TokenKind::Op && (t.text == "-" || t.text == "+" || t.text == "!" ||
                                         t.text == "^" || t.text == "~~~")) ||
            isWord("not")) {
            const std::string op = next().text;
            Term operand = unary();
            if (op == "-" && operand.kind == Term::Kind::Integer) {
                operand.integer = -operand.integer;
                return operand;
            }
            Term u = make(Term::Kind::UnaryOp, line, op);
            u.items.push_back(std::move(operand));
            return u;
        }
        return postfix(primary());
    }

    /// `.name(args)`, `.name args`, `.Alias`, `.{A, B}`, `.(args)`, `[key]` and
    /// `(args)` after a term, then its do-block.
    Term postfix(Term term) {
        for (;;) {
            if (isOp(".") && peek(1).kind == TokenKind::Ident) {
                next();
                const Token& name = next();
                Term call = make(Term::Kind::Call, term.line);
                call.text = (term.kind == Term::Kind::Alias || term.kind == Term::Kind::Var
                                 ? term.text
                                 : term.render()) +
                            "." + name.text;
                if (isOp("(") && !peek().spaceBefore)
                    arguments(call);
                else if (peek().spaceBefore && startsArgument())
                    noParensArguments(call);
                term = std::move(call);
                continue;
            }
            if (isOp(".") && peek(1).kind == TokenKind::Alias) { // __MODULE__.Worker
                next();
                // Elixir refuses expr.Alias at compile time unless expr is an alias or
                // __MODULE__ (var.Alias, f().Alias, @attr.Alias, "s".Alias): an alias must
                // be an atom then. It stays a run-time expression here, never a module name.
                const bool runtime = term.kind != Term::Kind::Alias &&
                                     !(term.kind == Term::Kind::Var && term.text == "__MODULE__");
                if (runtime)
                    error(term.line, "invalid alias: " + term.render() + "." + peek().text +
                                         " (an alias must be known at compile time)");
                term = make(runtime ? Term::Kind::Call : Term::Kind::Alias, term.line,
                            term.render() + "." + next().text);
                continue;
            }
            if (isOp(".") &&
                (peek(1).kind == TokenKind::String || peek(1).kind == TokenKind::Atom)) {
                next(); // Kernel."fun"(...) and the like
                Term call = make(Term::Kind::Call, term.line, term.render() + "." + next().text);
                if (isOp("(") && !peek().spaceBefore) arguments(call);
                term = std::move(call);
                continue;
            }
            if (isOp(".") && peek(1).kind == TokenKind::Op && isOp("(", 2) && !isOp("{", 1) &&
                !isOp("(", 1)) { // Kernel.+(a, b)
                next();
                Term call = make(Term::Kind::Call, term.line, term.render() + "." + next().text);
                arguments(call);
                term = std::move(call);
                continue;
            }
            if (isOp(".") && peek(1).kind == TokenKind::Op && isOp("/", 2) &&
                !isOp("{", 1)) { // &Kernel.==/2
                next();
                term = make(Term::Kind::Call, term.line, term.render() + "." + next().text);
                continue;
            }
            if (isOp(".") && isOp("{", 1)) { // alias Foo.{Bar, Baz}
                next();
                next();
                Term group = make(Term::Kind::Call, term.line, term.render() + ".{}");
                group.items = elements("}", false);
                expect("}");
                term = std::move(group);
                continue;
            }
            if (isOp(".") && isOp("(", 1)) { // fun.(args)
                next();
                Term call = make(Term::Kind::Call, term.line, term.render() + ".");
                arguments(call);
                term = std::move(call);
                continue;
            }
            if (isOp("[") && !peek().spaceBefore) {
                next();
                skipNewlines();
                Term access = make(Term::Kind::Access, term.line);
                access.items.push_back(std::move(term));
                access.items.push_back(expression(0));
                expect("]");
                term = std::move(access);
                continue;
            }
            if (isOp("(") && !peek().spaceBefore && term.kind == Term::Kind::Call) {
                Term call = make(Term::Kind::Call, term.line, term.render()); // unquote(f)(x)
                arguments(call);
                term = std::move(call);
                continue;
            }
            break;
        }
        maybeDoBlock(term);
        return term;
    }

    /// `(a, b, key: c)`: a trailing keyword list becomes one List argument, as in Elixir.
    void arguments(Term& call) {
        next(); // (
        {
            DeferDo open(deferDo_, false);
            call.items = elements(")");
        }
        expect(")");
    }

    /// Comma-separated elements up to `close`; keyword pairs at the end are gathered
    /// into one List (in a call's arguments and tuples) or stay pairs (lists).
    std::vector<Term> elements(const char* close, bool gatherKeywords = true) {
        std::vector<Term> items;
        Term keywords = make(Term::Kind::List, 0);
        skipNewlines();
        while (!isOp(close) && peek().kind != TokenKind::Eof) {
            if (peek().kind == TokenKind::KwKey) {
                keywords.line = keywords.line ? keywords.line : peek().line;
                keywords.items.push_back(keywordPair());
            } else {
                const std::size_t before = i_;
                items.push_back(expression(0));
                if (i_ == before) {
                    error(peek().line, "unexpected '" + peek().text + "'");
                    ++i_;
                }
            }
            skipNewlines();
            if (!isOp(",")) break;
            next();
            skipNewlines();
        }
        skipNewlines();
        if (!keywords.items.empty()) {
            if (gatherKeywords)
                items.push_back(std::move(keywords));
            else
                for (auto& p : keywords.items)
                    items.push_back(std::move(p));
        }
        return items;
    }

    Term keywordPair() {
        const Token& key = next();
        skipNewlines();
        Term pair = make(Term::Kind::Pair, key.line);
        pair.items.push_back(make(Term::Kind::Atom, key.line, key.text));
        pair.items.push_back(expression(0));
        return pair;
    }

    /// A call without parentheses (`use Supervisor, restart: :temporary`,
    /// `def init(arg) do`): its arguments, up to the end of the line or a `do`.
    void noParensArguments(Term& call) {
        DeferDo defer(deferDo_, true);
        if (peek().kind != TokenKind::KwKey) call.items.push_back(expression(0));
        while (peek().kind == TokenKind::KwKey || isOp(",")) {
            if (isOp(",")) {
                next();
                skipNewlines();
            }
            if (peek().kind == TokenKind::KwKey) { // the trailing keyword list
                call.items.push_back(keywordList());
                break;
            }
            call.items.push_back(expression(0));
        }
    }

    /// `key: value, key: value` without brackets, as one List of Pair.
    Term keywordList() {
        Term keywords = make(Term::Kind::List, peek().line);
        while (peek().kind == TokenKind::KwKey) {
            keywords.items.push_back(keywordPair());
            if (!isOp(",") || peek(1).kind == TokenKind::Eof) break;
            // `a: 1,\n b: 2` goes on; a comma before something else ends the list.
            std::size_t ahead = 1;
            while (peek(ahead).kind == TokenKind::Newline)
                ++ahead;
            if (peek(ahead).kind != TokenKind::KwKey) break;
            next();
            skipNewlines();
        }
        return keywords;
    }

    /// Whether the next token begins an argument of a call without parentheses
    /// (`foo bar`, `foo -1`, `foo [1]`), as opposed to an operator (`foo - 1`).
    bool startsArgument() const {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::Alias:
        case TokenKind::Atom:
        case TokenKind::KwKey:
        case TokenKind::Integer:
        case TokenKind::Float:
        case TokenKind::String:
        case TokenKind::Charlist:
        case TokenKind::Sigil:
            return true;
        case TokenKind::Ident:
            if (t.text == "not" && isWord("in", 1)) return false; // x not in y
            return t.text != "do" && t.text != "end" && t.text != "when" && t.text != "in" &&
                   t.text != "and" && t.text != "or" && t.text != "else" && t.text != "after" &&
                   t.text != "rescue" && t.text != "catch";
        case TokenKind::Op:
            if (t.text == "[" || t.text == "{" || t.text == "%{" || t.text == "%" ||
                t.text == "@" || t.text == "(" || t.text == "!" || t.text == "^" ||
                t.text == "<<" || t.text == "..." || t.text == "~~~")
                return true;
            // `foo -1` and `foo &bar/1`: a prefix operator right before its operand.
            if (t.text == "&") return true; // there is no binary &: `parse & &1`
            if (t.text == "-" || t.text == "+")
                return !peek(1).spaceBefore && peek(1).kind != TokenKind::Newline;
            return false;
        default:
            return false;
        }
    }

    void maybeDoBlock(Term& term, bool owner = false) {
        if (!isWord("do") || (deferDo_ && !owner)) return;
        DeferDo block(deferDo_, false);
        if (term.kind != Term::Kind::Call) {
            Term call = make(Term::Kind::Call, term.line, term.render());
            term = std::move(call);
        }
        next();
        term.hasBlock = true;
        term.body = this->block(kBlockEnds);
        while (isWord("else") || isWord("after") || isWord("rescue") || isWord("catch")) {
            Term part = make(Term::Kind::Call, peek().line, next().text);
            part.hasBlock = true;
            part.body = this->block(kBlockEnds);
            term.blocks.push_back(std::move(part));
        }
        if (isWord("end"))
            next();
        else
            error(term.line, "'do' without its 'end'");
    }

    Term primary() {
        const Token& t = peek();
        const int line = t.line;
        switch (t.kind) {
        case TokenKind::Atom:
            return make(Term::Kind::Atom, line, next().text);
        case TokenKind::Alias:
            return make(Term::Kind::Alias, line, next().text);
        case TokenKind::Integer: {
            const std::string digits = next().text;
            Term term = make(Term::Kind::Integer, line);
            const auto [p, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), term.integer);
            if (ec != std::errc() || p != digits.data() + digits.size())
                return make(Term::Kind::Opaque, line, digits);
            return term;
        }
        case TokenKind::Float:
            return make(Term::Kind::Opaque, line, next().text);
        case TokenKind::String: {
            Term term = make(Term::Kind::String, line, t.text);
            term.opaque = t.interpolated;
            next();
            return term;
        }
        case TokenKind::Charlist:
            return make(Term::Kind::Opaque, line, "'" + next().text + "'");
        case TokenKind::Sigil:
            return make(Term::Kind::Opaque, line, next().text);
        case TokenKind::KwKey: // a bare keyword list: `strategy: :one_for_one` as a statement
            return keywordList();
        case TokenKind::Ident:
            return identifier();
        case TokenKind::Op:
            return bracketed();
        case TokenKind::Newline:
        case TokenKind::Eof:
            break;
        }
        return make(Term::Kind::Opaque, line);
    }

    Term identifier() {
        const Token& t = next();
        const int line = t.line;
        if (t.text == "fn") {
            Term fn = make(Term::Kind::Fn, line, "fn");
            DeferDo open(deferDo_, false);
            fn.items = block({"end"});
            if (isWord("end"))
                next();
            else
                error(line, "'fn' without its 'end'");
            return fn;
        }
        if (t.text == "end" || t.text == "do" || t.text == "else" || t.text == "after" ||
            t.text == "rescue" || t.text == "catch") {
            error(line, "unexpected '" + t.text + "'");
            return make(Term::Kind::Opaque, line, t.text);
        }
        Term term = make(Term::Kind::Var, line, t.text);
        if (isOp("(") && !peek().spaceBefore) { // f(args)
            term.kind = Term::Kind::Call;
            arguments(term);
            return term;
        }
        // f arg, key: value: a call without parentheses when an argument follows on
        // the same line, as Elixir reads it.
        if (peek().spaceBefore && startsArgument()) {
            term.kind = Term::Kind::Call;
            noParensArguments(term);
            maybeDoBlock(term, true);
            return term;
        }
        if (isWord("do") && !deferDo_) { // quote do ... end; in `if x do`, x stays a name
            term.kind = Term::Kind::Call;
            maybeDoBlock(term, true);
        }
        return term;
    }

    Term bracketed() {
        DeferDo open(deferDo_, false);
        const Token& t = next();
        const int line = t.line;
        const std::string op = t.text;
        if (op == "[") {
            Term term = make(Term::Kind::List, line);
            term.items = elements("]", false);
            expect("]");
            return term;
        }
        if (op == "{") {
            Term term = make(Term::Kind::Tuple, line);
            term.items = elements("}");
            expect("}");
            return term;
        }
        if (op == "%{") {
            Term term = make(Term::Kind::Map, line);
            term.items = mapPairs();
            expect("}");
            return term;
        }
        if (op == "%") { // %Struct{...}, %__MODULE__{...}, %module{...}
            Term term = make(Term::Kind::Struct, line);
            if (peek().kind == TokenKind::Alias || peek().kind == TokenKind::Ident) {
                term.text = next().text;
                while (isOp(".") && peek(1).kind == TokenKind::Alias) {
                    next();
                    term.text += "." + next().text;
                }
            } else if ((isOp("@") || isOp("^")) && peek(1).kind == TokenKind::Ident) {
                term.text = next().text; // %@attr{}, %^mod{}
                term.text += next().text;
            }
            if (isOp("(") && !peek().spaceBefore) { // %unquote(name){...}
                Term call = make(Term::Kind::Call, line, term.text);
                arguments(call);
                term.text = call.render();
            }
            if (!isOp("{")) {
                error(line, "expected '{' after %" + term.text);
                return term;
            }
            next();
            term.items = mapPairs();
            expect("}");
            return term;
        }
        if (op == "<<") {
            Term term = make(Term::Kind::Binary, line);
            term.items = elements(">>", false);
            expect(">>");
            return term;
        }
        if (op == "(") {
            std::vector<Term> statements = block({});
            expect(")");
            if (statements.size() == 1 && statements[0].kind != Term::Kind::Clause)
                return std::move(statements[0]);
            Term term = make(Term::Kind::Block, line);
            term.body = std::move(statements);
            return term;
        }
        if (op == "@") { // module attribute: @name value, or a reference @name
            if (peek().kind != TokenKind::Ident || peek().spaceBefore) {
                Term u = make(Term::Kind::UnaryOp, line, "@");
                u.items.push_back(unary());
                return u;
            }
            Term term = make(Term::Kind::Var, line, "@" + next().text);
            if (isOp("(") && !peek().spaceBefore) {
                term.kind = Term::Kind::Call;
                arguments(term);
            } else if (peek().spaceBefore && startsArgument()) {
                term.kind = Term::Kind::Call;
                noParensArguments(term);
                maybeDoBlock(term, true);
            }
            return term;
        }
        if (op == "..." || op == "..") return make(Term::Kind::Var, line, op); // typespecs, ranges
        error(line, "unexpected '" + op + "'");
        return make(Term::Kind::Opaque, line, op);
    }

    /// The inside of %{...} or %Struct{...}: `key: v`, `k => v`, and `map | key: v`.
    std::vector<Term> mapPairs() {
        std::vector<Term> pairs;
        skipNewlines();
        while (!isOp("}") && peek().kind != TokenKind::Eof) {
            const std::size_t before = i_;
            if (peek().kind == TokenKind::KwKey) {
                pairs.push_back(keywordPair());
            } else {
                Term key = expression(0);
                skipNewlines();
                if (isOp("=>")) {
                    next();
                    skipNewlines();
                    Term pair = make(Term::Kind::Pair, key.line);
                    pair.items.push_back(std::move(key));
                    pair.items.push_back(expression(0));
                    pairs.push_back(std::move(pair));
                } else {
                    pairs.push_back(std::move(key)); // the `map | ...` of an update
                }
            }
            if (i_ == before) {
                error(peek().line, "unexpected '" + peek().text + "'");
                ++i_;
            }
            skipNewlines();
            if (!isOp(",")) break;
            next();
            skipNewlines();
        }
        return pairs;
    }

    /// While the arguments of a call without parentheses are read, a `do` belongs to
    /// that call (`def init(arg) do`), not to the last argument, as in Elixir.
    class DeferDo {
      public:
        DeferDo(bool& flag, bool value) : flag_(flag), saved_(flag) { flag_ = value; }
        ~DeferDo() { flag_ = saved_; }
        DeferDo(const DeferDo&) = delete;
        DeferDo& operator=(const DeferDo&) = delete;

      private:
        bool& flag_;
        bool saved_;
    };

    std::vector<Token> t_;
    bool deferDo_ = false;
    std::size_t i_ = 0;
    int depth_ = 0;
    std::vector<std::pair<int, std::string>> errors_;
};

} // namespace

ParseResult parse(std::string_view source) {
    LexResult lexed = lex(source);
    ParseResult r = Parser(std::move(lexed.tokens)).run();
    r.errors.insert(r.errors.begin(), lexed.errors.begin(), lexed.errors.end());
    return r;
}

} // namespace suplab::elixir
