#pragma once
// A refused or failed user action, said once and without blocking: a thin banner
// over the canvas that goes away by itself (or with its close button, or Esc).
// The same message again while it shows is counted, not stacked.

#include <QFrame>
#include <QTimer>

class QLabel;

namespace suplab {

class NoticeBar final : public QFrame {
    Q_OBJECT
  public:
    explicit NoticeBar(QWidget* parent = nullptr);

    /// Shows `text` (plain text) for a while.
    void say(const QString& text);
    /// The message shown, or empty when hidden.
    QString text() const;
    void dismiss();

  private:
    QLabel* label_ = nullptr;
    QString last_;
    int repeats_ = 0;
    QTimer hide_;
};

} // namespace suplab
