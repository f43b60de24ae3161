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

std::string Term::show() const {
    auto join = [this](const char* open, const char* close) {
        std::string out = open;
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? ", " : "") + items[i].show();
        return out + close;
    };
    std::string out;
    switch (kind) {
    case Kind::Atom:
        out = ":" + text;
        break;
    case Kind::Alias:
    case Kind::Var:
    case Kind::Opaque:
        out = text;
        break;
    case Kind::Integer:
        out = std::to_string(integer);
        break;
    case Kind::String:
        out = "\"" + text + "\"";
        break;
    case Kind::List:
        out = join("[", "]");
        break;
    case Kind::Tuple:
        out = join("{", "}");
        break;
    case Kind::Map:
        out = join("%{", "}");
        break;
    case Kind::Pair:
        out = items.size() == 2 && items[0].kind == Kind::Atom
                  ? items[0].text + ": " + items[1].show()
                  : (items.size() == 2 ? items[0].show() + " => " + items[1].show() : "?");
        break;
    case Kind::Call:
        out = text + join("(", ")") + (hasBlock ? " do ... end" : "");
        break;
    case Kind::BinOp:
        out = items.size() == 2 ? items[0].show() + " " + text + " " + items[1].show() : text;
        break;
    }
    return out.size() > 80 ? out.substr(0, 77) + "..." : out;
}

namespace {

constexpr int kMaxDepth = 200;

/// Binding power of a binary operator (higher binds tighter); 0: not one.
int precedence(const Token& t) {
    const std::string& o = t.text;
    if (t.kind == TokenKind::Ident)
        return o == "when" ? 2 : (o == "or" || o == "and") ? 5 : o == "in" ? 8 : 0;
    if (t.kind != TokenKind::Op) return 0;
    if (o == "->") return 1;
    if (o == "\\\\" || o == "<-") return 2;
    if (o == "=") return 3;
    if (o == "|" || o == "::") return 3;
    if (o == "|>") return 4;
    if (o == "||" || o == "&&") return 5;
    if (o == "==" || o == "!=" || o == "===" || o == "!==" || o == "<" || o == ">" || o == "<=" ||
        o == ">=")
        return 6;
    if (o == "++" || o == "--" || o == "<>" || o == ".." || o == "<<<" || o == ">>>") return 7;
    if (o == "+" || o == "-") return 9;
    if (o == "*" || o == "/") return 10;
    return 0;
}

bool rightAssoc(const std::string& o) {
    return o == "=" || o == "++" || o == "--" || o == "<>" || o == "->" || o == "|" || o == "::" ||
           o == "\\\\";
}

class Parser {
  public:
    explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

