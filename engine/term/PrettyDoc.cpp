#include "PrettyDoc.h"

#include <utility>

namespace suplab {

PrettyDoc::Id PrettyDoc::add(Node node) {
    nodes_.push_back(std::move(node));
    return nodes_.size() - 1;
}

PrettyDoc::Id PrettyDoc::text(std::string s) {
    return add({Kind::Text, std::move(s), {}, 0});
}

PrettyDoc::Id PrettyDoc::concat(std::vector<Id> parts) {
    return add({Kind::Concat, {}, std::move(parts), 0});
}

PrettyDoc::Id PrettyDoc::nest(Id doc, std::size_t indent) {
    return add({Kind::Nest, {}, {doc}, indent});
}

PrettyDoc::Id PrettyDoc::strictBreak(std::string s) {
    return add({Kind::Break, std::move(s), {}, 0});
}

PrettyDoc::Id PrettyDoc::flexBreak(std::string s) {
    return add({Kind::FlexBreak, std::move(s), {}, 0});
}

PrettyDoc::Id PrettyDoc::group(Id doc) {
    return add({Kind::Group, {}, {doc}, 0});
}

// Whether what is in `todo`, then what is in `rest` (read from its back), fits from
// `column` up to the first break that will be a new line. Until some break has been
// passed a line may run long: text with no break in it cannot be made to fit.
bool PrettyDoc::fits(std::size_t width, std::size_t column, bool sawBreak, std::vector<Entry> todo,
                     const std::vector<Entry>& rest) const {
    std::size_t restLeft = rest.size();
    for (;;) {
        if (sawBreak && column > width) return false;
        if (todo.empty()) {
            if (restLeft == 0) return true;
            todo.push_back(rest[--restLeft]);
        }
        const Entry e = todo.back();
        todo.pop_back();
        if (e.tail) {
            sawBreak = e.tailSawBreak;
            continue;
        }
        const Node& node = nodes_[e.doc];
        switch (node.kind) {
        case Kind::Text:
            column += node.text.size();
            break;
        case Kind::Concat:
            for (auto it = node.parts.rbegin(); it != node.parts.rend(); ++it)
                todo.push_back({e.indent, e.mode, *it});
            break;
        case Kind::Nest:
            todo.push_back({e.indent + node.indent, e.mode, node.parts[0]});
            break;
        case Kind::Group:
            todo.push_back({0, Mode::Flat, 0, true, sawBreak});
            todo.push_back({e.indent, Mode::Flat, node.parts[0]});
            break;
        case Kind::Break:
        case Kind::FlexBreak:
            if (e.mode == Mode::Break) return true;
            column += node.text.size();
            sawBreak = true;
            break;
        }
    }
}

std::string PrettyDoc::layout(Id root, std::size_t width) const {
    std::string out;
    std::size_t column = 0;
    const auto newLine = [&](std::size_t indent) {
        out += '\n';
        out.append(indent, ' ');
        column = indent;
    };
    std::vector<Entry> work{{0, Mode::Flat, root}};
    while (!work.empty()) {
        const Entry e = work.back();
        work.pop_back();
        const Node& node = nodes_[e.doc];
        switch (node.kind) {
        case Kind::Text:
            out += node.text;
            column += node.text.size();
            break;
        case Kind::Concat:
            for (auto it = node.parts.rbegin(); it != node.parts.rend(); ++it)
                work.push_back({e.indent, e.mode, *it});
            break;
        case Kind::Nest:
            work.push_back({e.indent + node.indent, e.mode, node.parts[0]});
            break;
        case Kind::Group: {
            // A group is decided on its own content: flat if that fits.
            const bool flat = width == 0 || fits(width, column, false,
                                                 {{e.indent, Mode::Flat, node.parts[0]}}, {});
            work.push_back({e.indent, flat ? Mode::Flat : Mode::Break, node.parts[0]});
            break;
        }
        case Kind::Break:
            if (e.mode == Mode::Break) {
                newLine(e.indent);
            } else {
                out += node.text;
                column += node.text.size();
            }
            break;
        case Kind::FlexBreak:
            // A flex break stays a space while what follows fits up to the next break.
            if (width == 0 || e.mode == Mode::Flat ||
                fits(width, column + node.text.size(), true, {}, work)) {
                out += node.text;
                column += node.text.size();
            } else {
                newLine(e.indent);
            }
            break;
        }
    }
    return out;
}

} // namespace suplab
