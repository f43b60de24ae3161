#include "DistinctNames.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace suplab {

namespace {

const QChar kEllipsis(0x2026);

bool isSeparator(QChar c) {
    return c == QLatin1Char('.') || c == QLatin1Char('/');
}

/// Where each segment of `id` starts, the first segment first.
std::vector<qsizetype> segmentStarts(const QString& id) {
    std::vector<qsizetype> starts{0};
    for (qsizetype i = 0; i + 1 < id.size(); ++i)
        if (isSeparator(id[i])) starts.push_back(i + 1);
    return starts;
}

/// The last `k` segments of `id` (all of it when it has no more).
QString tail(const QString& id, const std::vector<qsizetype>& starts, std::size_t k) {
    if (k >= starts.size()) return id;
    return id.mid(starts[starts.size() - k]);
}

qsizetype commonPrefix(const QString& a, const QString& b) {
    qsizetype n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n])
        ++n;
    return n;
}

/// Backs `at` up to where the word it falls in starts (CamelCase, digits, snake_case).
qsizetype wordStart(const QString& s, qsizetype at) {
    while (at > 0 && !s[at].isUpper() && !s[at].isDigit() && s[at - 1] != QLatin1Char('_'))
        --at;
    return at;
}

/// `label` cut to `maxChars`, keeping its first segment (the one that tells it apart)
/// whole when it fits, else from the word where it starts to differ from `others`.
QString elide(const QString& label, const QStringList& others, int maxChars) {
    if (label.size() <= maxChars) return label;
    qsizetype firstEnd = 0;
    while (firstEnd < label.size() && !isSeparator(label[firstEnd]))
        ++firstEnd;
    if (firstEnd + 1 <= maxChars) {
        QString kept = label.left(maxChars - 1);
        while (!kept.isEmpty() && isSeparator(kept.back()))
            kept.chop(1);
        return kept + kEllipsis;
    }
    const QString first = label.left(firstEnd);
    qsizetype shared = 0; // leading characters it has in common with another label
    for (const QString& o : others)
        if (o != label) shared = std::max(shared, commonPrefix(first, o));
    const qsizetype from = shared < first.size() ? wordStart(first, shared) : 0;
    if (from == 0 || maxChars < 3) return first.left(maxChars - 1) + kEllipsis;
    if (first.size() - from + 1 <= maxChars) return kEllipsis + first.mid(from);
    return kEllipsis + first.mid(from, maxChars - 2) + kEllipsis;
}

} // namespace

QStringList distinctNames(const QStringList& ids, int maxChars) {
    maxChars = std::max(maxChars, 2);
    std::vector<std::vector<qsizetype>> starts;
    starts.reserve(std::size_t(ids.size()));
    for (const QString& id : ids)
        starts.push_back(segmentStarts(id));

    // One id alone has nothing to be told apart from: as many of its last segments as fit.
    if (!ids.isEmpty() && ids.count(ids.front()) == ids.size()) {
        const auto& own = starts.front();
        std::size_t k = own.size();
        while (k > 1 && tail(ids.front(), own, k).size() > maxChars)
            --k;
        return QStringList(ids.size(), elide(tail(ids.front(), own, k), {}, maxChars));
    }

    // The shortest tail that no other (different) id shares at the same length.
    QStringList labels;
    labels.reserve(ids.size());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const auto& own = starts[std::size_t(i)];
        std::size_t k = 1;
        for (; k < own.size(); ++k) {
            const QString mine = tail(ids[i], own, k);
            bool shared = false;
            for (qsizetype j = 0; j < ids.size() && !shared; ++j)
                shared = ids[j] != ids[i] && tail(ids[j], starts[std::size_t(j)], k) == mine;
            if (!shared) break;
        }
        labels << tail(ids[i], own, k);
    }

    QStringList elided;
    elided.reserve(labels.size());
    for (const QString& label : labels)
        elided << elide(label, labels, maxChars);
    // Elided labels that read alike for different ids are no labels: keep those long.
    for (qsizetype i = 0; i < ids.size(); ++i)
        for (qsizetype j = i + 1; j < ids.size(); ++j)
            if (ids[i] != ids[j] && elided[i] == elided[j]) {
                elided[i] = labels[i];
                elided[j] = labels[j];
            }
    return elided;
}

} // namespace suplab
