#include "ProcessMenu.h"

#include "base/Reason.h"
#include "state/TreeState.h"

#include <QInputDialog>
#include <QLineEdit>

namespace suplab {

bool fillProcessMenu(QMenu& menu, const TreeState& state, const QString& path, bool folded,
                     const ProcessMenuActions& a) {
    const ProcessNode* n = state.find(path.toStdString());
    if (!n) return false;
    QWidget* parent = menu.parentWidget();
    const bool running = n->state == ProcessState::Running;
    // A process that is not running cannot be broken: its faults are shown, greyed.
    menu.addAction(running
                       ? path
                       : QObject::tr("%1 (%2)").arg(path, QString::fromLatin1(toString(n->state))))
        ->setEnabled(false);
    menu.addSeparator();
    const auto faultsFrom = menu.actions().size();
    auto act = [a, path](const QString& action, const QString& arg = {}) {
        return [a, path, action, arg] { a.act(path, action, arg); };
    };
    menu.addAction(QObject::tr("&Kill (exit signal kill)"), act(QStringLiteral("kill")))
        ->setShortcut(QKeySequence(Qt::Key_K));
    // Asks for a reason; a word that is not one is said, not run.
    auto askReason = [a, path, parent](const QString& title, const QString& label,
                                       const QString& action) {
        return [a, path, parent, title, label, action] {
            bool ok = false;
            const QString reason = QInputDialog::getText(parent, title, label, QLineEdit::Normal,
                                                         QStringLiteral("boom"), &ok);
            if (!ok) return;
            if (!Reason::isValidText(reason.trimmed().toStdString())) {
                a.refuse(QObject::tr("\"%1\" is not an exit reason: use a word such as boom, "
                                     "normal, shutdown or {shutdown,maint}. Nothing done.")
                             .arg(reason));
                return;
            }
            a.act(path, action, reason.trimmed());
        };
    };
    if (!n->isSupervisor()) {
        menu.addAction(QObject::tr("&Crash (boom)"),
                       act(QStringLiteral("crash"), QStringLiteral("boom")))
            ->setShortcut(QKeySequence(Qt::Key_C));
        menu.addAction(QObject::tr("Crash with reason..."),
                       askReason(QObject::tr("Crash"),
                                 QObject::tr("Exit reason (a word, or {shutdown,WORD}):"),
                                 QStringLiteral("crash")));
        menu.addAction(QObject::tr("Exit &normal"),
                       act(QStringLiteral("crash"), QStringLiteral("normal")));
    }
    menu.addAction(QObject::tr("Exit signal shutdown"),
                   act(QStringLiteral("exit"), QStringLiteral("shutdown")));
    menu.addAction(QObject::tr("Exit signal {shutdown,maint}"),
                   act(QStringLiteral("exit"), QStringLiteral("{shutdown,maint}")));
    menu.addAction(
        QObject::tr("Send exit signal..."),
        askReason(QObject::tr("Exit signal"), QObject::tr("Reason:"), QStringLiteral("exit")));
    for (qsizetype i = faultsFrom; i < menu.actions().size(); ++i)
        menu.actions()[i]->setEnabled(running);
    if (n->isSupervisor()) {
        menu.addSeparator();
        const bool dynamic = n->spec && n->spec->type == NodeType::DynamicSupervisor;
        QMenu* term = menu.addMenu(QObject::tr("Terminate child"));
        QMenu* rest = dynamic ? nullptr : menu.addMenu(QObject::tr("Restart child"));
        QMenu* del = dynamic ? nullptr : menu.addMenu(QObject::tr("Delete child"));
        for (const auto& childPath : n->children) {
            const ProcessNode* c = state.find(childPath);
            if (!c || c->state == ProcessState::Removed) continue;
            const QString id = QString::fromStdString(c->id);
            term->addAction(id, act(QStringLiteral("terminate_child"), id));
            if (rest) rest->addAction(id, act(QStringLiteral("restart_child"), id));
            if (del) del->addAction(id, act(QStringLiteral("delete_child"), id));
        }
        for (QMenu* m : {term, rest, del})
            if (m && m->isEmpty()) m->setEnabled(false);
        menu.addAction(QObject::tr("Start child..."), [a, path] { a.startChild(path); })
            ->setEnabled(running);
        for (QMenu* m : {term, rest, del})
            if (m && !running) m->setEnabled(false);
    }
    menu.addSeparator();
    if (!n->children.empty())
        menu.addAction(folded ? QObject::tr("Unfold subtree") : QObject::tr("Fold subtree"),
                       [a, path, folded] { a.fold(path, !folded); });
    menu.addAction(QObject::tr("Zoom to it"), [a] { a.zoomToSelection(); });
    if (n->gaveUpAtUs >= 0)
        menu.addAction(QObject::tr("Dismiss the \"gave up\" mark"),
                       [a, path] { a.dismissGiveUp(path); });
    return true;
}

} // namespace suplab
