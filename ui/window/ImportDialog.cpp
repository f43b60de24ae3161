#include "ImportDialog.h"

#include "scenario/ScenarioPrune.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTabWidget>
#include <QTextBlock>
#include <QVBoxLayout>

#include <set>

namespace suplab {

namespace {

int count(const NodeSpec& n, bool supervisors) {
    int c = n.isSupervisor() == supervisors ? 1 : 0;
    for (const auto& child : n.children)
        c += count(*child, supervisors);
    return c;
}

} // namespace

ImportDialog::ImportDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Import Elixir"));
    resize(900, 700);
    auto* intro = intro_ = new QLabel(
        tr("Paste an Elixir module that uses <b>Supervisor</b> or <b>DynamicSupervisor</b> (an "
           "Application's start/2 works too), with the worker modules it starts if you have "
           "them, or open an .ex file. SupLab reads the tree and lists every line it could not "
           "read; it never guesses silently."),
        this);
    intro->setWordWrap(true);

    editor_ = new QPlainTextEdit(this);
    editor_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor_->setPlaceholderText(QStringLiteral(
        "defmodule MyApp.Supervisor do\n  use Supervisor\n\n  def init(_arg) do\n    children = "
        "[{Counter, 0}, {KVStore, []}]\n    Supervisor.init(children, strategy: "
        ":one_for_one)\n  end\nend"));
    editor_->setAccessibleName(tr("Elixir source"));
    editor_->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto* open = new QPushButton(tr("&Open file..."), this);
    open->setAccessibleName(tr("Open an Elixir file"));
    connect(open, &QPushButton::clicked, this, [this] {
        QSettings settings;
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import Elixir"), settings.value(QStringLiteral("paths/import")).toString(),
            tr("Elixir (*.ex *.exs *.ex.eex);;All files (*)"));
        if (path.isEmpty()) return;
        settings.setValue(QStringLiteral("paths/import"), QFileInfo(path).absolutePath());
        const QString error = openFile(path);
        if (!error.isEmpty()) summary_->setText(error);
    });

    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setAccessibleName(tr("Import summary"));
    shownFile_ = new QLabel(this);
    shownFile_->setVisible(false);
    notes_ = new QListWidget(this);
    notes_->setObjectName(QStringLiteral("notes"));
    notes_->setAccessibleName(tr("What was not read, and what was assumed"));
    notes_->setToolTip(tr("Click a line to show it in the source"));
    auto show = [this](QListWidgetItem* item) {
        showNote(item->data(Qt::UserRole + 1).toString(), item->data(Qt::UserRole).toInt());
    };
    connect(notes_, &QListWidget::itemActivated, this, show);
    connect(notes_, &QListWidget::itemClicked, this, show);
    marks_ = new QListWidget(this);
    marks_->setObjectName(QStringLiteral("marks"));
    marks_->setAccessibleName(tr("Children decided at run time"));
    marks_->setToolTip(tr("Untick a child to leave it out of the tree"));
    tabs_ = new QTabWidget(this);
    tabs_->addTab(notes_, tr("Notes"));
    tabs_->addTab(marks_, tr("Decided at run time"));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    importButton_ = buttons->addButton(tr("&Import and run"), QDialogButtonBox::AcceptRole);
    importButton_->setEnabled(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(intro, 1);
    top->addWidget(open);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(shownFile_);
    layout->addWidget(editor_, 3);
    layout->addWidget(summary_);
    layout->addWidget(tabs_, 1);
    layout->addWidget(buttons);

    // Read again shortly after typing stops, not on every key.
    debounce_.setSingleShot(true);
    debounce_.setInterval(250);
    connect(&debounce_, &QTimer::timeout, this, &ImportDialog::reread);
    connect(editor_, &QPlainTextEdit::textChanged, this, [this] { debounce_.start(); });
    reread();
}

QString ImportDialog::source() const {
    if (!project_) return editor_->toPlainText();
    QString all;
    for (const ElixirSource& f : project_->files)
        all += QString::fromStdString(f.text) + QLatin1Char('\n');
    return all;
}

ImportResult ImportDialog::result() const {
    std::set<std::string> dropped;
    for (int i = 0; i < marks_->count(); ++i)
        if (marks_->item(i)->checkState() == Qt::Unchecked)
            dropped.insert(marks_->item(i)->data(Qt::UserRole).toString().toStdString());
    if (dropped.empty() || !result_.scenario) return result_;
    ImportResult kept = result_;
    kept.scenario->root = withoutNodes(kept.scenario->root, dropped);
    kept.marks = marksOf(kept.scenario->root);
    return kept;
}

