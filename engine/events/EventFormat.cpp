#include "EventFormat.h"

#include <cstdio>

namespace suplab {

std::string conformanceLine(const Event& event) {
    if (!isConformanceKind(event.kind)) return {};
    std::string line = toString(event.kind);
    if (!event.op.empty()) {
        line += ' ';
        line += event.op;
    }
    line += ' ';
    line += event.path;
    if (!event.reason.empty()) {
        line += ' ';
        line += event.reason;
    }
    return line;
}

std::string conformanceTrace(const std::vector<Event>& events) {
    std::string out;
    for (const auto& e : events) {
        if (!isConformanceKind(e.kind)) continue;
        out += conformanceLine(e);
        out += '\n';
    }
    return out;
}

std::string jsonlLine(const Event& e) {
    std::string out = "{\"seq\":" + std::to_string(e.seq) + ",\"t_us\":" + std::to_string(e.tUs) +
                      ",\"event\":" + jsonQuote(toString(e.kind)) +
                      ",\"path\":" + jsonQuote(e.path) + ",\"pid\":" + jsonQuote(formatPid(e.pid));
    if (!e.reason.empty()) out += ",\"reason\":" + jsonQuote(e.reason);
    if (!e.op.empty()) out += ",\"op\":" + jsonQuote(e.op);
    if (!e.detail.empty()) out += ",\"detail\":" + jsonQuote(e.detail);
    out += '}';
    return out;
}

std::string jsonl(const std::vector<Event>& events) {
    std::string out;
    for (const auto& e : events) {
        out += jsonlLine(e);
        out += '\n';
    }
    return out;
}

std::string csvField(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csvHeader() {
    return "seq,t_us,event,path,pid,reason,op,detail";
}

std::string csvLine(const Event& e) {
    return std::to_string(e.seq) + ',' + std::to_string(e.tUs) + ',' + toString(e.kind) + ',' +
           csvField(e.path) + ',' + csvField(formatPid(e.pid)) + ',' + csvField(e.reason) + ',' +
           csvField(e.op) + ',' + csvField(e.detail);
}

std::string csv(const std::vector<Event>& events) {
    std::string out = csvHeader() + "\r\n";
    for (const auto& e : events)
        out += csvLine(e) + "\r\n";
    return out;
}

} // namespace suplab
