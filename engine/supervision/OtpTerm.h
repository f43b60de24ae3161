#pragma once
// Erlang's printed form (~0p) of what OTP's start_child returns when a start
// fails: {Reason, ChildRecord}. The reference runner prints that term in its
// `error start_child` lines, so the trace must too.

#include "base/Reason.h"
#include "supervision/NodeSpec.h"

#include <string>

namespace suplab {

/// `{start_error,{child,undefined,<<"y">>,{'Elixir.Oracle.Worker',start_link,[...]},...}}`
std::string otpStartChildError(const Reason& reason, const std::string& parentPath,
                               const NodeSpec& node);

} // namespace suplab
