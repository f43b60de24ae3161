#include "AnalysisFormat.h"

#include "events/EventFormat.h"
#include "json/Json.h"

#include <cstdio>

namespace suplab {

namespace {

std::string number(double v, const char* format = "%.6g") {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string jsonList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + jsonQuote(items[i]);
    return out + "]";
}

std::string jsonOutcome(const FaultOutcome& o) {
    if (!o.tried) return "null";
    return "{\"restarted\":" + jsonList(o.restarted) + ",\"stopped\":" + jsonList(o.stopped) +
           ",\"root_down\":" + (o.rootDown ? "true" : "false") + "}";
}

std::string jsonDowntime(const FaultOutcome& o) {
    return o.tried && o.downtimeMs ? number(*o.downtimeMs, "%.3f") : "null";
}

std::string jsonFinding(const Finding& f) {
    return "{\"kind\":" + jsonQuote(f.kind) + ",\"path\":" + jsonQuote(f.path) +
           ",\"uses\":" + jsonQuote(f.uses) + ",\"text\":" + jsonQuote(f.text) +
           ",\"fix\":" + jsonQuote(f.fix) +
           ",\"fix_checked\":" + (f.fixChecked ? "true" : "false") + "}";
}

std::string jsonProcess(const ProcessAnalysis& p) {
    std::string out = "{\"path\":" + jsonQuote(p.path);
    out += ",\"blast_radius\":{\"crash\":" + jsonOutcome(p.crash) +
           ",\"kill\":" + jsonOutcome(p.kill) + "}";
    out += ",\"downtime_ms\":{\"crash\":" + jsonDowntime(p.crash) +
           ",\"kill\":" + jsonDowntime(p.kill) + "}";
    out += ",\"gives_up_at\":" + (p.givesUpAt ? number(*p.givesUpAt) : std::string("null"));
    out += ",\"escalates_to\":" + (p.escalatesTo ? jsonQuote(*p.escalatesTo) : "null");
    out += ",\"findings\":[";
    for (std::size_t i = 0; i < p.findings.size(); ++i)
        out += (i ? "," : "") + jsonFinding(p.findings[i]);
    return out + "]}";
}

std::string joined(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? sep : "") + items[i];
    return out;
}

std::string radiusText(const FaultOutcome& o) {
    if (!o.tried) return "-";
    std::string out = std::to_string(o.radius().size());
    if (!o.stopped.empty()) out += " (" + std::to_string(o.stopped.size()) + " for good)";
    return out;
}

std::string pad(std::string s, std::size_t width) {
    // Pads by code points, so that a path with non-ASCII ids keeps the columns.
    std::size_t shown = 0;
    for (unsigned char c : s)
        shown += (c & 0xC0) != 0x80;
    if (shown < width) s.append(width - shown, ' ');
    return s;
}

struct Row {
    std::string path, crash, kill, downtime, givesUp, escalates;
};

std::vector<Row> rowsOf(const AnalysisReport& r) {
    std::vector<Row> rows;
    for (const auto& p : r.processes)
        rows.push_back({p.path, radiusText(p.crash), radiusText(p.kill),
                        downtimeText(p.supervisor ? p.kill : p.crash), givesUpText(p),
                        p.escalatesTo.value_or("-")});
    return rows;
}

/// One line of the weakest points: `quote` goes round paths (a Markdown code span).
std::string weakPoint(const ProcessAnalysis& p, const std::string& quote) {
    return quote + p.path + quote + ": a kill takes down " +
           std::to_string(p.kill.radius().size()) + ", its supervisor gives up at " +
           givesUpText(p) + (p.escalatesTo ? ", up to " + quote + *p.escalatesTo + quote : "");
}

std::string cutSetText(const std::vector<std::string>& set) {
    return joined(set, " + ");
}

} // namespace

std::string givesUpText(const ProcessAnalysis& p) {
    if (!p.givesUpAt) return "never";
    if (!p.givesUpPeriodMs) return "one is enough";
    return number(*p.givesUpAt, "%.4g") + "/s (every " + std::to_string(*p.givesUpPeriodMs) +
           " ms)";
}

