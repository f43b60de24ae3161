#pragma once
// File > Import Elixir: paste (or open) an Elixir supervisor module and see, as you
// type, the tree it makes and every line SupLab could not read; import runs it.
// File > Import Elixir project: the same for a whole Mix project's folder, its files
// shown read-only. Children the source leaves to run time (under a condition, with an
// id only running code knows) are listed with a box each: untick one to leave it out.

#include "elixir/ElixirImporter.h"
#include "elixir/ElixirProject.h"

#include <QDialog>
#include <QTimer>

#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace suplab {

class ImportDialog final : public QDialog {
    Q_OBJECT
  public:
    explicit ImportDialog(QWidget* parent = nullptr);

    /// Puts `source` in the editor (as if pasted) and reads it at once.
    void setSource(const QString& source, const QString& label);
    /// Reads a file into the editor; an error message, or empty.
    QString openFile(const QString& path);
    /// Reads a Mix project's folder; an error message, or empty.
    QString openProject(const QString& folder);

    /// What was read, without the marked children whose box was unticked.
    ImportResult result() const;
    const QString& label() const { return label_; }
    /// The source the console can call into: the editor's text, or a project's files.
    QString source() const;

    /// Reads what was typed in the last instant before accepting, so the result is current.
    void accept() override;

  private:
    void reread();
    void showResult();
    void showNote(const QString& file, int line);

    QLabel* intro_ = nullptr;
    QPlainTextEdit* editor_ = nullptr;
    QLabel* shownFile_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    QListWidget* notes_ = nullptr;
    QListWidget* marks_ = nullptr;
    QLabel* summary_ = nullptr;
    QPushButton* importButton_ = nullptr;
    QTimer debounce_;
    ImportResult result_;
    std::optional<ElixirProject> project_;
    QString label_ = QStringLiteral("pasted.ex");
};

} // namespace suplab
