#include "Value.h"

#include "PrettyDoc.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace suplab {

namespace {

constexpr std::string_view kElixirPrefix = "Elixir.";

bool isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || c == '_';
}
bool isIdentChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '@';
}

/// An atom iex writes bare after a colon (`:ok`, `:empty?`) or as a keyword key (`ok:`).
bool isPlainAtom(std::string_view s) {
    if (s.empty() || !isIdentStart(s[0])) return false;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const bool last = i + 1 == s.size();
        if (!isIdentChar(s[i]) && !(last && (s[i] == '?' || s[i] == '!'))) return false;
    }
    return true;
}

/// `Foo.Bar` from `Elixir.Foo.Bar`, when each segment is a valid alias segment.
std::string aliasOf(std::string_view atom) {
    if (!atom.starts_with(kElixirPrefix)) return {};
    std::string_view rest = atom.substr(kElixirPrefix.size());
    if (rest.empty()) return {};
    bool segmentStart = true;
    for (char c : rest) {
        if (segmentStart) {
            if (c < 'A' || c > 'Z') return {};
            segmentStart = false;
        } else if (c == '.') {
            segmentStart = true;
        } else if (!isIdentChar(c)) {
            return {};
        }
    }
    return segmentStart ? std::string() : std::string(rest);
}

std::string quoted(std::string_view s, char quote) {
    std::string out(1, quote);
    for (unsigned char c : s) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            if (c == static_cast<unsigned char>(quote)) {
                out += '\\';
                out += static_cast<char>(c);
            } else if (c < 0x20 || c == 0x7f) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\x%02X", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + quote;
}

std::string atomText(const std::string& name) {
    if (name == "nil" || name == "true" || name == "false") return name;
    if (std::string alias = aliasOf(name); !alias.empty()) return alias;
    if (isPlainAtom(name)) return ":" + name;
    return ":" + quoted(name, '"');
}

// Shortest digits that read back to the same double, placed as Erlang places them:
// plain from 1.0e-4 up to 1.0e16, with an exponent outside (`0.0001`, `1.0e-5`, `1.0e16`).
std::string floatText(double d) {
    if (std::isnan(d) || std::isinf(d)) return "nil"; // not an Elixir float; never produced
    char buf[40];
    for (int precision = 0; precision <= 16; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*e", precision, d);
        if (std::strtod(buf, nullptr) == d) break;
    }
    std::string s = buf; // -d.ddde+XX
    std::string sign;
    if (s[0] == '-') {
        sign = "-";
        s.erase(0, 1);
    }
    const auto e = s.find('e');
    const int exponent = std::atoi(s.c_str() + e + 1);
    std::string digits = s.substr(0, e);
    digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
    if (d != 0 && (exponent < -4 || exponent >= 16)) {
        const std::string rest = digits.size() > 1 ? digits.substr(1) : "0";
        return sign + digits.substr(0, 1) + "." + rest + "e" + std::to_string(exponent);
    }
    if (exponent < 0) {
        return sign + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    }
    const auto point = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= point)
        return sign + digits + std::string(point - digits.size(), '0') + ".0";
    return sign + digits.substr(0, point) + "." + digits.substr(point);
}

bool isPrintableCharlist(const std::vector<Value>& items) {
    if (items.empty()) return false;
    return std::all_of(items.begin(), items.end(), [](const Value& v) {
        return v.kind == Value::Kind::Integer &&
               ((v.integer >= 32 && v.integer < 127) || v.integer == '\n' || v.integer == '\t');
    });
}

bool isKeywordList(const std::vector<Value>& items) {
    if (items.empty()) return false;
    return std::all_of(items.begin(), items.end(), [](const Value& v) {
        return v.kind == Value::Kind::Tuple && v.items.size() == 2 &&
               v.items[0].kind == Value::Kind::Atom && aliasOf(v.items[0].text).empty();
    });
}

std::string keywordKey(const std::string& name) {
    return (isPlainAtom(name) ? name : quoted(name, '"')) + ": ";
}

int rank(Value::Kind k) {
    switch (k) {
    case Value::Kind::Integer:
    case Value::Kind::Float:
        return 0;
    case Value::Kind::Atom:
        return 1;
    case Value::Kind::Process:
        return 2;
    case Value::Kind::Tuple:
        return 3;
    case Value::Kind::Map:
        return 4;
    case Value::Kind::List:
        return 5;
    case Value::Kind::String:
        return 6;
    }
    return 7;
}