std::string downtimeText(const FaultOutcome& o) {
    if (!o.tried) return "-";
    if (!o.downtimeMs) return "for good";
    return number(*o.downtimeMs, "%.6g") + " ms";
}

std::string analysisJson(const AnalysisReport& r) {
    std::string out = "{\"scenario\":" + jsonQuote(r.name);
    out += ",\"assumptions\":" + jsonList(r.assumptions);
    out += ",\"notes\":" + jsonList(r.notes);
    if (!r.error.empty()) out += ",\"error\":" + jsonQuote(r.error);
    out += ",\"cut_sets\":[";
    for (std::size_t i = 0; i < r.cutSets.size(); ++i)
        out += (i ? "," : "") + jsonList(r.cutSets[i]);
    out += "],\"weakest\":" + jsonList(r.weakest);
    out += ",\"pairs_among\":" + jsonList(r.pairCandidates);
    out += ",\"processes\":[";
    for (std::size_t i = 0; i < r.processes.size(); ++i)
        out += (i ? ",\n" : "\n") + jsonProcess(r.processes[i]);
    out += "],\"trials\":" + std::to_string(r.trials) +
           ",\"tree_starts\":" + std::to_string(r.treeStarts) +
           ",\"threads\":" + std::to_string(r.threads) +
           ",\"seconds\":" + number(r.seconds, "%.3f");
    return out + "}\n";
}

std::string analysisCsv(const AnalysisReport& r) {
    std::string out = "path,crash_radius,crash_stopped,kill_radius,kill_stopped,crash_downtime_ms,"
                      "kill_downtime_ms,gives_up_at,escalates_to,loop_stops_root,findings\r\n";
    auto downtime = [](const FaultOutcome& o) {
        return o.tried && o.downtimeMs ? number(*o.downtimeMs, "%.3f") : std::string();
    };
    for (const auto& p : r.processes) {
        std::vector<std::string> findings;
        for (const auto& f : p.findings)
            findings.push_back(f.kind + ": " + f.uses);
        out += csvField(p.path) + "," +
               (p.crash.tried ? std::to_string(p.crash.radius().size()) : "") + "," +
               (p.crash.tried ? std::to_string(p.crash.stopped.size()) : "") + "," +
               std::to_string(p.kill.radius().size()) + "," +
               std::to_string(p.kill.stopped.size()) + "," + downtime(p.crash) + "," +
               downtime(p.kill) + "," + (p.givesUpAt ? number(*p.givesUpAt) : "") + "," +
               csvField(p.escalatesTo.value_or("")) + "," + (p.loopStopsRoot ? "yes" : "no") + "," +
               csvField(joined(findings, "; ")) + "\r\n";
    }
    return out;
}

