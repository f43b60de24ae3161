#pragma once
// File > Export tree: the canvas as SVG or PNG, the live tree as Mermaid or DOT,
// the scenario with its live tree as an Elixir module skeleton.

#include "scenario/Scenario.h"

#include <QString>

class QGraphicsScene;

namespace suplab {

class TreeState;

/// Writes `format` (svg, png, mermaid, dot, elixir) to `file`; an error that names
/// the file, or empty.
QString exportTree(QGraphicsScene& canvas, const TreeState& state, const Scenario& scenario,
                   const QString& file, const QString& format);

} // namespace suplab
