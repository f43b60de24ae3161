#include "TraceCompare.h"

#include <QTest>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace suplab::test {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos) lines.push_back(line);
    }
    return lines;
}

static void collect(const NodeSpec& node, const std::string& path, std::set<std::string>& out) {
    if (node.type == NodeType::DynamicSupervisor) out.insert(path);
    for (const auto& c : node.children)
        collect(*c, path + "/" + c->id, out);
}

std::set<std::string> dynamicSupervisorPaths(const NodeSpec& root) {
    std::set<std::string> out;
    collect(root, root.id, out);
    return out;
}

std::vector<std::string> normaliseTrace(const std::vector<std::string>& lines,
                                        const std::set<std::string>& dynamic) {
    std::vector<std::string> out, run;
    std::string runParent;
    auto flush = [&] {
        std::sort(run.begin(), run.end());
        out.insert(out.end(), run.begin(), run.end());
        run.clear();
    };
    for (const auto& line : lines) {
        std::string parent;
        if (line.rfind("down ", 0) == 0) {
            const std::string rest = line.substr(5);
            const std::string path = rest.substr(0, rest.find(' '));
            if (const auto slash = path.rfind('/'); slash != std::string::npos) {
                const std::string candidate = path.substr(0, slash);
                if (dynamic.count(candidate)) parent = candidate;
            }
        }
        if (parent.empty() || parent != runParent) flush();
        runParent = parent;
        (parent.empty() ? out : run).push_back(line);
    }
    flush();
    return out;
}

QString traceDifference(const std::string& expected, const std::string& actual,
                        const NodeSpec& root) {
    const auto dynamic = dynamicSupervisorPaths(root);
    const auto e = normaliseTrace(splitLines(expected), dynamic);
    const auto a = normaliseTrace(splitLines(actual), dynamic);
    if (e == a) return {};
    QString diff = QStringLiteral("expected | actual\n");
    for (std::size_t i = 0; i < std::max(e.size(), a.size()); ++i) {
        const QString l = i < e.size() ? QString::fromStdString(e[i]) : QStringLiteral("-");
        const QString r = i < a.size() ? QString::fromStdString(a[i]) : QStringLiteral("-");
        diff += (l == r ? QStringLiteral("  ") : QStringLiteral("! ")) + l + QStringLiteral(" | ") +
                r + QLatin1Char('\n');
    }
    return diff;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string why = "cannot read " + path;
    QTest::qVerify(bool(in), "readFile(path)", why.c_str(), __FILE__, __LINE__);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace suplab::test
