#pragma once
// The child a user starts through a supervisor's API (right-click > Start child...):
// id, behaviour, restart type and shutdown, checked as a scenario's node is.

#include "scenario/Scenario.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace suplab {

class StartChildDialog final : public QDialog {
    Q_OBJECT
  public:
    StartChildDialog(const QString& supervisor, const QString& suggestedId,
                     QWidget* parent = nullptr);
    /// The node as entered, or null with the problems in `errors`.
    NodePtr node(QStringList* errors) const;
    /// OK keeps the dialog open, with what is typed, while the node breaks a rule,
    /// and says which under the form.
    void accept() override;

  private:
    QLabel* problems_ = nullptr;
    QLineEdit* id_ = nullptr;
    QComboBox* behaviour_ = nullptr;
    QComboBox* restart_ = nullptr;
    QComboBox* shutdown_ = nullptr;
};

} // namespace suplab
