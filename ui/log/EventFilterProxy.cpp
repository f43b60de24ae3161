#include "EventFilterProxy.h"

#include "log/EventLogModel.h"

#include <algorithm>
#include <cctype>

namespace suplab {

namespace {
std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}
bool containsFolded(const std::string& haystack, const std::string& needle) {
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [](char a, char b) {
                           return std::tolower(static_cast<unsigned char>(a)) == b;
                       }) != haystack.end();
}
std::uint32_t maskOf(const QSet<int>& kinds) {
    std::uint32_t mask = 0;
    for (int k : kinds)
        if (k >= 0 && k < 32) mask |= 1u << k;
    return mask;
}
} // namespace

void EventFilterProxy::setSourceModel(EventLogModel* source) {
    if (source_) disconnect(source_, nullptr, this, nullptr);
    source_ = source;
    if (source_) {
        connect(
            source_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { sourceRowsInserted(first, last); });
        connect(source_, &QAbstractItemModel::modelReset, this, &EventFilterProxy::refilter);
    }
    refilter();
}

void EventFilterProxy::setText(const QString& text) {
    text_ = lower(text.toStdString());
    refilter();
}

void EventFilterProxy::setKinds(const QSet<int>& kinds) {
    kinds_ = maskOf(kinds);
    refilter();
}

void EventFilterProxy::setSubtree(const QString& path) {
    subtree_ = path.toStdString();
    refilter();
}

void EventFilterProxy::setFilter(const QString& text, const QSet<int>& kinds,
                                 const QString& subtree) {
    text_ = lower(text.toStdString());
    kinds_ = maskOf(kinds);
    subtree_ = subtree.toStdString();
    refilter();
}

bool EventFilterProxy::accepts(const Event& e) const {
    if (kinds_ && !(kinds_ & (1u << static_cast<unsigned>(e.kind)))) return false;
    if (!subtree_.empty() && e.path != subtree_ &&
        !(e.path.size() > subtree_.size() && e.path.compare(0, subtree_.size(), subtree_) == 0 &&
          e.path[subtree_.size()] == '/'))
        return false;
    if (text_.empty()) return true;
    return containsFolded(e.path, text_) || containsFolded(e.reason, text_) ||
           containsFolded(e.detail, text_) || containsFolded(e.op, text_) ||
           containsFolded(toString(e.kind), text_) || containsFolded(formatPid(e.pid), text_) ||
           containsFolded(std::to_string(e.seq), text_);
}

void EventFilterProxy::refilter() {
    beginResetModel(); // a new filter: one pass over the records
    rows_.clear();
    if (source_) {
        const auto& events = source_->events();
        for (std::size_t i = 0; i < events.size(); ++i)
            if (accepts(events[i])) rows_.push_back(int(i));
    }
    endResetModel();
}

void EventFilterProxy::sourceRowsInserted(int first, int last) {
    std::vector<int> added;
    for (int r = first; r <= last; ++r)
        if (accepts(source_->event(r))) added.push_back(r);
    if (added.empty()) return;
    const int at = int(rows_.size());
    beginInsertRows({}, at, at + int(added.size()) - 1);
    rows_.insert(rows_.end(), added.begin(), added.end());
    endInsertRows();
}

QModelIndex EventFilterProxy::mapToSource(const QModelIndex& index) const {
    if (!index.isValid() || !source_ || index.row() >= int(rows_.size())) return {};
    return source_->index(rows_[std::size_t(index.row())], index.column());
}

int EventFilterProxy::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

int EventFilterProxy::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : EventLogModel::ColumnCount;
}

QVariant EventFilterProxy::data(const QModelIndex& index, int role) const {
    const QModelIndex source = mapToSource(index);
    return source.isValid() ? source.data(role) : QVariant();
}

QVariant EventFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const {
    return source_ ? source_->headerData(section, orientation, role) : QVariant();
}

} // namespace suplab
