#pragma once
// The right-click menu of a process: the faults (kill, crash, exits, exit
// signals), a supervisor's child API, and the canvas' own (fold, zoom, dismiss a
// "gave up" mark). It only asks; what each entry does is the caller's.

#include <QMenu>

#include <functional>

namespace suplab {

class TreeState;

struct ProcessMenuActions {
    /// A fault or a child API call: action as MainWindow::performAction takes it.
    std::function<void(const QString& path, const QString& action, const QString& argument)> act;
    std::function<void(const QString& supervisor)> startChild;
    std::function<void(const QString& path, bool fold)> fold;
    std::function<void(const QString& path)> dismissGiveUp;
    std::function<void()> zoomToSelection;
    /// Something typed was refused: said without blocking.
    std::function<void(const QString& message)> refuse;
};

/// Fills `menu` for the process at `path`; false when the tree does not know it.
bool fillProcessMenu(QMenu& menu, const TreeState& state, const QString& path, bool folded,
                     const ProcessMenuActions& actions);

} // namespace suplab
