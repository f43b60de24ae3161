#include "ConsoleInput.h"

#include <QKeyEvent>

namespace suplab {

ConsoleInput::ConsoleInput(QWidget* parent) : QLineEdit(parent) {}

void ConsoleInput::remember(const QString& line) {
    if (!line.trimmed().isEmpty() && (history_.isEmpty() || history_.back() != line))
        history_.push_back(line);
    index_ = int(history_.size());
    draft_.clear();
}

void ConsoleInput::recall(int index) {
    if (index < 0 || index > history_.size()) return;
    if (index_ == history_.size()) draft_ = text();
    index_ = index;
    setText(index_ == history_.size() ? draft_ : history_[index_]);
}

void ConsoleInput::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Up) {
        recall(index_ - 1);
        return;
    }
    if (event->key() == Qt::Key_Down) {
        recall(index_ + 1);
        return;
    }
    QLineEdit::keyPressEvent(event);
}

} // namespace suplab
