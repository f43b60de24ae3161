#include "OtpTerm.h"

#include "json/Json.h"

#include <algorithm>

namespace suplab {

namespace {

std::string binary(const std::string& s) {
    std::string out = "<<\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\">>";
}

// json2term.py's mapping, printed as ~0p prints it: maps sorted by key, " => ".
std::string term(const json::Value& v) {
    using T = json::Value::Type;
    switch (v.type) {
    case T::Null:
        return "null";
    case T::Bool:
        return v.boolean ? "true" : "false";
    case T::Number:
        return v.text;
    case T::String:
        return binary(v.text);
    case T::Array: {
        std::string out = "[";
        for (std::size_t i = 0; i < v.items.size(); ++i)
            out += (i ? "," : "") + term(v.items[i]);
        return out + "]";
    }
    case T::Object: {
        auto members = v.members;
        std::sort(members.begin(), members.end(),
                  [](const auto& a, const auto& b) { return a.key < b.key; });
        std::string out = "#{";
        for (std::size_t i = 0; i < members.size(); ++i)
            out += (i ? "," : "") + binary(members[i].key) + " => " + term(members[i].value);
        return out + "}";
    }
    }
    return {};
}

} // namespace

std::string otpStartChildError(const Reason& reason, const std::string& parentPath,
                               const NodeSpec& node) {
    const char* module = node.type == NodeType::Worker       ? "'Elixir.Oracle.Worker'"
                         : node.type == NodeType::Supervisor ? "'Elixir.Oracle.Sup'"
                                                             : "'Elixir.Oracle.DynSup'";
    // The record as given, arguments included, temporary or not: only the record OTP
    // stores for a temporary child drops them (checked on the reference runner).
    const auto parsed = json::parse(node.source_json);
    const std::string args = "[" + binary(parentPath + "/" + node.id) + "," +
                             (parsed.value ? term(*parsed.value) : std::string("#{}")) + "]";
    return "{" + reason.term() + ",{child,undefined," + binary(node.id) + ",{" + module +
           ",start_link," + args + "}," + toString(node.restart) + "," +
           (node.significant ? "true" : "false") + "," + node.shutdown.format() + "," +
           (node.isSupervisor() ? "supervisor" : "worker") + ",[" + module + "]}}";
}

} // namespace suplab
