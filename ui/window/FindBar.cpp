#include "FindBar.h"

#include "state/TreeState.h"

#include <QCompleter>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStringListModel>
#include <QToolButton>

namespace suplab {

FindBar::FindBar(QWidget* parent) : QWidget(parent) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);
    auto* label = new QLabel(tr("Find:"), this);
    field_ = new QLineEdit(this);
    field_->setPlaceholderText(tr("a name, a path or a pid (<0.17>)"));
    field_->setAccessibleName(tr("Find a process"));
    field_->setClearButtonEnabled(true);
    paths_ = new QStringListModel(this);
    completer_ = new QCompleter(paths_, this);
    completer_->setCaseSensitivity(Qt::CaseInsensitive);
    completer_->setFilterMode(Qt::MatchContains);
    field_->setCompleter(completer_);
    count_ = new QLabel(this);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Close (Esc)"));
    row->addWidget(label);
    row->addWidget(field_, 1);
    row->addWidget(count_);
    row->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(field_, &QLineEdit::returnPressed, this, &FindBar::next);
    connect(field_, &QLineEdit::textChanged, this, [this] {
        hits_.clear();
        at_ = -1;
        count_->clear();
    });
    connect(completer_, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& path) {
                hits_ = {path};
                at_ = 0;
                count_->setText(tr("1 match"));
                Q_EMIT found(path);
            });
    hide();
}

void FindBar::open(const TreeState* state) {
    state_ = state;
    QStringList all;
    if (state)
        for (const auto& path : state->treeOrder())
            all << QString::fromStdString(path);
    paths_->setStringList(all);
    show();
    field_->setFocus();
    field_->selectAll();
}

QStringList FindBar::matches(const TreeState& state, const QString& text) {
    QString needle = text.trimmed();
    if (needle.isEmpty()) return {};
    // A pid: <0.17>, #PID<0.17.0>, 0.17 or 17.
    QString pidDigits = needle;
    pidDigits.remove(QStringLiteral("#PID"), Qt::CaseInsensitive);
    pidDigits.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
    if (pidDigits.startsWith(QLatin1String("0."))) pidDigits = pidDigits.mid(2);
    if (pidDigits.endsWith(QLatin1String(".0"))) pidDigits.chop(2);
    bool isNumber = false;
    const qulonglong pid = pidDigits.toULongLong(&isNumber);
    QStringList hits;
    for (const auto& p : state.treeOrder()) {
        const QString path = QString::fromStdString(p);
        const ProcessNode* n = state.find(p);
        if (!n || n->state == ProcessState::Removed) continue;
        if (path.contains(needle, Qt::CaseInsensitive) || (isNumber && n->pid == pid)) hits << path;
    }
    return hits;
}

void FindBar::next() {
    if (!state_) return;
    if (hits_.isEmpty()) {
        hits_ = matches(*state_, field_->text());
        at_ = -1;
    }
    if (hits_.isEmpty()) {
        count_->setText(tr("no match"));
        return;
    }
    at_ = (at_ + 1) % int(hits_.size());
    count_->setText(tr("%1 of %2").arg(at_ + 1).arg(hits_.size()));
    Q_EMIT found(hits_[at_]);
}

void FindBar::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace suplab
