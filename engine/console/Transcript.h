#pragma once
// An iex session as the lesson prints it: each `iex>` line is an input, the lines
// under it are what iex answered, and `# ` lines before it say what the line is for.
// The lesson's examples (resources/lessons/) and pasted sessions are read this way.

#include <string>
#include <string_view>
#include <vector>

namespace suplab::console {

struct TranscriptLine {
    /// The `# ` comments written just before the input, joined by newlines.
    std::string narration;
    /// What is typed after the prompt (`Counter.get_count()`).
    std::string input;
    /// What iex printed for it, as written (pids as they were); empty when not given.
    std::string expected;
};

/// The inputs of `text` in order. A text with no `iex>` prompt at all is read as one
/// input per non-blank line (`narration` and `expected` empty).
std::vector<TranscriptLine> parseTranscript(std::string_view text);

/// `text` with every pid written as `#PID<...>`: iex's pids are not SupLab's.
std::string withoutPids(std::string text);

} // namespace suplab::console
