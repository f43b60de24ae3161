#pragma once
// The inspector's page for one process, as HTML: what the GUI knows from the event
// stream (pid, state, restarts, last exit, the child spec) and what the process
// itself last answered (a worker's live state, a supervisor's which_children and
// count_children). Every text that comes from a scenario or the engine is escaped:
// a pid reads <0.17>, which is markup unless escaped.

#include "facade/Engine.h"

#include <QString>
#include <cstdint>
#include <vector>

namespace suplab {

class TreeState;
struct ProcessNode;

/// What the process last said when asked (RunController::inspect).
struct InspectorAnswer {
    bool answered = false; // false: not asked yet, or it was not running when asked
    QString text;          // a worker's state, or a supervisor's summary
    std::vector<ChildInfo> children;
    ChildCounts counts;
};

QString inspectorHtml(const TreeState& state, const ProcessNode& node, std::int64_t nowUs,
                      const InspectorAnswer& live);

/// One which_children entry as Elixir prints it: {id, #PID<0.17.0> | :restarting |
/// :undefined, :worker | :supervisor, [module]}.
QString whichChildrenEntry(const ChildInfo& child);

} // namespace suplab
