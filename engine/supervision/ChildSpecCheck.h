#pragma once
// OTP's check_childspecs and the flags' check (otp-semantics.md §2.2, §2.3) for
// specs given through the API (start_child, a code change): the first problem,
// as the term OTP returns for it. A NodeSpec cannot hold most of what OTP checks
// (a restart type that is not one, a start that is not an MFA, ...): the scenario
// loader refuses those in the file; what is left is checked here.

#include "base/Reason.h"
#include "supervision/NodeSpec.h"

#include <optional>
#include <vector>

namespace suplab {

/// check_childspec for one spec under a supervisor whose auto_shutdown is
/// `autoShutdown` (nullopt: check_childspecs/1, only the permanent rule applies):
/// missing_id, {bad_combination,[...]}, {invalid_shutdown,S}.
std::optional<Reason> childSpecError(const NodeSpec& spec,
                                     std::optional<AutoShutdown> autoShutdown);

/// check_childspecs(List, AutoShutdown): each spec left to right, then its id must
/// not have appeared before ({duplicate_child_name,Id}).
std::optional<Reason> childSpecsError(const std::vector<NodePtr>& specs,
                                      std::optional<AutoShutdown> autoShutdown);

/// A child of a DynamicSupervisor: as Elixir 1.15+ does, a significant one is
/// refused with {invalid_significant,true} (it has no auto_shutdown); then as above.
std::optional<Reason> dynamicChildSpecError(const NodeSpec& spec);

/// The supervisor flags of `sup`: {invalid_intensity,I}, {invalid_period,P}, and for
/// a dynamic supervisor {invalid_max_children,M}.
std::optional<Reason> supervisorFlagsError(const NodeSpec& sup);

} // namespace suplab
