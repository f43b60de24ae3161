#include "Transcript.h"

#include <regex>

namespace suplab::console {

namespace {

std::string_view trimmedRight(std::string_view s) {
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

/// The input after an `iex>` or `iex(3)>` prompt, or nothing when `line` has none.
bool afterPrompt(std::string_view line, std::string& input) {
    std::size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos || line.substr(i, 3) != "iex") return false;
    i += 3;
    if (i < line.size() && line[i] == '(') {
        const std::size_t close = line.find(')', i);
        if (close == std::string_view::npos) return false;
        for (std::size_t d = i + 1; d < close; ++d)
            if (line[d] < '0' || line[d] > '9') return false;
        i = close + 1;
    }
    if (i >= line.size() || line[i] != '>') return false;
    ++i;
    if (i < line.size() && line[i] == ' ') ++i;
    input = std::string(line.substr(i));
    return true;
}

bool isComment(std::string_view line) {
    return line == "#" || line.starts_with("# ");
}

} // namespace

std::vector<TranscriptLine> parseTranscript(std::string_view text) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(trimmedRight(text.substr(start, end - start)));
        start = end + 1;
    }
    std::vector<TranscriptLine> out;
    std::string input;
    bool prompted = false;
    for (std::string_view line : lines)
        prompted |= afterPrompt(line, input);
    if (!prompted) {
        for (std::string_view line : lines)
            if (line.find_first_not_of(" \t") != std::string_view::npos)
                out.push_back({{}, std::string(line), {}});
        return out;
    }
    std::string narration;
    bool inOutput = false; // reading what iex printed for the last input
    int blanks = 0;        // blank lines inside that output, kept unless it ends there
    for (std::string_view line : lines) {
        if (afterPrompt(line, input)) {
            out.push_back({narration, input, {}});
            narration.clear();
            inOutput = true;
            blanks = 0;
        } else if (isComment(line)) {
            inOutput = false;
            if (!narration.empty()) narration += '\n';
            narration += line.size() > 2 ? std::string(line.substr(2)) : std::string();
        } else if (line.empty()) {
            ++blanks;
        } else if (inOutput) {
            std::string& expected = out.back().expected;
            if (!expected.empty()) expected += std::string(std::size_t(blanks) + 1, '\n');
            expected += line;
            blanks = 0;
        }
    }
    return out;
}

std::string withoutPids(std::string text) {
    static const std::regex pid(R"(#PID<[0-9.]+>)");
    return std::regex_replace(text, pid, "#PID<...>");
}

} // namespace suplab::console