QString ImportDialog::openProject(const QString& folder) {
    const ElixirProjectRead read = readElixirProject(folder.toStdString());
    if (!read.project) return QString::fromStdString(read.error);
    project_ = *read.project;
    label_ = QFileInfo(folder).fileName();
    setWindowTitle(tr("Import Elixir project: %1").arg(label_));
    intro_->setText(
        tr("The tree of <b>%1</b>, from the application mix.exs names and through "
           "each supervisor's own file. The files are shown read-only: click a note "
           "to see its line; edit the project in your editor and import it again.")
            .arg(QString::fromStdString(project_->application.empty() ? label_.toStdString()
                                                                      : project_->application)
                     .toHtmlEscaped()));
    editor_->setReadOnly(true);
    debounce_.stop();
    result_ = importElixirProject(*project_);
    // The application's own file first; the notes open the others.
    QString first = QString::fromStdString(project_->files.front().path);
    const std::string defines = "defmodule " + project_->application + " do";
    for (const ElixirSource& f : project_->files)
        if (!project_->application.empty() && f.text.find(defines) != std::string::npos)
            first = QString::fromStdString(f.path);
    showNote(first, 0);
    showResult();
    return {};
}

void ImportDialog::setSource(const QString& source, const QString& label) {
    project_.reset();
    editor_->setReadOnly(false);
    shownFile_->setVisible(false);
    label_ = label;
    editor_->setPlainText(source);
    debounce_.stop();
    reread();
}

QString ImportDialog::openFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("%1: cannot read it (%2)").arg(path, file.errorString());
    constexpr qint64 kMaxSource = 4 << 20;
    if (file.size() > kMaxSource)
        return tr("%1: %2 bytes is more than an Elixir module SupLab reads (4 MiB)")
            .arg(path)
            .arg(file.size());
    setSource(QString::fromUtf8(file.readAll()), QFileInfo(path).fileName());
    return {};
}

void ImportDialog::reread() {
    if (project_) return; // a project's files are read from disk, not from the editor
    const QString text = editor_->toPlainText();
    if (text.trimmed().isEmpty()) {
        result_ = {};
        notes_->clear();
        marks_->clear();
        summary_->setText(tr("Nothing to import yet."));
        importButton_->setEnabled(false);
        return;
    }
    result_ = importElixir(text.toStdString(), label_.toStdString());
    showResult();
}

void ImportDialog::showResult() {
    notes_->clear();
    for (const auto& n : result_.notes) {
        const bool notRead = n.kind == ImportNote::Kind::NotRead;
        const QString file = QString::fromStdString(n.file);
        QString where;
        if (project_ && !file.isEmpty())
            where = n.line ? tr("%1:%2: ").arg(file).arg(n.line) : file + QStringLiteral(": ");
        else if (n.line)
            where = tr("Line %1: ").arg(n.line);
        auto* item =
            new QListWidgetItem(style()->standardIcon(notRead ? QStyle::SP_MessageBoxWarning
                                                              : QStyle::SP_MessageBoxInformation),
                                where + (notRead ? tr("not read: ") : tr("assumed: ")) +
                                    QString::fromStdString(n.message),
                                notes_);
        item->setData(Qt::UserRole, n.line);
        item->setData(Qt::UserRole + 1, file);
    }
    marks_->clear();
    for (const ImportMark& m : result_.marks) {
        auto* item = new QListWidgetItem(QString::fromStdString(m.path) + QStringLiteral(": ") +
                                             QString::fromStdString(m.note),
                                         marks_);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setData(Qt::UserRole, QString::fromStdString(m.path));
    }
    tabs_->setTabText(0, tr("Notes (%1)").arg(result_.notes.size()));
    tabs_->setTabText(1, tr("Decided at run time (%1)").arg(result_.marks.size()));
    if (!result_.scenario) {
        summary_->setText(tr("<b>Nothing to run:</b> see the lines below."));
        importButton_->setEnabled(false);
        return;
    }
    const NodeSpec& root = *result_.scenario->root;
    const int notRead = result_.notReadCount();
    summary_->setText(
        tr("<b>%1</b>: %2 supervisor(s), %3 worker(s).")
            .arg(QString::fromStdString(root.id).toHtmlEscaped())
            .arg(count(root, true))
            .arg(count(root, false)) +
        (notRead ? tr(" <b>%n construct(s) not read</b>: the tree leaves them out.", "", notRead)
                 : tr(" Everything that shapes the tree was read.")) +
        (result_.marks.empty() ? QString()
                               : tr(" %n child(ren) depend on run time: see the second tab.", "",
                                    int(result_.marks.size()))));
    importButton_->setEnabled(true);
}

void ImportDialog::accept() {
    if (debounce_.isActive()) {
        debounce_.stop();
        reread();
    }
    if (result_.scenario) QDialog::accept();
}

void ImportDialog::showNote(const QString& file, int line) {
    if (project_ && !file.isEmpty() && file != shownFile_->text()) {
        for (const ElixirSource& f : project_->files)
            if (QString::fromStdString(f.path) == file) {
                editor_->setPlainText(QString::fromStdString(f.text));
                shownFile_->setText(file);
                shownFile_->setVisible(true);
            }
    }
    if (line <= 0) return;
    const QTextBlock block = editor_->document()->findBlockByNumber(line - 1);
    if (!block.isValid()) return;
    QTextCursor cursor(block);
    cursor.select(QTextCursor::LineUnderCursor);
    editor_->setTextCursor(cursor);
    editor_->setFocus();
}

} // namespace suplab
