#pragma once
// File > Import Elixir: paste (or open) an Elixir supervisor module and see, as you
// type, the tree it makes and every line SupLab could not read; import runs it.

#include "elixir/ElixirImporter.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace suplab {

class ImportDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit ImportDialog(QWidget* parent = nullptr);

    /// Puts `source` in the editor (as if pasted) and reads it at once.
    void setSource(const QString& source, const QString& label);
    /// Reads a file into the editor; an error message, or empty.
    QString openFile(const QString& path);

    const ImportResult& result() const { return result_; }
    const QString& label() const { return label_; }
    QString source() const;

    /// Reads what was typed in the last instant before accepting, so the result is current.
    void accept() override;

  private:
    void reread();
    void showLine(int line);

    QPlainTextEdit* editor_ = nullptr;
    QListWidget* notes_ = nullptr;
    QLabel* summary_ = nullptr;
    QPushButton* importButton_ = nullptr;
    QTimer debounce_;
    ImportResult result_;
    QString label_ = QStringLiteral("pasted.ex");
};

} // namespace suplab
