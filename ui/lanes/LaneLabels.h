#pragma once
// How the chart names the lanes on its axis: numbered, and only by what tells them
// apart, so that "strategy=one_for_one" and "strategy=rest_for_one" do not both
// shrink to "strategy..." in a narrow category.

#include <QStringList>

namespace suplab {

struct LaneAxisLabels {
    QStringList labels; // one per lane: "1: one_for_one"; '\n' where a long one breaks
    QString shared;     // the overrides every lane has, said once (empty if none)
    QString key;        // the key dropped from every label ("strategy"), or empty
};

/// `overrides[i]` is lane i's overrides as written ("strategy=rest_for_one, max_restarts=10").
/// Overrides all lanes share are left out of the labels; "strategy=" is left out when the
/// strategy is all that differs; a label longer than `lineChars` breaks between overrides
/// and, inside a long path, after a '/'.
LaneAxisLabels laneAxisLabels(const QStringList& overrides, int lineChars = 22);

} // namespace suplab