    ParseResult run() {
        ParseResult r;
        r.statements = statements({});
        while (peek().kind != TokenKind::Eof) { // a stray `end` or `)` at top level
            error(peek().line, "unexpected '" + peek().text + "'");
            ++i_;
            auto more = statements({});
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
    void skipNewlines() {
        while (peek().kind == TokenKind::Newline || isOp(";"))
            ++i_;
    }
    void error(int line, std::string message) { errors_.emplace_back(line, std::move(message)); }
    bool expect(const char* op) {
        if (isOp(op)) {
            ++i_;
            return true;
        }
        error(peek().line, std::string("expected '") + op + "', found '" + peek().text + "'");
        return false;
    }

    /// Statements until one of `stops` (an Ident such as end/else) or the end of input.
    std::vector<Term> statements(std::initializer_list<const char*> stops) {
        std::vector<Term> out;
        for (;;) {
            skipNewlines();
            if (peek().kind == TokenKind::Eof) return out;
            for (const char* s : stops)
                if (isWord(s)) return out;
            if (isOp(")") || isOp("]") || isOp("}")) return out;
            const std::size_t before = i_;
            out.push_back(expression(0));
            if (i_ == before) { // nothing consumed: step over it, so we always progress
                error(peek().line, "unexpected '" + peek().text + "'");
                ++i_;
            }
        }
    }

    Term expression(int minPrec) {
        if (++depth_ > kMaxDepth) {
            --depth_;
            error(peek().line, "nested too deeply");
            while (peek().kind != TokenKind::Eof)
                ++i_;
            return opaque(peek().line, "...");
        }
        Term left = unary();
        for (;;) {
            // A pipeline may go on at the start of the next line.
            if (peek().kind == TokenKind::Newline && peek(1).kind == TokenKind::Op &&
                peek(1).text == "|>")
                ++i_;
            const int prec = precedence(peek());
            if (prec == 0 || prec < minPrec) break;
            const Token op = next();
            skipNewlines();
            Term right = expression(rightAssoc(op.text) ? prec : prec + 1);
            Term bin;
            bin.kind = Term::Kind::BinOp;
            bin.text = op.text;
            bin.line = left.line;
            bin.items.push_back(std::move(left));
            bin.items.push_back(std::move(right));
            left = std::move(bin);
        }
        --depth_;
        return left;
    }

    static Term opaque(int line, std::string what) {
        Term t;
        t.kind = Term::Kind::Opaque;
        t.line = line;
        t.text = std::move(what);
        return t;
    }

    Term unary() {
        const Token& t = peek();
        if (t.kind == TokenKind::Op &&
            (t.text == "-" || t.text == "!" || t.text == "^" || t.text == "&" || t.text == "+")) {
            next();
            Term operand = unary();
            if (t.text == "-" && operand.kind == Term::Kind::Integer) {
                operand.integer = -operand.integer;
                return operand;
            }
            Term u = opaque(t.line, t.text + operand.show());
            return u;
        }
        if (isWord("not")) {
            next();
            Term operand = unary();
            return opaque(t.line, "not " + operand.show());
        }
        return postfix(primary());
    }

    /// `.name(args)`, `.name`, `[key]` after a term.
    Term postfix(Term term) {
        for (;;) {
            if (isOp(".") && peek(1).kind == TokenKind::Ident) {
                next();
                const Token& name = next();
                Term call;
                call.kind = Term::Kind::Call;
                call.line = term.line;
                call.text = (term.kind == Term::Kind::Alias || term.kind == Term::Kind::Var ||
                                     term.kind == Term::Kind::Atom
                                 ? (term.kind == Term::Kind::Atom ? ":" + term.text : term.text)
                                 : term.show()) +
                            "." + name.text;
                if (isOp("(") && !peek().spaceBefore) arguments(call);
                term = std::move(call);
                continue;
            }
            if (isOp(".") && isOp("(", 1)) { // fun.(args)
                next();
                Term call;
                call.kind = Term::Kind::Call;
                call.line = term.line;
                call.text = term.show() + ".";
                arguments(call);
                term = std::move(call);
                continue;
            }
            if (isOp("[") && !peek().spaceBefore && term.kind != Term::Kind::Alias) {
                next();
                Term key = expression(0);
                expect("]");
                term = opaque(term.line, term.show() + "[" + key.show() + "]");
                continue;
            }
            break;
        }
        maybeDoBlock(term);
        return term;
    }

    /// `(a, b, key: c)`: a trailing keyword list becomes one List argument, as in Elixir.
    void arguments(Term& call) {
        expect("(");
        skipNewlines();
        {
            DeferDo open(deferDo_, false);
            call.items = elements(")");
        }
        expect(")");
        noParensArguments(call, /*afterParens=*/true);
    }

    /// Comma-separated elements up to `close`; keyword pairs at the end are gathered
    /// into one List (in a call's arguments) or stay pairs (lists and maps).
    std::vector<Term> elements(const char* close, bool gatherKeywords = true) {
        std::vector<Term> items;
        Term keywords;
        keywords.kind = Term::Kind::List;
        while (!isOp(close) && peek().kind != TokenKind::Eof) {
            skipNewlines();
            if (isOp(close)) break;
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
        Term pair;
        pair.kind = Term::Kind::Pair;
        pair.line = key.line;
        Term k;
        k.kind = Term::Kind::Atom;
        k.text = key.text;
        k.line = key.line;
        pair.items.push_back(std::move(k));
        pair.items.push_back(expression(0));
        return pair;
    }

    /// A call without parentheses (`use Supervisor, restart: :temporary`,
    /// `def init(arg) do`), and a call's do-block.
    void noParensArguments(Term& call, bool afterParens) {
        if (!afterParens && startsArgument(peek())) {
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
        maybeDoBlock(call, !afterParens);
    }

    /// `key: value, key: value` without brackets, as one List of Pair.
    Term keywordList() {
        Term keywords;
        keywords.kind = Term::Kind::List;
        keywords.line = peek().line;
        while (peek().kind == TokenKind::KwKey) {
            keywords.items.push_back(keywordPair());
            if (!isOp(",")) break;
            next();
            skipNewlines();
        }
        return keywords;
    }

    static bool startsArgument(const Token& t) {
        switch (t.kind) {
        case TokenKind::Alias:
        case TokenKind::Ident:
        case TokenKind::Atom:
        case TokenKind::KwKey:
        case TokenKind::Integer:
        case TokenKind::Float:
        case TokenKind::String:
        case TokenKind::Charlist:
        case TokenKind::Sigil:
            return t.kind != TokenKind::Ident ||
                   (t.text != "do" && t.text != "end" && t.text != "when" && t.text != "in" &&
                    t.text != "and" && t.text != "or" && t.text != "else");
        case TokenKind::Op:
            return t.text == "[" || t.text == "{" || t.text == "%{" || t.text == "%" ||
                   t.text == "@" || t.text == "&" || (t.text == "(" && t.spaceBefore) ||
                   t.text == "!" || t.text == "^";
        default:
            return false;
        }
    }

    void maybeDoBlock(Term& term, bool owner = false) {
        if (!isWord("do") || (deferDo_ && !owner)) return;
        DeferDo block(deferDo_, false);
        if (term.kind != Term::Kind::Call) {
            Term call;
            call.kind = Term::Kind::Call;
            call.line = term.line;
            call.text = term.show();
            term = std::move(call);
        }
        next();
        term.hasBlock = true;
        term.body = statements({"end", "else", "after", "rescue", "catch"});
        while (isWord("else") || isWord("after") || isWord("rescue") || isWord("catch")) {
            next();
            statements({"end", "else", "after", "rescue", "catch"}); // not needed by the importer
        }
        if (isWord("end"))
            next();
        else
            error(term.line, "'do' without its 'end'");
    }

    Term primary() {
        const Token& t = peek();
        Term term;
        term.line = t.line;
        switch (t.kind) {
        case TokenKind::Atom:
            next();
            term.kind = Term::Kind::Atom;
            term.text = t.text;
            return term;
        case TokenKind::Alias:
            next();
            term.kind = Term::Kind::Alias;
            term.text = t.text;
            return term;
        case TokenKind::Integer: {
            next();
            term.kind = Term::Kind::Integer;
            int base = 10;
            std::string_view digits = t.text;
            if (digits.size() > 2 && digits[0] == '0' &&
                (digits[1] == 'x' || digits[1] == 'b' || digits[1] == 'o')) {
                base = digits[1] == 'x' ? 16 : digits[1] == 'b' ? 2 : 8;
                digits.remove_prefix(2);
            }
            const auto [p, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), term.integer, base);
            if (ec != std::errc() || p != digits.data() + digits.size())
                return opaque(t.line, t.text);
            return term;
        }
        case TokenKind::Float:
            next();
            return opaque(t.line, t.text);
        case TokenKind::String:
            next();
            term.kind = Term::Kind::String;
            term.text = t.text;
            term.opaque = t.interpolated;
            return term;
        case TokenKind::Charlist:
            next();
            return opaque(t.line, "'" + t.text + "'");
        case TokenKind::Sigil:
            next();
            return opaque(t.line, t.text);
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
        return opaque(t.line, "");
    }

    Term identifier() {
        const Token& t = next();
        if (t.text == "fn") return skipUntilEnd(t.line, "fn ... end");
        Term term;
        term.line = t.line;
        term.text = t.text;
        if (isOp("(") && !peek().spaceBefore) { // f(args)
            term.kind = Term::Kind::Call;
            arguments(term);
            return term;
        }
        // f arg, key: value: a call without parentheses when an argument follows on
        // the same line, as Elixir reads it.
        if (peek().spaceBefore && startsArgument(peek()) && !isOp("(")) {
            term.kind = Term::Kind::Call;
            noParensArguments(term, false);
            return term;
        }
        if (isWord("do")) {
            term.kind = Term::Kind::Call;
            maybeDoBlock(term);
            return term;
        }
        term.kind = Term::Kind::Var;
        return term;
    }

    Term skipUntilEnd(int line, std::string what) {
        int depth = 1;
        while (peek().kind != TokenKind::Eof && depth > 0) {
            if (isWord("do") || isWord("fn")) ++depth;
            if (isWord("end")) --depth;
            next();
        }
        if (depth > 0) error(line, "'fn' without its 'end'");
        return opaque(line, std::move(what));
    }

    Term bracketed() {
        DeferDo open(deferDo_, false);
        const Token& t = next();
        Term term;
        term.line = t.line;
        if (t.text == "[") {
            term.kind = Term::Kind::List;
            term.items = elements("]", false);
            expect("]");
            return term;
        }
        if (t.text == "{") {
            term.kind = Term::Kind::Tuple;
            term.items = elements("}");
            expect("}");
            return term;
        }
        if (t.text == "%{") {
            term.kind = Term::Kind::Map;
            term.items = mapPairs();
            expect("}");
            return term;
        }
        if (t.text == "%") { // %Struct{...}
            Term name = primary();
            if (isOp("{")) {
                next();
                mapPairs();
                expect("}");
            }
            return opaque(t.line, "%" + name.show() + "{...}");
        }
        if (t.text == "(") {
            skipNewlines();
            Term inner = expression(0);
            skipNewlines();
            expect(")");
            return inner;
        }
        if (t.text == "@") { // module attribute: @name value, or a reference @name
            if (peek().kind != TokenKind::Ident) return opaque(t.line, "@");
            const Token& name = next();
            term.text = "@" + name.text;
            if (peek().spaceBefore && startsArgument(peek())) {
                term.kind = Term::Kind::Call;
                noParensArguments(term, false);
            } else {
                term.kind = Term::Kind::Var;
            }
            return term;
        }
        if (t.text == "<<") {
            int depth = 1;
            while (peek().kind != TokenKind::Eof && depth > 0) {
                if (isOp("<<")) ++depth;
                if (isOp(">>")) --depth;
                next();
            }
            return opaque(t.line, "<<...>>");
        }
        return opaque(t.line, "");
    }

    std::vector<Term> mapPairs() {
        std::vector<Term> pairs;
        skipNewlines();
        while (!isOp("}") && peek().kind != TokenKind::Eof) {
            if (peek().kind == TokenKind::KwKey) {
                pairs.push_back(keywordPair());
            } else {
                const std::size_t before = i_;
                Term key = expression(0);
                Term pair;
                pair.kind = Term::Kind::Pair;
                pair.line = key.line;
                if (isOp("=>")) {
                    next();
                    skipNewlines();
                    pair.items.push_back(std::move(key));
                    pair.items.push_back(expression(0));
                } else {
                    pair.items.push_back(std::move(key)); // %{map | key: v} and the like
                    pair.items.push_back(opaque(pair.line, "?"));
                    if (isOp("|")) next();
                }
                pairs.push_back(std::move(pair));
                if (i_ == before) ++i_;
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
