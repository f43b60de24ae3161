#include "EventFilterProxy.h"

#include "log/EventLogModel.h"

namespace suplab {

void EventFilterProxy::setText(const QString& text) {
    text_ = text;
    invalidateFilter();
}

void EventFilterProxy::setKinds(const QSet<int>& kinds) {
    kinds_ = kinds;
    invalidateFilter();
}

void EventFilterProxy::setSubtree(const QString& path) {
    subtree_ = path;
    invalidateFilter();
}

bool EventFilterProxy::filterAcceptsRow(int row, const QModelIndex& parent) const {
    auto* log = static_cast<const EventLogModel*>(sourceModel());
    const Event& e = log->event(row);
    if (!kinds_.isEmpty() && !kinds_.contains(int(e.kind))) return false;
    if (!subtree_.isEmpty()) {
        const std::string sub = subtree_.toStdString();
        if (e.path != sub && e.path.rfind(sub + "/", 0) != 0) return false;
    }
    if (text_.isEmpty()) return true;
    for (int c = 0; c < EventLogModel::ColumnCount; ++c)
        if (log->index(row, c, parent).data().toString().contains(text_, Qt::CaseInsensitive))
            return true;
    return false;
}

} // namespace suplab
