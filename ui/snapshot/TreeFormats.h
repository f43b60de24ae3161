#pragma once
// The formats File > Export tree and `suplab --export-tree` write, with the file
// extension each goes by.

#include <QFileInfo>
#include <QString>

namespace suplab {

struct TreeFormat {
    const char* name;      // as exportTree() takes it
    const char* extension; // without the dot
};

inline constexpr TreeFormat kTreeFormats[] = {
    {"svg", "svg"}, {"png", "png"}, {"mermaid", "mmd"}, {"dot", "dot"}, {"elixir", "ex"},
};

/// The format a file name asks for by its extension (`.gv` is DOT too); empty if none.
inline QString treeFormatForFile(const QString& file) {
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == QLatin1String("gv")) return QStringLiteral("dot");
    for (const auto& f : kTreeFormats)
        if (suffix == QLatin1String(f.extension)) return QString::fromLatin1(f.name);
    return {};
}

/// The extension files of `format` take (the format's own name if it is not a tree format).
inline QString treeFormatExtension(const QString& format) {
    for (const auto& f : kTreeFormats)
        if (format == QLatin1String(f.name)) return QString::fromLatin1(f.extension);
    return format;
}

} // namespace suplab
