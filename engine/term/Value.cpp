#include "Value.h"

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

/// A tuple, list or map as iex lays it out: its brackets, and each element with what
/// comes before it (`key: ` in a keyword list or an atom-keyed map, `key => ` in a map).
struct Container {
    std::string open, close;
    std::vector<std::pair<std::string, const Value*>> items;
};

std::optional<Container> containerOf(const Value& value) {
    Container c;
    switch (value.kind) {
    case Value::Kind::Tuple:
        c.open = "{";
        c.close = "}";
        for (const Value& item : value.items)
            c.items.emplace_back(std::string(), &item);
        return c;
    case Value::Kind::List: {
        if (isPrintableCharlist(value.items)) return std::nullopt;
        c.open = "[";
        c.close = "]";
        const bool keywords = isKeywordList(value.items);
        for (const Value& item : value.items) {
            if (keywords)
                c.items.emplace_back(keywordKey(item.items[0].text), &item.items[1]);
            else
                c.items.emplace_back(std::string(), &item);
        }
        return c;
    }
    case Value::Kind::Map: {
        c.open = "%{";
        c.close = "}";
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
        for (std::size_t i : order)
            c.items.emplace_back(atomKeys ? keywordKey(value.items[i].text)
                                          : inspect(value.items[i]) + " => ",
                                 &value.items[i + 1]);
        return c;
    }
    default:
        return std::nullopt;
    }
}

// Flat when it fits in what is left of the line (its trailing comma included);
// otherwise each element on a line of its own, two spaces in, as iex does at width 80.
std::string pretty(const Value& value, std::size_t column, std::size_t trailing,
                   std::size_t width) {
    std::string flat = inspect(value);
    if (column + flat.size() + trailing <= width) return flat;
    const auto c = containerOf(value);
    if (!c || c->items.empty()) return flat;
    const std::string inner(column + 2, ' ');
    std::string out = c->open + "\n";
    for (std::size_t i = 0; i < c->items.size(); ++i) {
        const bool last = i + 1 == c->items.size();
        const auto& [prefix, item] = c->items[i];
        out += inner + prefix + pretty(*item, column + 2 + prefix.size(), last ? 0 : 1, width) +
               (last ? "\n" : ",\n");
    }
    return out + std::string(column, ' ') + c->close;
}

} // namespace

std::string inspect(const Value& value) {
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
    case Value::Kind::List:
        if (isPrintableCharlist(value.items)) {
            std::string chars;
            for (const Value& c : value.items)
                chars += static_cast<char>(c.integer);
            return quoted(chars, '\'');
        }
        [[fallthrough]];
    case Value::Kind::Tuple:
    case Value::Kind::Map: {
        const auto c = containerOf(value);
        std::string out = c->open;
        for (std::size_t i = 0; i < c->items.size(); ++i)
            out += (i ? ", " : "") + c->items[i].first + inspect(*c->items[i].second);
        return out + c->close;
    }
    }
    return {};
}

std::string inspectPretty(const Value& value, std::size_t width) {
    return pretty(value, 0, 0, width);
}

} // namespace suplab
