#include "ScenarioWriter.h"

#include "events/EventFormat.h"

namespace suplab {

namespace {

/// Keys and values of one JSON object, joined at the end with the indent wanted.
class ObjectText {
  public:
    void add(const std::string& key, std::string valueJson) {
        fields_.push_back(jsonQuote(key) + ": " + std::move(valueJson));
    }
    void addString(const std::string& key, const std::string& value) { add(key, jsonQuote(value)); }
    std::string compact() const { return join(", ", "{", "}"); }
    std::string indented(const std::string& pad) const {
        return join(",\n" + pad + "  ", "{\n" + pad + "  ", "\n" + pad + "}");
    }

  private:
    std::string join(const std::string& sep, const std::string& open,
                     const std::string& close) const {
        if (fields_.empty()) return "{}";
        std::string out = open;
        for (std::size_t i = 0; i < fields_.size(); ++i)
            out += (i ? sep : "") + fields_[i];
        return out + close;
    }
    std::vector<std::string> fields_;
};

std::string shutdownJson(const ShutdownSpec& s) {
    return s.kind == ShutdownSpec::Kind::Timeout ? std::to_string(s.ms) : jsonQuote(s.format());
}

template <typename T> std::string intList(const std::vector<T>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + std::to_string(values[i]);
    return out + "]";
}

std::string stringList(const std::vector<std::string>& values) {
    std::string out = "[";
    for (std::size_t i = 0; i < values.size(); ++i)
        out += (i ? ", " : "") + jsonQuote(values[i]);
    return out + "]";
}

std::string nodeJson(const NodeSpec& n, const std::string& pad, bool pretty);

ObjectText nodeFields(const NodeSpec& n, const std::string& pad, bool pretty) {
    const NodeSpec defaults;
    ObjectText o;
    o.addString("id", n.id);
    if (n.type != NodeType::Worker) o.addString("type", toString(n.type));
    if (n.restart != RestartType::Permanent) o.addString("restart", toString(n.restart));
    const ShutdownSpec defaultShutdown =
        n.isSupervisor() ? ShutdownSpec::infinity() : ShutdownSpec::timeout(5000);
    if (!(n.shutdown == defaultShutdown)) o.add("shutdown", shutdownJson(n.shutdown));
    if (n.significant) o.add("significant", "true");
    if (!n.note.empty()) o.addString("note", n.note);
    if (n.isSupervisor()) {
        if (n.type == NodeType::Supervisor && n.strategy != Strategy::OneForOne)
            o.addString("strategy", toString(n.strategy));
        if (n.max_restarts != defaults.max_restarts)
            o.add("max_restarts", std::to_string(n.max_restarts));
        if (n.max_seconds != defaults.max_seconds)
            o.add("max_seconds", std::to_string(n.max_seconds));
        if (n.type == NodeType::Supervisor && n.auto_shutdown != AutoShutdown::Never)
            o.addString("auto_shutdown", toString(n.auto_shutdown));
        if (n.type == NodeType::DynamicSupervisor && n.max_children >= 0)
            o.add("max_children", std::to_string(n.max_children));
        if (!n.children.empty()) {
            const std::string inner = pad + "    ";
            std::string list = "[";
            for (std::size_t i = 0; i < n.children.size(); ++i)
                list += (i ? "," : "") + (pretty ? "\n" + inner : std::string(i ? " " : "")) +
                        nodeJson(*n.children[i], inner, pretty);
            o.add("children", list + (pretty ? "\n" + pad + "  ]" : "]"));
        }
        return o;
    }
    if (n.trap_exit) o.add("trap_exit", "true");
    if (n.init_ms) o.add("init_ms", std::to_string(n.init_ms));
    if (n.stop_ms) o.add("stop_ms", std::to_string(n.stop_ms));
    if (n.fail_starts) o.add("fail_starts", std::to_string(n.fail_starts));
    if (!n.fail_attempts.empty()) o.add("fail_attempts", intList(n.fail_attempts));
    if (!n.ignore_attempts.empty()) o.add("ignore_attempts", intList(n.ignore_attempts));
    if (n.behaviour != defaults.behaviour) o.addString("behaviour", n.behaviour);
    if (n.args_json != defaults.args_json) o.add("args", n.args_json);
    if (!n.uses.empty()) o.add("uses", stringList(n.uses));
    if (n.call_ms != defaults.call_ms) o.add("call_ms", std::to_string(n.call_ms));
    if (n.mtbf_ms) o.add("mtbf_ms", std::to_string(n.mtbf_ms));
    return o;
}

std::string nodeJson(const NodeSpec& n, const std::string& pad, bool pretty) {
    const ObjectText o = nodeFields(n, pad, pretty);
    // Workers fit on one line; supervisors show their children one per line.
    return pretty && n.isSupervisor() && !n.children.empty() ? o.indented(pad) : o.compact();
}

/// A call's argument as the loader reads it back (an atom as ":name").
std::string argumentJson(const Value& v) {
    switch (v.kind) {
    case Value::Kind::Integer:
        return std::to_string(v.integer);
    case Value::Kind::String:
        return jsonQuote(v.text);
    case Value::Kind::Atom:
        if (v.text == "true" || v.text == "false") return v.text;
        if (v.text == "nil") return "null";
        return jsonQuote(":" + v.text);
    case Value::Kind::List: {
        std::string out = "[";
        for (std::size_t i = 0; i < v.items.size(); ++i)
            out += (i ? ", " : "") + argumentJson(v.items[i]);
        return out + "]";
    }
    default:
        return "null"; // the loader makes no other kind
    }
}

std::string stepJson(const ScriptStep& s) {
    ObjectText o;
    o.add("at_ms", std::to_string(s.at_ms));
    o.addString("do", toString(s.action));
    o.addString("target", s.target);
    switch (s.action) {
    case StepAction::Exit:
    case StepAction::Crash:
        o.addString("reason", s.reason);
        break;
    case StepAction::StartChild:
        if (s.child) o.add("child", writeNode(*s.child));
        break;
    case StepAction::TerminateChild:
    case StepAction::RestartChild:
    case StepAction::DeleteChild:
        o.addString("child", s.child_id);
        break;
    case StepAction::Call: {
        o.addString("function", s.function);
        std::string args = "[";
        for (std::size_t i = 0; i < s.args.size(); ++i)
            args += (i ? ", " : "") + argumentJson(s.args[i]);
        o.add("args", args + "]");
        break;
    }
    case StepAction::Kill:
        break;
    }
    return o.compact();
}

} // namespace

std::string writeNode(const NodeSpec& node) {
    return nodeJson(node, "", false);
}

std::string writeScenario(const Scenario& s) {
    const Scenario defaults;
    ObjectText o;
    o.addString("name", s.name);
    if (!s.description.empty()) o.addString("description", s.description);
    if (s.root) o.add("root", nodeJson(*s.root, "  ", true));
    if (!s.script.empty()) {
        std::string list = "[";
        for (std::size_t i = 0; i < s.script.size(); ++i)
            list += (i ? ",\n    " : "\n    ") + stepJson(s.script[i]);
        o.add("script", list + "\n  ]");
    }
    if (s.settle_ms != defaults.settle_ms) o.add("settle_ms", std::to_string(s.settle_ms));
    if (s.stop_at_end != defaults.stop_at_end) o.add("stop_at_end", "false");
    if (s.seed != defaults.seed) o.add("seed", std::to_string(s.seed));
    return o.indented("") + "\n";
}

} // namespace suplab
