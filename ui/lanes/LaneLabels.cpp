#include "LaneLabels.h"

#include <algorithm>

namespace suplab {

namespace {

QStringList items(const QString& overrides) {
    QStringList out;
    for (const QString& part : overrides.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString item = part.trimmed(); !item.isEmpty()) out << item;
    return out;
}

QString keyOf(const QString& item) {
    return item.section(QLatin1Char('='), 0, 0);
}

/// Breaks `text` after a '/' and before a path's ".key=", so that no line is much
/// longer than `lineChars`; a value is never broken.
QStringList wrapItem(const QString& text, int lineChars) {
    QStringList pieces;
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    const qsizetype keyDot = equals < 0 ? -1 : text.lastIndexOf(QLatin1Char('.'), equals);
    const qsizetype pathEnd = keyDot < 0 ? 0 : keyDot;
    qsizetype from = 0;
    for (qsizetype i = 0; i < pathEnd; ++i)
        if (text[i] == QLatin1Char('/')) {
            pieces << text.mid(from, i + 1 - from);
            from = i + 1;
        }
    if (pathEnd > from) {
        pieces << text.mid(from, pathEnd - from);
        from = pathEnd;
    }
    pieces << text.mid(from);
    QStringList lines;
    for (const QString& piece : pieces)
        if (!lines.isEmpty() && lines.back().size() + piece.size() <= lineChars)
            lines.back() += piece;
        else
            lines << piece;
    return lines;
}

} // namespace

LaneAxisLabels laneAxisLabels(const QStringList& overrides, int lineChars) {
    std::vector<QStringList> lanes;
    for (const QString& o : overrides)
        lanes.push_back(items(o));
    LaneAxisLabels out;
    QStringList shared;
    if (!lanes.empty())
        for (const QString& item : lanes.front())
            if (std::all_of(lanes.begin(), lanes.end(),
                            [&](const QStringList& l) { return l.contains(item); }))
                shared << item;
    out.shared = shared.join(QStringLiteral(", "));
    QStringList keys;
    for (auto& lane : lanes) {
        for (const QString& item : shared)
            lane.removeAll(item);
        for (const QString& item : lane)
            if (!keys.contains(keyOf(item))) keys << keyOf(item);
    }
    // A strategy's value says what it is; "max_restarts=3" without its key would not.
    const bool onlyStrategy = keys == QStringList{QStringLiteral("strategy")};
    if (onlyStrategy) out.key = keys.front();
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        QStringList parts;
        for (const QString& item : lanes[i])
            parts << (onlyStrategy ? item.section(QLatin1Char('='), 1) : item);
        if (parts.isEmpty()) parts << QStringLiteral("(nothing else)");
        const QString number = QString::number(i + 1) + QStringLiteral(": ");
        const QString whole = number + parts.join(QStringLiteral(", "));
        if (whole.size() <= lineChars) {
            out.labels << whole;
            continue;
        }
        QStringList lines;
        for (int p = 0; p < parts.size(); ++p)
            lines << wrapItem((p == 0 ? number : QString()) + parts[p] +
                                  (p + 1 < parts.size() ? QStringLiteral(",") : QString()),
                              lineChars);
        out.labels << lines.join(QLatin1Char('\n'));
    }
    return out;
}

} // namespace suplab
