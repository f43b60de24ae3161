#include "NoticeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace suplab {

NoticeBar::NoticeBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("notice"));
    setAccessibleName(tr("Notice"));
    setStyleSheet(QStringLiteral("#notice { background: #fff4d6; border: 1px solid #e0b64a; "
                                 "border-radius: 4px; } #notice QLabel { color: #3a2c00; }"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(8, 3, 3, 3);
    label_ = new QLabel(this);
    label_->setTextFormat(Qt::PlainText);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("\u2715"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Dismiss"));
    close->setAccessibleName(tr("Dismiss the notice"));
    row->addWidget(label_, 1);
    row->addWidget(close);
    connect(close, &QToolButton::clicked, this, &NoticeBar::dismiss);
    hide_.setSingleShot(true);
    hide_.setInterval(10'000);
    connect(&hide_, &QTimer::timeout, this, &NoticeBar::dismiss);
    hide();
}

void NoticeBar::say(const QString& text) {
    repeats_ = isVisible() && text == last_ ? repeats_ + 1 : 1;
    last_ = text;
    label_->setText(repeats_ > 1 ? tr("%1 (\u00D7%2)").arg(text).arg(repeats_) : text);
    show();
    hide_.start();
}

QString NoticeBar::text() const {
    return isVisible() ? label_->text() : QString();
}

void NoticeBar::dismiss() {
    hide_.stop();
    hide();
    repeats_ = 0;
}

} // namespace suplab
