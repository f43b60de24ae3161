#include "CompareTable.h"

#include "compare/MetricCatalog.h"

#include <QCoreApplication>
#include <QHeaderView>

namespace suplab {

namespace {

QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("suplab::CompareTable", text, nullptr, n);
}

QString ms(double v, int decimals = 1) {
    return QString::number(v, 'f', decimals);
}

/// A metric column: its header, the catalog entry that defines it, and its cell.
struct ColumnDef {
    const char* header;
    const char* metric; // null: not a metric
    QString (*text)(const RunMetrics&);
    QString (*tip)(const RunMetrics&);
};

QString noTip(const RunMetrics&) {
    return {};
}

QString recoveryText(const RunMetrics& m) {
    if (!m.meanRecoveryMs) return QStringLiteral("\u2014");
    // Restarts that took no virtual time average to 0 whatever the strategy did: a word
    // says so, not a number that reads as a measurement.
    if (*m.maxRecoveryMs <= 0) return tr("instant");
    return ms(*m.meanRecoveryMs);
}

QString recoveryTip(const RunMetrics& m) {
    if (!m.meanRecoveryMs)
        return m.faultsLanded == 0
                   ? tr("No fault landed in the window: nothing to recover from")
                   : tr("After none of the %n landed fault(s) was every process that had been "
                        "up before it up again within the window",
                        m.faultsLanded);
    if (*m.maxRecoveryMs <= 0)
        return tr("The %n recovered fault(s) took no virtual time: OTP restarts at once and these "
                  "children take no time to start (init_ms 0, no backoff), so there is no "
                  "recovery time to compare.",
                  m.recovered);
    return tr("Over %n recovered fault(s); the longest took %1 ms", m.recovered)
        .arg(ms(*m.maxRecoveryMs));
}

QString perFault(std::optional<double> v) {
    return v ? tr("%1 per landed fault").arg(QString::number(*v, 'f', 2)) : QString();
}

QString approachText(const RunMetrics& m) {
    const double most = m.closestApproachMax();
    if (m.closestApproach.empty()) return QStringLiteral("\u2014");
    return most > 1 ? tr("gave up") : QString::number(most, 'f', 2);
}

QString approachTip(const RunMetrics& m) {
    QStringList lines;
    for (const auto& [path, a] : m.closestApproach)
        lines << QStringLiteral("%1: %2").arg(QString::fromStdString(path),
                                              a > 1 ? tr("gave up") : QString::number(a, 'f', 2));
    return lines.join(QLatin1Char('\n'));
}

const std::vector<ColumnDef>& columns() {
    static const std::vector<ColumnDef> defs = {
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "lane"), nullptr, nullptr, noTip},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "faults\nlanded"), "faults_landed",
         [](const RunMetrics& m) {
             return tr("%1 of %2").arg(m.faultsLanded).arg(m.faultsInjected);
         },
         [](const RunMetrics& m) {
             return tr("%1 of the %2 faults injected took their target down; %3 had no effect "
                       "(the target was already down or gone, or it trapped the signal)")
                 .arg(m.faultsLanded)
                 .arg(m.faultsInjected)
                 .arg(m.faultsWithoutEffect);
         }},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "follow-on\ncrashes"), "follow_on_crashes",
         [](const RunMetrics& m) { return QString::number(m.followOnCrashes); }, noTip},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "restarts"), "restarts",
         [](const RunMetrics& m) { return QString::number(m.restarts); },
         [](const RunMetrics& m) { return perFault(m.restartsPerLandedFault()); }},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "bystanders"), "bystanders",
         [](const RunMetrics& m) { return QString::number(m.bystanders); },
         [](const RunMetrics& m) { return perFault(m.bystandersPerLandedFault()); }},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "give-ups"), "give_ups",
         [](const RunMetrics& m) { return QString::number(m.giveUps); }, noTip},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "closest\napproach"), "closest_approach",
         approachText, approachTip},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "recovered"), "recovered",
         [](const RunMetrics& m) { return tr("%1 of %2").arg(m.recovered).arg(m.faultsLanded); },
         noTip},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "mean\nrecovery ms"), "mean_recovery_ms",
         recoveryText, recoveryTip},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "lost"), "lost",
         [](const RunMetrics& m) { return QString::number(m.lost); },
         [](const RunMetrics& m) {
             return m.deliberateEnds ? tr("Not counted: %n ended on purpose (terminate_child, "
                                          "delete_child)",
                                          m.deliberateEnds)
                                     : QString();
         }},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "worker\navailability"), "worker_availability",
         [](const RunMetrics& m) {
             return QString::number(m.workerAvailability * 100, 'f', 2) + QLatin1Char('%');
         },
         [](const RunMetrics& m) {
             return tr("Workers were down for %1 ms in all").arg(ms(m.workerDowntimeMs, 0));
         }},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "root\nfailed"), "root_failed",
         [](const RunMetrics& m) { return m.rootFailed ? tr("yes") : tr("no"); },
         [](const RunMetrics& m) {
             return m.rootFailedAtMs
                        ? tr("At t = %1 s").arg(QString::number(*m.rootFailedAtMs / 1000, 'f', 2))
                        : tr("The root survived the whole window");
         }},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "reached\nroot"), "reached_root",
         [](const RunMetrics& m) { return m.reachedRoot() ? tr("yes") : tr("no"); },
         [](const RunMetrics& m) {
             return tr("%n give-up(s) of the root's own children reached it", m.escalationsAtRoot);
         }},
        {QT_TRANSLATE_NOOP("suplab::CompareTable", "lane\nnow"), nullptr, nullptr, noTip},
    };
    return defs;
}

