#pragma once
// An action done on a run, worded for the GUI: what was done, and when it did
// nothing, why, in a sentence a person can act on.

#include "facade/Engine.h"

#include <QString>
#include <vector>

namespace suplab {

struct ActionOutcome {
    QString what;
    bool ok = true;
    QString message;
    bool inspection = false;
    QString path;
    QString text;
    std::vector<ChildInfo> children;
    ChildCounts counts;
};

/// Does `action` on `engine` (an Inspect asks engine.inspect) and says what it did.
ActionOutcome performForGui(Engine& engine, const Action& action);

} // namespace suplab
