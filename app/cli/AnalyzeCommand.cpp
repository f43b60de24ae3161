#include "AnalyzeCommand.h"

#include "TreeSource.h"
#include "analysis/AnalysisFormat.h"
#include "io/AtomicFile.h"

#include <charconv>
#include <ostream>

namespace suplab {

namespace {

std::optional<int> count(const std::string& text, int most) {
    int v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < 0 || v > most)
        return std::nullopt;
    return v;
}

int refuse(std::ostream& err, const std::string& message) {
    err << "suplab-cli: analyze: " << message << "\n"
        << "usage: suplab-cli analyze SCENARIO.json|FILE.ex|DIR [--format text|json|csv] "
           "[--pairs N] [--threads N] [--out FILE]\n";
    return 2;
}

} // namespace

int analyzeCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::string file, format = "text", outFile;
    AnalysisOptions options;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool takesValue =
            a == "--format" || a == "--pairs" || a == "--threads" || a == "--out";
        if (takesValue && i + 1 >= args.size()) return refuse(err, a + " needs a value");
        if (a == "--format") {
            format = args[++i];
            if (format != "text" && format != "json" && format != "csv")
                return refuse(err, "--format: expected text, json or csv, got \"" + format + "\"");
        } else if (a == "--pairs") {
            const auto n = count(args[++i], 1000);
            if (!n)
                return refuse(err, "--pairs: expected an integer from 0 to 1000, got \"" + args[i] +
                                       "\"");
            options.pairs = *n;
        } else if (a == "--threads") {
            const auto n = count(args[++i], 256);
            if (!n)
                return refuse(err, "--threads: expected an integer from 0 to 256, got \"" +
                                       args[i] + "\"");
            options.threads = unsigned(*n);
        } else if (a == "--out") {
            outFile = args[++i];
        } else if (a.starts_with("--")) {
            return refuse(err, "unknown option " + a);
        } else if (file.empty()) {
            file = a;
        } else {
            return refuse(err, "one tree only, got also \"" + a + "\"");
        }
    }
    if (file.empty())
        return refuse(err, "expected SCENARIO.json, FILE.ex or a mix project's folder");

    std::optional<TreeSource> source = readTreeSource(file, err);
    if (!source) return 2;
    AnalysisReport report = analyze(source->scenario, options);
    report.assumptions = source->importLines;
    const std::string text = format == "json"  ? analysisJson(report)
                             : format == "csv" ? analysisCsv(report)
                                               : analysisText(report);
    if (outFile.empty()) {
        out << text;
        out.flush();
        if (!out) return 1;
    } else if (std::string problem = writeFileAtomically(outFile, text); !problem.empty()) {
        err << "suplab-cli: " << problem << "\n";
        return 1;
    }
    if (!report.error.empty()) {
        err << file << ": " << report.error << "\n";
        return 1;
    }
    return 0;
}

} // namespace suplab
