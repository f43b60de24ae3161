#pragma once
// The event log seen through a filter: free text, event kinds, a subtree. It keeps
// the list of matching rows of the append-only log and extends it as events
// arrive, so following a flood costs only the new rows and a new filter is one
// pass over compact records (no QVariant per cell, no proxy bookkeeping).

#include <QAbstractTableModel>
#include <QSet>

#include <cstdint>
#include <string>
#include <vector>

namespace suplab {

struct Event;
class EventLogModel;

class EventFilterProxy final : public QAbstractTableModel {
    Q_OBJECT
  public:
    using QAbstractTableModel::QAbstractTableModel;

    void setSourceModel(EventLogModel* source);
    EventLogModel* sourceModel() const { return source_; }

    void setText(const QString& text);
    /// Empty: every kind.
    void setKinds(const QSet<int>& kinds);
    /// Only events of this process and those below it; empty: everything.
    void setSubtree(const QString& path);
    /// All three at once, with a single pass over the log.
    void setFilter(const QString& text, const QSet<int>& kinds, const QString& subtree);

    /// Whether the source row passes the filter.
    bool accepts(std::size_t row) const;
    QModelIndex mapToSource(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

  private:
    void refilter();
    void sourceRowsInserted(int first, int last);

    EventLogModel* source_ = nullptr;
    std::vector<int> rows_;   // source rows that pass, in order
    std::string text_;        // lower case
    std::uint32_t kinds_ = 0; // a bit per EventKind; 0: all
    std::string subtree_;
    // Per distinct string of the store: -1 not yet tested, 0 no, 1 yes.
    mutable std::vector<std::int8_t> textMatch_, inSubtree_;
    bool textIsDigits_ = false, textMayBePid_ = false;

    bool matches(std::vector<std::int8_t>& cache, std::uint32_t id,
                 bool (*test)(const std::string&, const std::string&),
                 const std::string& arg) const;
};

} // namespace suplab
