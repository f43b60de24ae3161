#include "TreeDiagram.h"

#include <functional>
#include <vector>

namespace suplab {

namespace {

/// Depth first, parents before children, each node with its number and path.
void walk(const NodeSpec& root,
          const std::function<void(const NodeSpec&, int id, const std::string& path, int parent)>&
              visit) {
    int next = 0;
    std::function<void(const NodeSpec&, const std::string&, int)> go =
        [&](const NodeSpec& n, const std::string& path, int parent) {
            const int id = next++;
            visit(n, id, path, parent);
            for (const auto& c : n.children)
                go(*c, path + "/" + c->id, id);
        };
    go(root, root.id, -1);
}

std::string stateOf(const DiagramStates& states, const std::string& path) {
    const auto it = states.find(path);
    return it == states.end() ? "running" : it->second;
}

/// What a node's label says beyond its id: a supervisor's strategy, a non-default restart type.
std::string detail(const NodeSpec& n) {
    if (n.type == NodeType::DynamicSupervisor) return "dynamic";
    if (n.type == NodeType::Supervisor) return toString(n.strategy);
    return n.restart == RestartType::Permanent ? "" : toString(n.restart);
}

std::string mermaidText(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"')
            out += "#quot;";
        else if (c == '<')
            out += "#lt;";
        else if (c == '>')
            out += "#gt;";
        else
            out += c;
    }
    return out;
}

std::string dotText(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::string treeMermaid(const NodeSpec& root, const DiagramStates& states) {
    // As Kino.Process draws a tree: one line per edge, `0(parent):::class ---> 1(child):::class`.
    std::vector<std::string> nodes;
    std::string edges;
    walk(root, [&](const NodeSpec& n, int id, const std::string& path, int parent) {
        const std::string state = stateOf(states, path);
        std::string cls = parent < 0 ? "root" : n.isSupervisor() ? "supervisor" : "worker";
        if (state == "down" || state == "not_started") cls = "notstarted";
        if (state == "restarting") cls = "restarting";
        const std::string d = detail(n);
        nodes.push_back(std::to_string(id) + "(\"" + mermaidText(n.id) +
                        (d.empty() ? "" : "<br/>" + d) + "\"):::" + cls);
        if (parent >= 0) edges += nodes[std::size_t(parent)] + " ---> " + nodes.back() + "\n";
    });
    return "graph TD;\n" + (edges.empty() ? nodes.front() + "\n" : edges) +
           "classDef root fill:#c4b5fd, stroke:#374151, stroke-width:4px;\n"
           "classDef supervisor fill:#c4b5fd, stroke:#374151, stroke-width:1px;\n"
           "classDef worker fill:#93c5fd, stroke:#374151, stroke-width:1px;\n"
           "classDef restarting fill:#fde68a, stroke:#92400e, stroke-width:2px;\n"
           "classDef notstarted color:#777, fill:#d9d9d9, stroke:#777, stroke-width:1px;\n";
}

std::string treeDot(const NodeSpec& root, const DiagramStates& states) {
    std::string out = "digraph supervision {\n"
                      "  rankdir=TB;\n"
                      "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n";
    std::string edges;
    walk(root, [&](const NodeSpec& n, int id, const std::string& path, int parent) {
        const std::string state = stateOf(states, path);
        std::string fill = n.isSupervisor() ? "#c4b5fd" : "#93c5fd";
        if (state == "down" || state == "not_started") fill = "#d9d9d9";
        if (state == "restarting") fill = "#fde68a";
        const std::string d = detail(n);
        out += "  n" + std::to_string(id) + " [label=\"" + dotText(n.id) +
               (d.empty() ? "" : "\\n" + d) + "\", fillcolor=\"" + fill + "\"" +
               (parent < 0 ? ", penwidth=3" : "") +
               (state == "running" ? "" : ", tooltip=\"" + state + "\"") + "];\n";
        if (parent >= 0)
            edges += "  n" + std::to_string(parent) + " -> n" + std::to_string(id) + ";\n";
    });
    return out + edges + "}\n";
}

} // namespace suplab