/// "lane now" is the last column: it follows the lanes past the window.
int laneNowColumn() {
    return int(columns().size()) - 1;
}

} // namespace

CompareTable::CompareTable(QWidget* parent) : QTableWidget(0, int(columns().size()), parent) {
    setAccessibleName(tr("Comparison table"));
    verticalHeader()->hide();
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int c = 0; c < columnCount(); ++c) {
        const ColumnDef& def = columns()[std::size_t(c)];
        auto* header = new QTableWidgetItem(tr(def.header));
        if (def.metric)
            header->setToolTip(QString::fromUtf8(metricInfo(def.metric)->definition));
        else if (c == laneNowColumn())
            header->setToolTip(tr("The lane as it is now, also after the window"));
        setHorizontalHeaderItem(c, header);
    }
}

void CompareTable::setLanes(const QStringList& overrides) {
    setRowCount(int(overrides.size()));
    for (int r = 0; r < rowCount(); ++r)
        for (int c = 0; c < columnCount(); ++c)
            setItem(r, c,
                    new QTableWidgetItem(c == 0
                                             ? QStringLiteral("%1: %2").arg(r + 1).arg(overrides[r])
                                             : QString()));
}

void CompareTable::showResults(const std::vector<LaneResult>& results) {
    for (int r = 0; r < int(results.size()) && r < rowCount(); ++r) {
        const RunMetrics& m = results[std::size_t(r)].metrics;
        for (int c = 0; c < columnCount(); ++c) {
            const ColumnDef& def = columns()[std::size_t(c)];
            if (!def.text) continue;
            item(r, c)->setText(def.text(m));
            item(r, c)->setToolTip(def.tip(m));
        }
    }
    resizeColumnsToContents();
}

void CompareTable::showLaneNow(int lane, const QString& text) {
    if (lane < rowCount()) item(lane, laneNowColumn())->setText(text);
}

int CompareTable::columnOf(const QString& header) const {
    for (int c = 0; c < columnCount(); ++c)
        if (horizontalHeaderItem(c)->text().replace(QLatin1Char('\n'), QLatin1Char(' ')) == header)
            return c;
    return -1;
}

} // namespace suplab
