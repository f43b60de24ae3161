#pragma once
// A whole file as text, for the commands that read one (import, console, parse).

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace suplab {

/// The bytes of `file`, or nothing when it cannot be opened.
inline std::optional<std::string> fileText(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace suplab