double numeric(const Value& v) {
    return v.kind == Value::Kind::Float ? v.real : static_cast<double>(v.integer);
}

} // namespace

Value Value::atom(std::string name) {
    Value v;
    v.kind = Kind::Atom;
    v.text = std::move(name);
    return v;
}

Value Value::module(const std::string& dotted) {
    return atom(std::string(kElixirPrefix) + dotted);
}

Value Value::integerOf(std::int64_t n) {
    Value v;
    v.kind = Kind::Integer;
    v.integer = n;
    return v;
}

Value Value::floatOf(double d) {
    Value v;
    v.kind = Kind::Float;
    v.real = d;
    return v;
}

Value Value::string(std::string s) {
    Value v;
    v.kind = Kind::String;
    v.text = std::move(s);
    return v;
}

Value Value::pidOf(Pid p) {
    Value v;
    v.kind = Kind::Process;
    v.pid = p;
    return v;
}

Value Value::tuple(std::vector<Value> items) {
    Value v;
    v.kind = Kind::Tuple;
    v.items = std::move(items);
    return v;
}

Value Value::list(std::vector<Value> items) {
    Value v;
    v.kind = Kind::List;
    v.items = std::move(items);
    return v;
}

Value Value::map(std::vector<std::pair<Value, Value>> entries) {
    Value v;
    v.kind = Kind::Map;
    for (auto& [key, value] : entries) {
        // A later key replaces an earlier equal one, as in %{a: 1, a: 2}.
        bool replaced = false;
        for (std::size_t i = 0; i < v.items.size(); i += 2)
            if (v.items[i] == key) {
                v.items[i + 1] = value;
                replaced = true;
            }
        if (!replaced) {
            v.items.push_back(std::move(key));
            v.items.push_back(std::move(value));
        }
    }
    return v;
}

std::string Value::moduleName() const {
    return kind == Kind::Atom ? aliasOf(text) : std::string();
}

bool operator==(const Value& a, const Value& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
    case Value::Kind::Atom:
    case Value::Kind::String:
        return a.text == b.text;
    case Value::Kind::Integer:
        return a.integer == b.integer;
    case Value::Kind::Float:
        return a.real == b.real;
    case Value::Kind::Process:
        return a.pid == b.pid;
    case Value::Kind::Tuple:
    case Value::Kind::List:
        return a.items == b.items;
    case Value::Kind::Map:
        if (a.items.size() != b.items.size()) return false;
        for (std::size_t i = 0; i < a.items.size(); i += 2) {
            bool found = false;
            for (std::size_t j = 0; j < b.items.size() && !found; j += 2)
                found = a.items[i] == b.items[j] && a.items[i + 1] == b.items[j + 1];
            if (!found) return false;
        }
        return true;
    }
    return false;
}

bool termLess(const Value& a, const Value& b) {
    if (rank(a.kind) != rank(b.kind)) return rank(a.kind) < rank(b.kind);
    switch (a.kind) {
    case Value::Kind::Integer:
    case Value::Kind::Float:
        return numeric(a) < numeric(b);
    case Value::Kind::Atom:
    case Value::Kind::String:
        return a.text < b.text;
    case Value::Kind::Process:
        return a.pid < b.pid;
    case Value::Kind::Tuple:
    case Value::Kind::Map:
        if (a.items.size() != b.items.size()) return a.items.size() < b.items.size();
        [[fallthrough]];
    case Value::Kind::List:
        return std::lexicographical_compare(a.items.begin(), a.items.end(), b.items.begin(),
                                            b.items.end(), termLess);
    }
    return false;
}

namespace {

/// An atom, number, string, pid or charlist: one piece of text.
std::string inspectScalar(const Value& value) {
    switch (value.kind) {
    case Value::Kind::Atom:
        return atomText(value.text);
    case Value::Kind::Integer:
        return std::to_string(value.integer);
    case Value::Kind::Float:
        return floatText(value.real);
    case Value::Kind::String:
        return quoted(value.text, '"');
    case Value::Kind::Process:
        return "#PID<0." + std::to_string(value.pid) + ".0>";
    case Value::Kind::List: {
        if (value.items.empty()) return "[]";
        std::string chars;
        for (const Value& c : value.items)
            chars += static_cast<char>(c.integer);
        return quoted(chars, '\'');
    }
    case Value::Kind::Tuple:
    case Value::Kind::Map:
        break;
    }
    return {};
}

// iex's Inspect.Opts: at most 50 elements of a container are shown, and an element
// shows what is left of that count (so a nested list shows fewer).
constexpr std::size_t kInspectLimit = 50;

/// How a container of `n` elements may break when it does not fit (Inspect.Algebra's
/// container_doc): Maybe fills its lines when every element is simple text, else puts
/// each on its own line; Flex always fills; Strict always gives each its own line.
enum class Breaks : unsigned char { Maybe, Flex, Strict };

struct Built {
    PrettyDoc::Id doc;
    bool simple; // text only: no group, no break inside
};

/// The document iex builds for a value (the Inspect protocol of Elixir 1.14).
class ValueDocs {
  public:
    explicit ValueDocs(PrettyDoc& doc) : d_(doc) {}

