#include "EventLogModel.h"

#include <QBrush>
#include <QColor>

namespace suplab {

void EventLogModel::append(const std::vector<Event>& batch) {
    if (batch.empty()) return;
    const int first = int(store_.size());
    beginInsertRows({}, first, first + int(batch.size()) - 1);
    for (const Event& e : batch)
        store_.append(e);
    endInsertRows();
}

void EventLogModel::clear() {
    beginResetModel(); // a new run: the one reset the log ever gets
    store_.clear();
    endResetModel();
}

int EventLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(store_.size());
}

int EventLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(store_.size())) return {};
    const EventStore::Record& e = store_.record(std::size_t(index.row()));
    auto text = [this](std::uint32_t id) { return QString::fromStdString(store_.text(id)); };
    if (role == EventKindRole) return int(e.kind);
    if (role == PathRole) return text(e.path);
    if (role == Qt::ForegroundRole && index.column() == Kind) {
        switch (e.kind) {
        case EventKind::Down:
            return QBrush(QColor(0xc6, 0x28, 0x28));
        case EventKind::GiveUp:
            return QBrush(QColor(0xd8, 0x1b, 0x60));
        case EventKind::Up:
            return QBrush(QColor(0x2e, 0x7d, 0x32));
        case EventKind::Error:
        case EventKind::StartFailed:
            return QBrush(QColor(0xef, 0x6c, 0x00));
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Seq:
        return qulonglong(e.seq);
    case Time:
        return QString::number(double(e.tUs) / 1000.0, 'f', 3);
    case Kind:
        return e.op == 0 ? QString::fromLatin1(toString(e.kind))
                         : QString::fromLatin1(toString(e.kind)) + QLatin1Char(' ') + text(e.op);
    case Path:
        return text(e.path);
    case PidColumn: // a restart decision has no pid yet: its up event brings the new one
        return e.pid == kNoPid ? QString() : QString::fromStdString(formatPid(e.pid));
    case ReasonColumn:
        return text(e.reason);
    case Detail:
        return text(e.detail);
    default:
        return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Seq:
        return tr("seq");
    case Time:
        return tr("time (ms)");
    case Kind:
        return tr("event");
    case Path:
        return tr("path");
    case PidColumn:
        return tr("pid");
    case ReasonColumn:
        return tr("reason");
    case Detail:
        return tr("detail");
    default:
        return {};
    }
}

} // namespace suplab
