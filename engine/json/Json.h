#pragma once
// A strict JSON reader (RFC 8259) that keeps where each value came from, so the
// scenario loader can point at the exact line and column of a problem. It
// refuses what would hurt the engine: deep nesting, invalid UTF-8, duplicate keys.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace suplab::json {

struct Location {
    int line = 1;
    int column = 1;
};

struct Member;

class Value {
  public:
    enum class Type : unsigned char { Null, Bool, Number, String, Array, Object };

    Type type = Type::Null;
    Location at;
    bool boolean = false;
    std::string text;  // String: the decoded string; Number: the literal as written
    double number = 0; // Number
    std::optional<std::int64_t> integer; // Number written as an integer that fits int64
    std::vector<Value> items;            // Array
    std::vector<Member> members;         // Object, in file order

    const Value* find(std::string_view key) const;
    bool isString() const { return type == Type::String; }
    bool isObject() const { return type == Type::Object; }
    bool isArray() const { return type == Type::Array; }
    /// The value written back as compact JSON.
    std::string dump() const;
    /// A short description for messages: `"forever"`, `12`, `an object`, ...
    std::string describe() const;
};

/// One `"key": value` of an object. (A named struct, not a std::pair: a pair of an
/// incomplete Value cannot be named inside Value itself on every compiler.)
struct Member {
    std::string key;
    Value value;
};

struct ParseError {
    Location at;
    std::string message;
};

struct ParseResult {
    std::optional<Value> value;
    std::optional<ParseError> error;
};

inline constexpr int kMaxDepth = 256;

ParseResult parse(std::string_view text);

} // namespace suplab::json

namespace suplab {

/// JSON string escaping (RFC 8259), quotes included.
std::string jsonQuote(std::string_view text);

} // namespace suplab
