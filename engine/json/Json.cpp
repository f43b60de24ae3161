#include "Json.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace suplab::json {

const Value* Value::find(std::string_view key) const {
    for (const auto& [k, v] : members)
        if (k == key) return &v;
    return nullptr;
}

std::string Value::dump() const {
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return boolean ? "true" : "false";
    case Type::Number:
        return text;
    case Type::String:
        return jsonQuote(text);
    case Type::Array: {
        std::string out = "[";
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i) out += ',';
            out += items[i].dump();
        }
        return out + "]";
    }
    case Type::Object: {
        std::string out = "{";
        for (std::size_t i = 0; i < members.size(); ++i) {
            if (i) out += ',';
            out += jsonQuote(members[i].key) + ":" + members[i].value.dump();
        }
        return out + "}";
    }
    }
    return {};
}

std::string Value::describe() const {
    switch (type) {
    case Type::Null:
        return "null";
    case Type::Bool:
        return boolean ? "true" : "false";
    case Type::Number:
        return text.size() > 40 ? text.substr(0, 40) + "..." : text;
    case Type::String: {
        std::string shown = text.size() > 40 ? text.substr(0, 40) + "..." : text;
        return jsonQuote(shown);
    }
    case Type::Array:
        return "an array";
    case Type::Object:
        return "an object";
    }
    return {};
}

namespace {

class Parser {
  public:
    explicit Parser(std::string_view text) : s_(text) {}

    ParseResult run() {
        ParseResult result;
        skipSpace();
        if (pos_ >= s_.size()) {
            fail("empty document: expected a JSON object");
            result.error = error_;
            return result;
        }
        Value v;
        if (!parseValue(v, 0)) {
            result.error = error_;
            return result;
        }
        skipSpace();
        if (pos_ < s_.size()) {
            fail("unexpected " + peekDescription() + " after the end of the document");
            result.error = error_;
            return result;
        }
        result.value = std::move(v);
        return result;
    }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
    int line_ = 1;
    std::size_t lineStart_ = 0;
    std::size_t cachePos_ = 0;
    int cacheCol_ = 1;
    ParseError error_;

    Location here() {
        // Columns count characters (UTF-8 sequences), not bytes. Counted on from the
        // last call, so a whole file on one line stays linear.
        if (cachePos_ < lineStart_ || cachePos_ > pos_) {
            cachePos_ = lineStart_;
            cacheCol_ = 1;
        }
        for (; cachePos_ < pos_ && cachePos_ < s_.size(); ++cachePos_)
            if ((static_cast<unsigned char>(s_[cachePos_]) & 0xC0) != 0x80) ++cacheCol_;
        return {line_, cacheCol_};
    }

    bool fail(std::string message) {
        error_ = {here(), std::move(message)};
        return false;
    }

    std::string peekDescription() const {
        if (pos_ >= s_.size()) return "end of file";
        const unsigned char c = static_cast<unsigned char>(s_[pos_]);
        if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
        char buf[16];
        std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
        return buf;
    }

    void skipSpace() {
        while (pos_ < s_.size()) {
            const char c = s_[pos_];
            if (c == '\n') {
                ++line_;
                ++pos_;
                lineStart_ = pos_;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                ++pos_;
            } else {
                break;
            }
        }
    }

    bool parseValue(Value& v, int depth) {
        if (depth > kMaxDepth)
            return fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
        skipSpace();
        v.at = here();
        if (pos_ >= s_.size()) return fail("unexpected end of file: expected a value");
        const char c = s_[pos_];
        if (c == '{') return parseObject(v, depth);
        if (c == '[') return parseArray(v, depth);
        if (c == '"') {
            v.type = Value::Type::String;
            return parseString(v.text);
        }
        if (c == '-' || (c >= '0' && c <= '9')) return parseNumber(v);
        if (literal("true")) {
            v.type = Value::Type::Bool;
            v.boolean = true;
            return true;
        }
        if (literal("false")) {
            v.type = Value::Type::Bool;
            return true;
        }
        if (literal("null")) return true;
        return fail("unexpected " + peekDescription() + ": expected a value");
    }

    bool literal(std::string_view word) {
        if (s_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    bool parseObject(Value& v, int depth) {
        v.type = Value::Type::Object;
        ++pos_;
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == '}') {
            ++pos_;
            return true;
        }
        for (;;) {
            skipSpace();
            if (pos_ >= s_.size() || s_[pos_] != '"')
                return fail("unexpected " + peekDescription() + ": expected a string key");
            const Location keyAt = here();
            std::string key;
            if (!parseString(key)) return false;
            for (const auto& m : v.members)
                if (m.key == key) {
                    error_ = {keyAt, "duplicate key " + jsonQuote(key)};
                    return false;
                }
            skipSpace();
            if (pos_ >= s_.size() || s_[pos_] != ':')
                return fail("unexpected " + peekDescription() + ": expected ':'");
            ++pos_;
            Value member;
            if (!parseValue(member, depth + 1)) return false;
            v.members.push_back(Member{std::move(key), std::move(member)});
            skipSpace();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == '}') {
                ++pos_;
                return true;
            }
            return fail("unexpected " + peekDescription() + ": expected ',' or '}'");
        }
    }

    bool parseArray(Value& v, int depth) {
        v.type = Value::Type::Array;
        ++pos_;
        skipSpace();
        if (pos_ < s_.size() && s_[pos_] == ']') {
            ++pos_;
            return true;
        }
        for (;;) {
            Value item;
            if (!parseValue(item, depth + 1)) return false;
            v.items.push_back(std::move(item));
            skipSpace();
            if (pos_ < s_.size() && s_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < s_.size() && s_[pos_] == ']') {
                ++pos_;
                return true;
            }
            return fail("unexpected " + peekDescription() + ": expected ',' or ']'");
        }
    }

