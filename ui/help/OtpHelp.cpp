#include "OtpHelp.h"

#include <QCoreApplication>

namespace suplab::help {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("OtpHelp", text);
}
} // namespace

QString strategy(Strategy s) {
    switch (s) {
    case Strategy::OneForOne:
        return tr("one_for_one: a child that dies is restarted alone; its siblings go on.");
    case Strategy::OneForAll:
        return tr("one_for_all: a child that dies takes all its siblings down; all are "
                  "restarted, in start order.");
    case Strategy::RestForOne:
        return tr("rest_for_one: a child that dies takes down the siblings started after it "
                  "(they depend on it); those are restarted, in start order.");
    }
    return {};
}

QString dynamicStrategy() {
    return tr("DynamicSupervisor: starts children on demand (start_child), each restarted "
              "alone as under one_for_one. Its children are lost if it restarts.");
}

QString restart(RestartType r) {
    switch (r) {
    case RestartType::Permanent:
        return tr("restart permanent: restarted whenever it ends, even normally.");
    case RestartType::Transient:
        return tr("restart transient: restarted only after an abnormal exit (not normal, "
                  "shutdown or {shutdown, _}).");
    case RestartType::Temporary:
        return tr("restart temporary: never restarted; its supervisor forgets it when it ends.");
    }
    return {};
}

QString shutdown(const ShutdownSpec& s, bool supervisor) {
    switch (s.kind) {
    case ShutdownSpec::Kind::BrutalKill:
        return tr("shutdown brutal_kill: stopped with an untrappable kill, at once.");
    case ShutdownSpec::Kind::Infinity:
        return supervisor ? tr("shutdown infinity: its parent waits as long as it takes to "
                               "stop its own children.")
                          : tr("shutdown infinity: its parent waits for ever for it to stop.");
    case ShutdownSpec::Kind::Timeout:
        return tr("shutdown %1 ms: asked to exit with reason shutdown; killed if it is not gone "
                  "after %1 ms.")
            .arg(s.ms);
    }
    return {};
}

QString intensity(int maxRestarts, int maxSeconds) {
    return tr("intensity %1 in %2 s: more than %1 restarts within %2 s and the supervisor "
              "gives up: it stops its children and exits with reason shutdown, so its own "
              "parent decides.")
        .arg(maxRestarts)
        .arg(maxSeconds);
}

QString autoShutdown(AutoShutdown a) {
    switch (a) {
    case AutoShutdown::Never:
        return {};
    case AutoShutdown::AnySignificant:
        return tr("auto_shutdown any_significant: the supervisor stops itself once any "
                  "significant child has ended on its own.");
    case AutoShutdown::AllSignificant:
        return tr("auto_shutdown all_significant: the supervisor stops itself once all its "
                  "significant children have ended on their own.");
    }
    return {};
}

QString significant() {
    return tr("significant: its exit can stop its supervisor (see auto_shutdown).");
}

QString trapExit() {
    return tr("traps exits: exit signals reach it as messages; asked to shut down, it runs "
              "its terminate step first.");
}

QString node(const NodeSpec& n) {
    QStringList lines;
    if (n.type == NodeType::DynamicSupervisor)
        lines << dynamicStrategy();
    else if (n.type == NodeType::Supervisor)
        lines << strategy(n.strategy);
    if (n.isSupervisor()) lines << intensity(n.max_restarts, n.max_seconds);
    if (n.isSupervisor() && n.auto_shutdown != AutoShutdown::Never)
        lines << autoShutdown(n.auto_shutdown);
    lines << restart(n.restart) << shutdown(n.shutdown, n.isSupervisor());
    if (n.significant) lines << significant();
    if (!n.isSupervisor() && n.trap_exit) lines << trapExit();
    return lines.join(QLatin1Char('\n'));
}

} // namespace suplab::help
