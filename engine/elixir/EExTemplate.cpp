#include "EExTemplate.h"

#include <algorithm>
#include <cctype>
#include <memory>

namespace suplab::elixir {

namespace {

/// A template as a tree: text, output tags that stand for a name, and blocks.
struct Segment {
    enum class Kind : unsigned char { Text, Tag, Block };
    Kind kind = Kind::Text;
    std::string text;      // Text: as written; Tag: the whole tag (`<%= @app_module %>`)
    std::string condition; // Block: `@ecto` of `<%= if @ecto do %>`
    std::string keyword;   // Block: if, unless, or empty for a block kept as it is (for, case)
    std::vector<Segment> body;
    std::vector<Segment> otherwise; // after `<% else %>`
};

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

std::string newlinesOf(std::string_view s) {
    return std::string(static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')), '\n');
}

/// Reads the template into segments, up to the `<% end %>` closing `depth`'s block.
class Reader {
  public:
    explicit Reader(std::string_view source) : source_(source) {}

    /// The segments until an `end` (or `else`) tag at this level, or the end of the text.
    /// `stop` is set to "end", "else" or empty (the end of the text).
    std::vector<Segment> read(std::string& stop, int depth) {
        std::vector<Segment> out;
        stop.clear();
        while (at_ < source_.size()) {
            const auto open = source_.find("<%", at_);
            if (open == std::string_view::npos) {
                text(out, source_.substr(at_));
                at_ = source_.size();
                break;
            }
            text(out, source_.substr(at_, open - at_));
            const auto close = source_.find("%>", open + 2);
            if (close == std::string_view::npos) { // unterminated: the rest is text
                text(out, source_.substr(open));
                at_ = source_.size();
                break;
            }
            const std::string_view tag = source_.substr(open, close + 2 - open);
            at_ = close + 2;
            std::string_view inner = tag.substr(2, tag.size() - 4);
            const bool output = !inner.empty() && inner[0] == '=';
            if (!inner.empty() && (inner[0] == '=' || inner[0] == '#' || inner[0] == '%'))
                inner.remove_prefix(1);
            if (tag.starts_with("<%#") || tag.starts_with("<%%")) { // a comment, `<%%`
                text(out, newlinesOf(tag));
                continue;
            }
            const std::string code = trimmed(inner);
            if (code == "end" || code == "else") {
                if (depth > 0) {
                    stop = code;
                    pendingNewlines_ = newlinesOf(tag);
                    return out;
                }
                text(out, newlinesOf(tag)); // unbalanced: left out
                continue;
            }
            if (code.ends_with(" do") || code.ends_with("->")) {
                Segment block;
                block.kind = Segment::Kind::Block;
                for (const char* keyword : {"if ", "unless "})
                    if (code.starts_with(keyword) && code.ends_with(" do")) {
                        block.keyword = trimmed(keyword);
                        block.condition = trimmed(std::string_view(code).substr(
                            block.keyword.size(), code.size() - block.keyword.size() - 3));
                    }
                block.text = newlinesOf(tag);
                if (depth > 32) return out; // nested beyond reason: stop reading
                std::string inner_stop;
                block.body = read(inner_stop, depth + 1);
                if (!pendingNewlines_.empty()) {
                    text(block.body, pendingNewlines_);
                    pendingNewlines_.clear();
                }
                if (inner_stop == "else") {
                    block.otherwise = read(inner_stop, depth + 1);
                    if (!pendingNewlines_.empty()) {
                        text(block.otherwise, pendingNewlines_);
                        pendingNewlines_.clear();
                    }
                }
                out.push_back(std::move(block));
                continue;
            }
            if (output) {
                Segment t;
                t.kind = Segment::Kind::Tag;
                t.text = std::string(tag);
                out.push_back(std::move(t));
            } else {
                text(out, newlinesOf(tag)); // code run at rendering: left out
            }
        }
        return out;
    }

  private:
    static void text(std::vector<Segment>& out, std::string_view s) {
        if (s.empty()) return;
        if (!out.empty() && out.back().kind == Segment::Kind::Text)
            out.back().text += s;
        else
            out.push_back({Segment::Kind::Text, std::string(s), {}, {}, {}, {}});
    }

    std::string_view source_;
    std::size_t at_ = 0;
    std::string pendingNewlines_; // of the `end`/`else` tag that stopped a block
};

/// Writes segments as Elixir.
class Writer {
  public:
    std::string out;
    std::vector<std::pair<std::string, std::string>> tags;

    void write(const std::vector<Segment>& segments) {
        for (const Segment& s : segments) {
            switch (s.kind) {
            case Segment::Kind::Text:
                out += s.text;
                break;
            case Segment::Kind::Tag:
                out += placeholder(s.text);
                break;
            case Segment::Kind::Block:
                block(s);
                break;
            }
        }
    }

  private:
    /// The alias standing for `tag`: one per tag as shown, so two tags that show alike
    /// (`<%= @a %>` and `<%= @a\n%>`) never make two ids that read the same.
    std::string placeholder(const std::string& tag) {
        const std::string text = shown(tag);
        for (const auto& [alias, written] : tags)
            if (written == text) return alias + newlinesOf(tag);
        tags.emplace_back("EExTag" + std::to_string(tags.size()) + "_", text);
        return tags.back().first + newlinesOf(tag);
    }

    /// A tag as ids may hold it: one line of printable ASCII (other bytes become '?', so
    /// an id is always valid UTF-8) and no '/' (ids are joined by '/' in paths).
    static std::string shown(const std::string& tag) {
        std::string out;
        for (const char c : tag) {
            const auto byte = static_cast<unsigned char>(c);
            if (c == '/')
                out += "\u2215";
            else if (c == '\n' || c == '\r' || c == '\t')
                out += ' ';
            else if (byte < 0x20 || byte >= 0x7f)
                out += '?';
            else
                out += c;
        }
        return out;
    }

    void block(const Segment& b) {
        if (b.keyword.empty()) { // for, case: the body as it is
            out += b.text;
            write(b.body);
            write(b.otherwise);
            return;
        }
        if (inList()) {
            const std::string yes = b.keyword == "if" ? "if" : "unless";
            const std::string no = b.keyword == "if" ? "unless" : "if";
            out += b.text;
            elements(b.body, yes, b.condition);
            elements(b.otherwise, no, b.condition);
            return;
        }
        const auto lineStart = out.rfind('\n');
        const std::string_view line =
            std::string_view(out).substr(lineStart == std::string::npos ? 0 : lineStart + 1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) out += "; ";
        out += b.keyword + " " + b.condition + " do " + b.text;
        write(b.body);
        if (!b.otherwise.empty()) {
            out += " else ";
            write(b.otherwise);
        }
        out += " end ";
    }

    /// Each element of a list the segments write, as `if(condition, do: element)`.
    void elements(const std::vector<Segment>& segments, const std::string& keyword,
                  const std::string& condition) {
        Writer inner;
        inner.tags = tags;
        inner.out = "[";
        inner.write(segments);
        tags = inner.tags;
        const std::string body = inner.out.substr(1);
        // Split at the commas outside brackets, strings and comments.
        std::string piece;
        int depth = 0;
        char quote = 0;
        bool comment = false;
        auto flush = [&](bool comma) {
            const auto first = piece.find_first_not_of(" \t\r\n");
            if (first == std::string::npos) {
                out += piece;
            } else {
                const auto last = piece.find_last_not_of(" \t\r\n");
                out += piece.substr(0, first) + keyword + "(" + condition +
                       ", do: " + piece.substr(first, last - first + 1) + ")" +
                       piece.substr(last + 1);
            }
            if (comma) out += ",";
            piece.clear();
        };
        for (std::size_t i = 0; i < body.size(); ++i) {
            const char c = body[i];
            if (comment) {
                if (c == '\n') {
                    comment = false;
                    piece += c;
                } else {
                    piece += ' '; // a comment would swallow the closing parenthesis
                }
                continue;
            }
            if (quote) {
                piece += c;
                if (c == '\\' && i + 1 < body.size()) {
                    piece += body[++i];
                } else if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                comment = true;
                piece += ' ';
                continue;
            } else if (c == '[' || c == '(' || c == '{') {
                ++depth;
            } else if ((c == ']' || c == ')' || c == '}') && depth > 0) {
                --depth;
            } else if (c == ',' && depth == 0) {
                flush(true);
                continue;
            }
            piece += c;
        }
        flush(false);
    }

    /// Whether the innermost bracket open at the end of the output is a list's `[`.
    bool inList() {
        // The output only grows: read on from where the last question stopped.
        for (; scanned_ < out.size(); ++scanned_) {
            const char c = out[scanned_];
            if (comment_) {
                comment_ = c != '\n';
            } else if (quote_) {
                if (c == '\\')
                    ++scanned_;
                else if (c == quote_)
                    quote_ = 0;
            } else if (c == '"' || c == '\'') {
                quote_ = c;
            } else if (c == '#') {
                comment_ = true;
            } else if (c == '[' || c == '(' || c == '{') {
                open_.push_back(c);
            } else if ((c == ']' || c == ')' || c == '}') && !open_.empty()) {
                open_.pop_back();
            }
        }
        return !open_.empty() && open_.back() == '[';
    }

    // Where inList() has read the output to, and what it found open there.
    std::size_t scanned_ = 0;
    std::vector<char> open_;
    char quote_ = 0;
    bool comment_ = false;
};

} // namespace

bool looksLikeEEx(std::string_view source) {
    // A tag in the code itself: not in a string, a heredoc (a LiveView's ~H"""...""" holds
    // EEx of its own) or a comment.
    for (std::size_t i = 0; i < source.size(); ++i) {
        const char c = source[i];
        if (c == '#') {
            i = source.find('\n', i);
            if (i == std::string_view::npos) return false;
        } else if (source.substr(i, 3) == "\"\"\"" || source.substr(i, 3) == "'''") {
            i = source.find(source.substr(i, 3), i + 3);
            if (i == std::string_view::npos) return false;
            i += 2;
        } else if (c == '"' || c == '\'') {
            for (++i; i < source.size() && source[i] != c; ++i)
                if (source[i] == '\\') ++i;
        } else if (source.substr(i, 2) == "<%") {
            return source.find("%>", i) != std::string_view::npos;
        }
    }
    return false;
}

EExRendering renderEEx(std::string_view source) {
    Reader reader(source);
    std::string stop;
    const std::vector<Segment> segments = reader.read(stop, 0);
    Writer writer;
    writer.write(segments);
    return {std::move(writer.out), std::move(writer.tags)};
}

std::string withTags(std::string text, const EExRendering& rendering) {
    for (const auto& [alias, tag] : rendering.tags)
        for (auto at = text.find(alias); at != std::string::npos;
             at = text.find(alias, at + tag.size()))
            text.replace(at, alias.size(), tag);
    return text;
}

} // namespace suplab::elixir
