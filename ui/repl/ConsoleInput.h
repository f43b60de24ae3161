#pragma once
// The console's input line: Up and Down walk through the lines typed before, as in
// iex; what was being typed is kept and comes back below the newest line.

#include <QLineEdit>
#include <QStringList>

namespace suplab {

class ConsoleInput final : public QLineEdit {
    Q_OBJECT
  public:
    explicit ConsoleInput(QWidget* parent = nullptr);
    /// Adds `line` to the history (not twice in a row) and leaves the history's end.
    void remember(const QString& line);
    const QStringList& history() const { return history_; }

  protected:
    void keyPressEvent(QKeyEvent* event) override;

  private:
    void recall(int index);

    QStringList history_;
    int index_ = 0; // history_.size() when on the line being typed
    QString draft_; // what was being typed before Up was pressed
};

} // namespace suplab
