#pragma once
// The event log as an append-only table: events arrive in batches (one insert
// per frame), are never changed, and are the very records an export writes.

#include "events/Event.h"

#include <QAbstractTableModel>
#include <vector>

namespace suplab {

class EventLogModel final : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { Seq, Time, Kind, Path, PidColumn, ReasonColumn, Detail, ColumnCount };
    enum Role { EventKindRole = Qt::UserRole + 1, PathRole };

    using QAbstractTableModel::QAbstractTableModel;

    void append(const std::vector<Event>& batch);
    void clear();
    const Event& event(int row) const { return events_[std::size_t(row)]; }
    const std::vector<Event>& events() const { return events_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    std::vector<Event> events_;
};

} // namespace suplab
