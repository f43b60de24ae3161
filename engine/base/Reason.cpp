#include "Reason.h"

#include <optional>

namespace suplab {

namespace {

bool isWordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isWord(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!isWordChar(c)) return false;
    return true;
}

} // namespace

const std::string& Reason::noDetail() {
    static const std::string none;
    return none;
}

Reason Reason::failedToStartChild(std::string id, Reason why) {
    Reason r(Kind::FailedToStartChild, std::move(id));
    r.inner_ = std::make_shared<const Reason>(std::move(why));
    return r;
}

Reason Reason::word(std::string w) {
    if (w == "normal") return normal();
    if (w == "shutdown") return shutdown();
    if (w == "kill") return kill();
    if (w == "killed") return killed();
    if (w == "noproc") return noproc();
    return Reason(Kind::Word, std::move(w));
}

bool Reason::isValidText(std::string_view text) {
    constexpr std::string_view prefix = "{shutdown,";
    if (text.starts_with(prefix) && text.ends_with("}"))
        return isWord(text.substr(prefix.size(), text.size() - prefix.size() - 1));
    return isWord(text);
}

Reason Reason::parse(std::string_view text) {
    constexpr std::string_view prefix = "{shutdown,";
    if (text.starts_with(prefix) && text.ends_with("}"))
        return shutdownWith(
            std::string(text.substr(prefix.size(), text.size() - prefix.size() - 1)));
    return word(std::string(text));
}

std::string Reason::format() const {
    switch (kind_) {
    case Kind::Normal:
        return "normal";
    case Kind::Shutdown:
        return "shutdown";
    case Kind::ShutdownWith:
        return "{shutdown," + detail() + "}";
    case Kind::Kill:
        return "kill";
    case Kind::Killed:
        return "killed";
    case Kind::Noproc:
        return "noproc";
    case Kind::FailedToStartChild:
        return "{shutdown,failed_to_start_child," + detail() + "}";
    case Kind::Word:
        return detail();
    }
    return detail();
}

std::string Reason::term() const {
    if (kind_ != Kind::FailedToStartChild) return format();
    std::string id = "<<\"";
    for (char c : detail()) {
        if (c == '"' || c == '\\') id += '\\';
        id += c;
    }
    return "{shutdown,{failed_to_start_child," + id + "\">>," +
           (inner_ ? inner_->term() : std::string("undefined")) + "}}";
}

} // namespace suplab