    Built of(const Value& value, std::size_t limit) {
        switch (value.kind) {
        case Value::Kind::Tuple:
            return container(
                "{", "}", value.items.size(), limit, Breaks::Flex,
                [&](std::size_t i, std::size_t left) { return of(value.items[i], left); });
        case Value::Kind::List:
            if (isPrintableCharlist(value.items) || value.items.empty()) break;
            if (isKeywordList(value.items))
                return container("[", "]", value.items.size(), limit, Breaks::Strict,
                                 [&](std::size_t i, std::size_t left) {
                                     return pair(keywordKey(value.items[i].items[0].text),
                                                 value.items[i].items[1], left);
                                 });
            return container(
                "[", "]", value.items.size(), limit, Breaks::Maybe,
                [&](std::size_t i, std::size_t left) { return of(value.items[i], left); });
        case Value::Kind::Map:
            return map(value, limit);
        default:
            break;
        }
        return {d_.text(inspectScalar(value)), true};
    }

  private:
    PrettyDoc& d_;

    Built pair(std::string key, const Value& value, std::size_t limit) {
        const Built v = of(value, limit);
        return {d_.concat({d_.text(std::move(key)), v.doc}), v.simple};
    }

    Built map(const Value& value, std::size_t limit) {
        std::vector<std::size_t> order;
        for (std::size_t i = 0; i < value.items.size(); i += 2)
            order.push_back(i);
        std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            return termLess(value.items[x], value.items[y]);
        });
        // iex writes `key: value` for atom keys only when every key is such an atom.
        const bool atomKeys = std::all_of(order.begin(), order.end(), [&](std::size_t i) {
            return value.items[i].kind == Value::Kind::Atom && aliasOf(value.items[i].text).empty();
        });
        return container(
            "%{", "}", order.size(), limit, Breaks::Strict,
            [&](std::size_t n, std::size_t left) -> Built {
                const Value& key = value.items[order[n]];
                const Value& item = value.items[order[n] + 1];
                if (atomKeys) return pair(keywordKey(key.text), item, left);
                const Built k = of(key, left);
                const Built v = of(item, left);
                return {d_.concat({k.doc, d_.text(" => "), v.doc}), k.simple && v.simple};
            });
    }

    template <class Element>
    Built container(const char* open, const char* close, std::size_t count, std::size_t limit,
                    Breaks breaks, Element element) {
        if (count == 0) return {d_.text(std::string(open) + close), true};
        std::vector<PrettyDoc::Id> docs;
        bool simple = breaks == Breaks::Maybe;
        std::size_t left = limit;
        for (std::size_t i = 0; i < count; ++i) {
            if (left == 0) {
                docs.push_back(d_.text("..."));
                break;
            }
            const Built b = element(i, --left);
            docs.push_back(b.doc);
            simple = simple && b.simple;
        }
        const bool flex = simple || breaks == Breaks::Flex;
        PrettyDoc::Id joined = docs.back();
        for (std::size_t i = docs.size() - 1; i-- > 0;)
            joined = d_.concat(
                {docs[i], d_.text(","), flex ? d_.flexBreak() : d_.strictBreak(), joined});
        if (flex)
            return {d_.group(d_.concat({d_.text(open), d_.nest(joined, 1), d_.text(close)})),
                    false};
        const PrettyDoc::Id inner =
            d_.nest(d_.concat({d_.text(open), d_.strictBreak(""), joined}), 2);
        return {d_.group(d_.concat({inner, d_.strictBreak(""), d_.text(close)})), false};
    }
};

std::string laidOut(const Value& value, std::size_t width) {
    PrettyDoc doc;
    const Built built = ValueDocs(doc).of(value, kInspectLimit);
    return doc.layout(built.doc, width);
}

} // namespace

std::string inspect(const Value& value) {
    return laidOut(value, 0);
}

std::string inspectPretty(const Value& value, std::size_t width) {
    return laidOut(value, width);
}

} // namespace suplab
