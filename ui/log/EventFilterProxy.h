#pragma once
// Filters the event log by free text, by event kind and by subtree.

#include <QSet>
#include <QSortFilterProxyModel>

namespace suplab {

class EventFilterProxy final : public QSortFilterProxyModel {
    Q_OBJECT
  public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setText(const QString& text);
    /// Empty: every kind.
    void setKinds(const QSet<int>& kinds);
    /// Only events of this process and those below it; empty: everything.
    void setSubtree(const QString& path);

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

  private:
    QString text_;
    QSet<int> kinds_;
    QString subtree_;
};

} // namespace suplab
