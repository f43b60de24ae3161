#pragma once
// Short labels for ids that must still be told apart (legends, row labels):
// MyApp.Web.Supervisor and MyApp.Cache.Supervisor become Web.Supervisor and
// Cache.Supervisor, not "MyApp.…" twice.

#include <QStringList>

namespace suplab {

/// For each id, the shortest tail of its segments (split on '.' and '/') that no other id
/// ends with, so the leading segments they share are dropped and the segment that tells it
/// apart is kept whole. A label still longer than `maxChars` is elided in what it shares
/// with others (the trailing segments, then the characters its distinguishing segment
/// shares), never in what tells it apart; if elided labels would read alike, they stay
/// long. Equal ids get equal labels; an id alone keeps as many of its last segments as fit.
QStringList distinctNames(const QStringList& ids, int maxChars);

} // namespace suplab
