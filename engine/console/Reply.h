#pragma once
// What the console answers to one line.

#include <string>

namespace suplab::console {

struct Reply {
    bool ok = true;
    /// The value as iex prints it, or the error as iex words it (`** (MatchError) ...`).
    std::string text;
    /// The path of the process the line last acted on or asked about (`Counter` for
    /// `Counter.increment(10)`), for the GUI to show; empty when it touched none.
    std::string focus;
};

} // namespace suplab::console
