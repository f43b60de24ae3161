#include "InspectorHtml.h"

#include "help/OtpHelp.h"
#include "help/Plural.h"
#include "state/TreeState.h"

#include <QObject>

namespace suplab {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}
QString tr(const char* text) {
    return QObject::tr(text);
}
/// A pid as iex shows it: #PID<0.17.0>.
QString iexPid(Pid pid) {
    return QStringLiteral("#PID<0.%1.0>").arg(pid);
}
} // namespace

QString whichChildrenEntry(const ChildInfo& c) {
    const QString child = c.state == ChildState::Running      ? iexPid(c.pid)
                          : c.state == ChildState::Restarting ? QStringLiteral(":restarting")
                                                              : QStringLiteral(":undefined");
    const QString id = q(c.id);
    return QStringLiteral("{%1, %2, %3, [%1]}")
        .arg(id, child, c.supervisor ? QStringLiteral(":supervisor") : QStringLiteral(":worker"));
}

QString inspectorHtml(const TreeState& state, const ProcessNode& n, std::int64_t nowUs,
                      const InspectorAnswer& live) {
    QString html =
        QStringLiteral("<style>td{padding:1px 8px 1px 0;vertical-align:top} td.k{color:#808080;"
                       "white-space:nowrap} h3{margin:0} p.path{margin:0 0 6px 0} "
                       "p.sec{margin:8px 0 2px 0;font-weight:bold} pre{margin:0}</style>");
    html += QStringLiteral("<h3>%1</h3><p class=\"path\"><small>%2</small></p>")
                .arg(q(n.id).toHtmlEscaped(), q(n.path).toHtmlEscaped());
    auto table = [&] { html += QStringLiteral("<table>"); };
    auto row = [&](const QString& k, const QString& v) {
        html += QStringLiteral("<tr><td class=\"k\">%1</td><td>%2</td></tr>")
                    .arg(k.toHtmlEscaped(), v.toHtmlEscaped());
    };
    auto end = [&] { html += QStringLiteral("</table>"); };
    auto section = [&](const QString& title) {
        html += QStringLiteral("<p class=\"sec\">%1</p>").arg(title.toHtmlEscaped());
    };

    section(tr("Process"));
    table();
    row(tr("pid"), q(formatPid(n.pid)));
    row(tr("state"), QString::fromLatin1(toString(n.state)));
    // What a worker holds, high up: the console's lines change it, a restart wipes it.
    const bool running = n.state == ProcessState::Running;
    if (!n.isSupervisor() && running && live.answered && !live.text.isEmpty())
        row(tr("holds"), live.text);
    if (n.upSinceUs >= 0)
        row(tr("uptime"), QObject::tr("%1 s").arg(double(nowUs - n.upSinceUs) / 1e6, 0, 'f', 2));
    row(tr("restarts"), QString::number(n.restarts));
    row(tr("last exit reason"), n.lastReason.empty() ? tr("(none)") : q(n.lastReason));
    if (n.isSupervisor()) {
        // What a folded box counts, in words: its restarts are its children's.
        const TreeState::Summary inside = state.summarize(n.path);
        row(tr("below it"), QStringLiteral("%1, %2 not running, %3")
                                .arg(countOf(inside.processes, "process", "processes"))
                                .arg(inside.notRunning)
                                .arg(countOf(inside.restarts, "restart", "restarts")));
    }
    if (n.gaveUpAtUs >= 0)
        row(tr("gave up"), QObject::tr("at %1 s: exceeded its restart intensity and exited; its "
                                       "parent decides what happens next")
                               .arg(double(n.gaveUpAtUs) / 1e6, 0, 'f', 2));
    end();

    if (n.spec) {
        const NodeSpec& s = *n.spec;
        section(tr("Child spec"));
        table();
        if (!s.note.empty()) row(tr("note"), q(s.note));
        row(tr("type"), QString::fromLatin1(toString(s.type)));
        row(tr("restart"), QString::fromLatin1(toString(s.restart)));
        row(tr("shutdown"), q(s.shutdown.format()));
        if (s.significant) row(tr("significant"), tr("true"));
        if (s.type == NodeType::Supervisor) {
            row(tr("strategy"), QString::fromLatin1(toString(s.strategy)));
            row(tr("auto_shutdown"), QString::fromLatin1(toString(s.auto_shutdown)));
        }
        if (s.isSupervisor()) {
            const auto [used, max] = state.budget(n.path, nowUs);
            row(tr("intensity"), QObject::tr("%1 of max_restarts %2 in max_seconds %3")
                                     .arg(used)
                                     .arg(max)
                                     .arg(s.max_seconds));
            if (s.type == NodeType::DynamicSupervisor)
                row(tr("max_children"),
                    s.max_children < 0 ? tr("infinity") : QString::number(s.max_children));
        } else {
            row(tr("behaviour"), q(s.behaviour));
            if (s.trap_exit) row(tr("trap_exit"), tr("true"));
            if (!s.uses.empty()) {
                QStringList deps;
                for (const auto& d : s.uses)
                    deps << q(d);
                row(tr("uses"), deps.join(QStringLiteral(", ")));
            }
        }
        end();
    }

    if (!running) {
        section(tr("Live"));
        html +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("Not running: nothing to ask it until it is up again.").toHtmlEscaped());
    } else if (live.answered) {
        if (!live.text.isEmpty() && n.isSupervisor()) {
            section(tr("Summary"));
            html += QStringLiteral("<p>%1</p>").arg(live.text.toHtmlEscaped());
        }
        if (n.isSupervisor()) {
            section(tr("Supervisor.which_children/1"));
            QString lines;
            for (const auto& c : live.children)
                lines += whichChildrenEntry(c).toHtmlEscaped() + QLatin1Char('\n');
            html += QStringLiteral("<pre>[%1]</pre>")
                        .arg(lines.isEmpty() ? QString() : QLatin1Char('\n') + lines);
            section(tr("Supervisor.count_children/1"));
            html +=
                QStringLiteral("<pre>%1</pre>")
                    .arg(QStringLiteral("%{active: %1, specs: %2, supervisors: %3, workers: %4}")
                             .arg(live.counts.active)
                             .arg(live.counts.specs)
                             .arg(live.counts.supervisors)
                             .arg(live.counts.workers)
                             .toHtmlEscaped());
        }
    }
    if (n.spec) {
        section(tr("What this means"));
        html += QStringLiteral("<p><small>%1</small></p>")
                    .arg(help::node(*n.spec).toHtmlEscaped().replace(QLatin1Char('\n'),
                                                                     QStringLiteral("<br>")));
    }
    return html;
}

} // namespace suplab