    static void appendUtf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    bool hex4(std::uint32_t& out) {
        out = 0;
        for (int i = 0; i < 4; ++i) {
            if (pos_ >= s_.size()) return fail("unexpected end of file in a \\u escape");
            const char c = s_[pos_++];
            out <<= 4;
            if (c >= '0' && c <= '9')
                out |= static_cast<std::uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                out |= static_cast<std::uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                out |= static_cast<std::uint32_t>(c - 'A' + 10);
            else {
                --pos_;
                return fail("invalid \\u escape");
            }
        }
        return true;
    }

    // Validates one UTF-8 sequence starting at pos_ and copies it.
    bool utf8(std::string& out) {
        const auto b0 = static_cast<unsigned char>(s_[pos_]);
        int len = 0;
        std::uint32_t cp = 0;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            len = 2;
            cp = b0 & 0x1F;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            len = 3;
            cp = b0 & 0x0F;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            len = 4;
            cp = b0 & 0x07;
        } else
            return fail("invalid UTF-8 (byte 0x" + hexByte(b0) + ")");
        if (pos_ + static_cast<std::size_t>(len) > s_.size())
            return fail("invalid UTF-8 (truncated sequence)");
        for (int i = 1; i < len; ++i) {
            const auto b = static_cast<unsigned char>(s_[pos_ + static_cast<std::size_t>(i)]);
            if ((b & 0xC0) != 0x80) return fail("invalid UTF-8 (bad continuation byte)");
            cp = (cp << 6) | (b & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return fail("invalid UTF-8 (overlong or surrogate)");
        out.append(s_.substr(pos_, static_cast<std::size_t>(len)));
        pos_ += static_cast<std::size_t>(len);
        return true;
    }

    static std::string hexByte(unsigned char b) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02X", b);
        return buf;
    }

    bool parseString(std::string& out) {
        ++pos_; // opening quote
        for (;;) {
            if (pos_ >= s_.size()) return fail("unexpected end of file inside a string");
            const auto c = static_cast<unsigned char>(s_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c < 0x20)
                return fail("control character (byte 0x" + hexByte(c) + ") inside a string");
            if (c == '\\') {
                ++pos_;
                if (pos_ >= s_.size()) return fail("unexpected end of file inside a string");
                const char e = s_[pos_++];
                switch (e) {
                case '"':
                    out += '"';
                    break;
                case '\\':
                    out += '\\';
                    break;
                case '/':
                    out += '/';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'n':
                    out += '\n';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'u': {
                    std::uint32_t cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        std::uint32_t low;
                        if (s_.substr(pos_, 2) != "\\u")
                            return fail("unpaired surrogate in a \\u escape");
                        pos_ += 2;
                        if (!hex4(low)) return false;
                        if (low < 0xDC00 || low > 0xDFFF)
                            return fail("unpaired surrogate in a \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return fail("unpaired surrogate in a \\u escape");
                    }
                    appendUtf8(out, cp);
                    break;
                }
                default:
                    --pos_;
                    return fail("invalid escape '\\" + std::string(1, e) + "'");
                }
                continue;
            }
            if (c < 0x80) {
                out += static_cast<char>(c);
                ++pos_;
            } else if (!utf8(out)) {
                return false;
            }
        }
    }

    bool parseNumber(Value& v) {
        v.type = Value::Type::Number;
        const std::size_t start = pos_;
        bool integral = true;
        if (s_[pos_] == '-') ++pos_;
        if (pos_ >= s_.size() || !isDigit(s_[pos_]))
            return fail("invalid number: expected a digit");
        if (s_[pos_] == '0') {
            ++pos_;
            if (pos_ < s_.size() && isDigit(s_[pos_])) return fail("invalid number: leading zero");
        } else {
            while (pos_ < s_.size() && isDigit(s_[pos_]))
                ++pos_;
        }
        if (pos_ < s_.size() && s_[pos_] == '.') {
            integral = false;
            ++pos_;
            if (pos_ >= s_.size() || !isDigit(s_[pos_]))
                return fail("invalid number: expected a digit after '.'");
            while (pos_ < s_.size() && isDigit(s_[pos_]))
                ++pos_;
        }
        if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
            integral = false;
            ++pos_;
            if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
            if (pos_ >= s_.size() || !isDigit(s_[pos_]))
                return fail("invalid number: expected an exponent");
            while (pos_ < s_.size() && isDigit(s_[pos_]))
                ++pos_;
        }
        v.text = std::string(s_.substr(start, pos_ - start));
        errno = 0;
        v.number = std::strtod(v.text.c_str(), nullptr);
        if (integral && v.text.size() <= 20) {
            errno = 0;
            char* end = nullptr;
            const long long n = std::strtoll(v.text.c_str(), &end, 10);
            if (errno == 0 && end && *end == '\0') v.integer = n;
        }
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
};

} // namespace

ParseResult parse(std::string_view text) {
    // A UTF-8 byte order mark is tolerated; anything else before the value is not.
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    return Parser(text).run();
}

} // namespace suplab::json

namespace suplab {

std::string jsonQuote(std::string_view text) {
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buf[8];
                std::snprintf(buf, sizeof buf, "\\u%04x", c);
                out += buf;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    out += '"';
    return out;
}

} // namespace suplab
