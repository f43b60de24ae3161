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
bool isAtOrBelow(const std::string& path, const std::string& subtree) {
    return path == subtree ||
           (path.size() > subtree.size() && path.compare(0, subtree.size(), subtree) == 0 &&
            path[subtree.size()] == '/');
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

bool EventFilterProxy::matches(std::vector<std::int8_t>& cache, std::uint32_t id,
                               bool (*test)(const std::string&, const std::string&),
                               const std::string& arg) const {
    const EventStore& store = source_->store();
    if (cache.size() < store.textCount()) cache.resize(store.textCount(), -1);
    if (cache[id] < 0) cache[id] = test(store.text(id), arg) ? 1 : 0;
    return cache[id] != 0;
}

bool EventFilterProxy::accepts(std::size_t row) const {
    const EventStore::Record& e = source_->store().record(row);
    if (kinds_ && !(kinds_ & (1u << static_cast<unsigned>(e.kind)))) return false;
    if (!subtree_.empty() && !matches(inSubtree_, e.path, &isAtOrBelow, subtree_)) return false;
    if (text_.empty()) return true;
    // Each distinct string is searched once per filter, however many events share it.
    if (matches(textMatch_, e.path, &containsFolded, text_) ||
        matches(textMatch_, e.reason, &containsFolded, text_) ||
        matches(textMatch_, e.detail, &containsFolded, text_) ||
        matches(textMatch_, e.op, &containsFolded, text_) ||
        containsFolded(toString(e.kind), text_))
        return true;
    return (textMayBePid_ && containsFolded(formatPid(e.pid), text_)) ||
           (textIsDigits_ && containsFolded(std::to_string(e.seq), text_));
}

void EventFilterProxy::refilter() {
    beginResetModel(); // a new filter: one pass over the records
    rows_.clear();
    textMatch_.clear();
    inSubtree_.clear();
    textIsDigits_ = !text_.empty() && text_.find_first_not_of("0123456789") == std::string::npos;
    textMayBePid_ = !text_.empty() && text_.find_first_not_of("<>.0123456789") == std::string::npos;
    if (source_) {
        const std::size_t n = source_->store().size();
        for (std::size_t i = 0; i < n; ++i)
            if (accepts(i)) rows_.push_back(int(i));
    }
    endResetModel();
}

void EventFilterProxy::sourceRowsInserted(int first, int last) {
    std::vector<int> added;
    for (int r = first; r <= last; ++r)
        if (accepts(std::size_t(r))) added.push_back(r);
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