std::string analysisText(const AnalysisReport& r) {
    std::string out = "Resilience of " + (r.name.empty() ? std::string("the tree") : r.name) + "\n";
    if (!r.assumptions.empty()) {
        out += "\nAssumed by the import:\n";
        for (const auto& a : r.assumptions)
            out += "  - " + a + "\n";
    }
    if (!r.error.empty()) return out + "\n" + r.error + "\n";
    for (const auto& note : r.notes)
        out += "\nNote: " + note + "\n";

    out += "\nWeakest points:\n";
    for (std::size_t i = 0; i < r.weakest.size() && i < 10; ++i) {
        out += "  " + std::to_string(i + 1) + ". " + weakPoint(*r.find(r.weakest[i]), "") + "\n";
    }
    out += "\nCut sets (crash loops that bring the root down):\n";
    if (r.cutSets.empty()) out += "  none\n";
    for (const auto& set : r.cutSets)
        out += "  " + cutSetText(set) + "\n";
    out += "  (pairs sought among " + std::to_string(r.pairCandidates.size()) + " processes)\n";

    std::vector<const Finding*> findings;
    for (const auto& p : r.processes)
        for (const auto& f : p.findings)
            findings.push_back(&f);
    out += "\nDependency findings:\n";
    if (findings.empty()) out += "  none\n";
    for (const Finding* f : findings)
        out += "  " + f->path + ": " + f->text + ".\n    Fix: " + f->fix +
               (f->fixChecked ? " (checked: a run of the changed tree has no such crash)"
                              : " (not confirmed by a run)") +
               "\n";

    const std::vector<Row> rows = rowsOf(r);
    const Row head{"path", "crash", "kill", "downtime", "gives up at", "escalates to"};
    std::size_t w[5] = {head.path.size(), head.crash.size(), head.kill.size(), head.downtime.size(),
                        head.givesUp.size()};
    auto width = [](const std::string& s) {
        std::size_t n = 0;
        for (unsigned char c : s)
            n += (c & 0xC0) != 0x80;
        return n;
    };
    for (const auto& row : rows) {
        w[0] = std::max(w[0], width(row.path));
        w[1] = std::max(w[1], width(row.crash));
        w[2] = std::max(w[2], width(row.kill));
        w[3] = std::max(w[3], width(row.downtime));
        w[4] = std::max(w[4], width(row.givesUp));
    }
    auto line = [&](const Row& row) {
        return "  " + pad(row.path, w[0]) + "  " + pad(row.crash, w[1]) + "  " +
               pad(row.kill, w[2]) + "  " + pad(row.downtime, w[3]) + "  " +
               pad(row.givesUp, w[4]) + "  " + row.escalates + "\n";
    };
    out += "\nEvery process (how many go down after one crash and one kill, the downtime of "
           "one crash, the steady rate at which its supervisor gives up, and how far up that "
           "goes):\n";
    out += line(head);
    for (const auto& row : rows)
        out += line(row);
    out += "\n" + std::to_string(r.trials) + " trials on " + std::to_string(r.threads) +
           " threads, " + std::to_string(r.treeStarts) + " tree starts, " +
           number(r.seconds, "%.2f") + " s\n";
    return out;
}

std::string analysisMarkdown(const AnalysisReport& r) {
    std::string out =
        "# Resilience of " + (r.name.empty() ? std::string("the tree") : r.name) + "\n";
    if (!r.assumptions.empty()) {
        out += "\n## Assumed by the import\n\n";
        for (const auto& a : r.assumptions)
            out += "- " + a + "\n";
    }
    if (!r.error.empty()) return out + "\n" + r.error + "\n";
    for (const auto& note : r.notes)
        out += "\n> " + note + "\n";
    out += "\n## Weakest points\n\n";
    for (std::size_t i = 0; i < r.weakest.size() && i < 10; ++i) {
        out += std::to_string(i + 1) + ". " + weakPoint(*r.find(r.weakest[i]), "`") + "\n";
    }
    out += "\n## Cut sets\n\nCrash loops that bring the root down (pairs sought among " +
           std::to_string(r.pairCandidates.size()) + " processes):\n\n";
    if (r.cutSets.empty()) out += "- none\n";
    for (const auto& set : r.cutSets)
        out += "- `" + joined(set, "` + `") + "`\n";
    out += "\n## Dependency findings\n\n";
    bool any = false;
    for (const auto& p : r.processes)
        for (const auto& f : p.findings) {
            any = true;
            out += "- `" + f.path + "`: " + f.text + ". Fix: " + f.fix +
                   (f.fixChecked ? " (checked by a run)" : " (not confirmed by a run)") + "\n";
        }
    if (!any) out += "- none\n";
    out += "\n## Every process\n\n| path | crash takes down | kill takes down | downtime | "
           "gives up at | escalates to |\n|---|---|---|---|---|---|\n";
    for (const auto& row : rowsOf(r))
        out += "| `" + row.path + "` | " + row.crash + " | " + row.kill + " | " + row.downtime +
               " | " + row.givesUp + " | " + row.escalates + " |\n";
    out += "\n" + std::to_string(r.trials) + " trials on " + std::to_string(r.threads) +
           " threads, " + number(r.seconds, "%.2f") + " s.\n";
    return out;
}

} // namespace suplab
