#include "ActionOutcome.h"

namespace suplab {

ActionOutcome performForGui(Engine& engine, const Action& action) {
    using K = Action::Kind;
    ActionOutcome result;
    const QString path = QString::fromStdString(action.target);
    if (action.kind == K::Inspect) {
        // A look, not an action: a process that is gone is an answer, not a failure,
        // and nobody is told of it but the inspector.
        result.what = QStringLiteral("inspect");
        result.inspection = true;
        result.path = path;
        Inspection found = engine.inspect(action.target);
        if (!found.running) {
            result.ok = false;
            result.message = QStringLiteral("not running");
            return result;
        }
        result.text = QString::fromStdString(found.text);
        result.children = std::move(found.children);
        result.counts = found.counts;
        return result;
    }
    if (action.isSignal()) {
        result.what = (action.kind == K::Kill   ? QStringLiteral("Kill ")
                       : action.kind == K::Exit ? QStringLiteral("Exit signal to ")
                                                : QStringLiteral("Crash ")) +
                      path;
    } else {
        result.what = QString::fromUtf8(action.opName()) + QLatin1Char(' ') +
                      QString::fromStdString(action.subject());
    }
    const ActionResult done = engine.perform(action);
    if (!done.targetFound) {
        result.ok = false;
        result.message =
            action.isSignal()
                ? QStringLiteral(
                      "it is not running (it has just died or was removed); nothing done")
                : QStringLiteral("the supervisor %1 is not running; nothing done").arg(path);
    } else if (!done.call.ok()) {
        result.ok = false;
        result.message =
            QStringLiteral("{error, %1}").arg(QString::fromStdString(done.call.errorWord()));
    }
    return result;
}

} // namespace suplab
