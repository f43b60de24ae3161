#pragma once
// Every enum of the engine that has names in files (scenario format, traces) has
// toString(Enum) beside it and lists its values once, as allOf<Enum>(); fromString
// reads a name back through the same table, so the names live in one place.

#include <optional>
#include <string_view>

namespace suplab {

template <class Enum> constexpr auto allOf();

/// The value whose toString is `name`, or nullopt.
template <class Enum> std::optional<Enum> fromString(std::string_view name) {
    for (Enum e : allOf<Enum>())
        if (name == toString(e)) return e;
    return std::nullopt;
}

} // namespace suplab
