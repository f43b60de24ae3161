#include "ChildSpecCheck.h"

#include <unordered_set>

namespace suplab {

namespace {
Reason term(std::string text) {
    return Reason::word(std::move(text));
}
} // namespace

std::optional<Reason> childSpecError(const NodeSpec& spec,
                                     std::optional<AutoShutdown> autoShutdown) {
    // OTP's order (§2.2): id, start, restart, significant, type, shutdown, modules.
    if (spec.id.empty()) return term("missing_id");
    if (spec.significant) {
        if (autoShutdown == AutoShutdown::Never)
            return term("{bad_combination,[{auto_shutdown,never},{significant,true}]}");
        if (spec.restart == RestartType::Permanent)
            return term("{bad_combination,[{restart,permanent},{significant,true}]}");
    }
    if (spec.shutdown.kind == ShutdownSpec::Kind::Timeout && spec.shutdown.ms < 0)
        return term("{invalid_shutdown," + std::to_string(spec.shutdown.ms) + "}");
    return std::nullopt;
}

std::optional<Reason> childSpecsError(const std::vector<NodePtr>& specs,
                                      std::optional<AutoShutdown> autoShutdown) {
    std::unordered_set<std::string> seen;
    for (const auto& spec : specs) {
        if (!spec) return term("{invalid_child_spec,undefined}");
        if (auto error = childSpecError(*spec, autoShutdown)) return error;
        if (!seen.insert(spec->id).second) return term("{duplicate_child_name," + spec->id + "}");
    }
    return std::nullopt;
}

std::optional<Reason> dynamicChildSpecError(const NodeSpec& spec) {
    if (spec.significant) return term("{invalid_significant,true}");
    return childSpecError(spec, std::nullopt);
}

std::optional<Reason> supervisorFlagsError(const NodeSpec& sup) {
    if (sup.max_restarts < 0)
        return term("{invalid_intensity," + std::to_string(sup.max_restarts) + "}");
    if (sup.max_seconds <= 0)
        return term("{invalid_period," + std::to_string(sup.max_seconds) + "}");
    if (sup.type == NodeType::DynamicSupervisor && sup.max_children < -1)
        return term("{invalid_max_children," + std::to_string(sup.max_children) + "}");
    return std::nullopt;
}

} // namespace suplab
