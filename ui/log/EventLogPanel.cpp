#include "EventLogPanel.h"

#include "events/EventFormat.h"
#include "io/AtomicFile.h"
#include "log/EventFilterProxy.h"
#include "log/EventLogModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace suplab {

namespace {
/// A path too long for its column keeps its end: the last segment says which process.
class KeepTheEnd final : public QStyledItemDelegate {
  public:
    using QStyledItemDelegate::QStyledItemDelegate;

  protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideLeft;
    }
};
} // namespace

EventLogPanel::EventLogPanel(QWidget* parent) : QWidget(parent) {
    model_ = new EventLogModel(this);
    proxy_ = new EventFilterProxy(this);
    proxy_->setSourceModel(model_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* filterRow = new QHBoxLayout();
    text_ = new QLineEdit(this);
    text_->setPlaceholderText(tr("Filter: text in any column"));
    text_->setAccessibleName(tr("Event log filter"));
    text_->setClearButtonEnabled(true);
    kind_ = new QComboBox(this);
    kind_->setAccessibleName(tr("Event kind"));
    kind_->setToolTip(tr("Show one kind of event, or the conformance trace (the events a "
                         "real Elixir/OTP runtime is compared on)"));
    kind_->addItem(tr("all events"), -1);
    kind_->addItem(tr("conformance trace"), -2);
    for (int k = 0; k <= int(EventKind::Call); ++k)
        kind_->addItem(QString::fromLatin1(toString(EventKind(k))), k);
    subtree_ = new QCheckBox(tr("selected subtree only"), this);
    follow_ = new QCheckBox(tr("follow"), this);
    follow_->setChecked(true);
    summary_ = new QLabel(this);
    summary_->setStyleSheet(QStringLiteral("color: #b26a00; font-weight: bold"));
    clear_ = new QToolButton(this);
    clear_->setText(tr("Show all"));
    clear_->setToolTip(tr("Clear the filter"));
    filterRow->addWidget(text_, 1);
    filterRow->addWidget(kind_);
    filterRow->addWidget(subtree_);
    filterRow->addWidget(follow_);
    filterRow->addWidget(summary_);
    filterRow->addWidget(clear_);
    layout->addLayout(filterRow);
    view_ = new QTableView(this);
    view_->setModel(proxy_);
    view_->setAccessibleName(tr("Event log"));
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(20);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setItemDelegateForColumn(EventLogModel::Path, new KeepTheEnd(view_));
    view_->setWordWrap(false);
    view_->setColumnWidth(EventLogModel::Seq, 60);
    view_->setColumnWidth(EventLogModel::Time, 80);
    view_->setColumnWidth(EventLogModel::Kind, 110);
    view_->setColumnWidth(EventLogModel::Path, 340);
    view_->setColumnWidth(EventLogModel::PidColumn, 95);
    view_->setColumnWidth(EventLogModel::ReasonColumn, 110);
    layout->addWidget(view_);
    connect(text_, &QLineEdit::textChanged, this, &EventLogPanel::applyFilter);
    connect(kind_, &QComboBox::currentIndexChanged, this, &EventLogPanel::applyFilter);
    connect(subtree_, &QCheckBox::toggled, this, &EventLogPanel::applyFilter);
    connect(clear_, &QToolButton::clicked, this, [this] {
        const QSignalBlocker a(text_), b(kind_), c(subtree_);
        text_->clear();
        kind_->setCurrentIndex(0);
        subtree_->setChecked(false);
        applyFilter();
    });
    connect(view_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT pathActivated(index.data(EventLogModel::PathRole).toString());
    });
    updateSummary();
}

void EventLogPanel::append(const std::vector<Event>& events) {
    model_->append(events);
    if (follow_->isChecked()) view_->scrollToBottom();
    updateSummary();
}

void EventLogPanel::reset() {
    model_->clear();
    {
        const QSignalBlocker a(text_), b(kind_), c(subtree_);
        text_->clear();
        kind_->setCurrentIndex(0);
        subtree_->setChecked(false);
    }
    selected_.clear();
    applyFilter();
}

void EventLogPanel::setSelected(const QString& path) {
    selected_ = path;
    if (subtree_->isChecked()) applyFilter();
}

void EventLogPanel::applyFilter() {
    const int kind = kind_->currentData().toInt();
    QSet<int> kinds;
    if (kind == -2)
        for (auto k : {EventKind::Up, EventKind::Down, EventKind::StartFailed, EventKind::GiveUp,
                       EventKind::Error})
            kinds.insert(int(k));
    else if (kind >= 0)
        kinds.insert(kind);
    proxy_->setFilter(text_->text(), kinds, subtree_->isChecked() ? selected_ : QString());
    updateSummary();
}

QString EventLogPanel::filterSummary() const {
    const bool filtering = !text_->text().isEmpty() || kind_->currentIndex() != 0 ||
                           (subtree_->isChecked() && !selected_.isEmpty());
    if (!filtering) return {};
    return tr("%1 of %2 events shown").arg(proxy_->rowCount()).arg(model_->rowCount());
}

void EventLogPanel::updateSummary() {
    const QString s = filterSummary();
    summary_->setText(s);
    summary_->setVisible(!s.isEmpty());
    clear_->setVisible(!s.isEmpty());
}

QString EventLogPanel::exportLog(const QString& file, bool filtered) const {
    // Formatted straight from the compact store: no copy of the log as Event objects.
    const bool asCsv = file.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    const char* eol = asCsv ? "\r\n" : "\n"; // as csv() and jsonl() write them
    std::string text = asCsv ? csvHeader() + eol : std::string();
    auto add = [&](int row) {
        const Event e = model_->event(row);
        text += asCsv ? csvLine(e) : jsonlLine(e);
        text += eol;
    };
    if (filtered) {
        for (int r = 0; r < proxy_->rowCount(); ++r)
            add(proxy_->mapToSource(proxy_->index(r, 0)).row());
    } else {
        for (int r = 0; r < model_->rowCount(); ++r)
            add(r);
    }
    return QString::fromStdString(writeFileAtomically(file.toStdString(), text));
}

} // namespace suplab
