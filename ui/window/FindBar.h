#pragma once
// Find a process by name, path or pid (Ctrl+F): type part of it, Enter goes to the
// next match (unfolding what hides it), Esc closes the bar.

#include <QWidget>

#include <functional>

class QCompleter;
class QLabel;
class QLineEdit;
class QStringListModel;

namespace suplab {

class TreeState;

class FindBar final : public QWidget {
    Q_OBJECT
  public:
    explicit FindBar(QWidget* parent = nullptr);

    /// Opens the bar with the tree it searches.
    void open(const TreeState* state);
    /// The paths that match `text` (case-insensitive, in tree order): a part of the
    /// path, or a pid as <0.17>, 0.17 or 17.
    static QStringList matches(const TreeState& state, const QString& text);
    QLineEdit& field() { return *field_; }

  Q_SIGNALS:
    void found(const QString& path);

  protected:
    void keyPressEvent(QKeyEvent* event) override;

  private:
    void next();

    const TreeState* state_ = nullptr;
    QLineEdit* field_ = nullptr;
    QLabel* count_ = nullptr;
    QCompleter* completer_ = nullptr;
    QStringListModel* paths_ = nullptr;
    QStringList hits_;
    int at_ = -1;
};

} // namespace suplab
