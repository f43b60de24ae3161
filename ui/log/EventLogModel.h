#pragma once
// The event log as an append-only table: events arrive in batches (one insert
// per frame), are never changed, and are the very records an export writes.
// They are kept compact in an EventStore.

#include "events/Event.h"
#include "log/EventStore.h"

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
    Event event(int row) const { return store_.event(std::size_t(row)); }
    /// Every event, rebuilt (for exports and tests; the store itself is compact).
    std::vector<Event> events() const { return store_.events(0, store_.size()); }
    const EventStore& store() const { return store_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    EventStore store_;
};

} // namespace suplab
