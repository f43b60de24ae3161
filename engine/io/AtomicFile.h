#pragma once
// Writes a file whole or not at all: into a temporary file beside the target,
// flushed, then renamed over it. A failure leaves the target untouched.

#include <string>
#include <string_view>

namespace suplab {

/// Empty on success; otherwise why it failed, naming the file.
std::string writeFileAtomically(const std::string& path, std::string_view contents);

} // namespace suplab
