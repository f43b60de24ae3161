#include "ImportDialog.h"

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
#include <QTextBlock>
#include <QVBoxLayout>

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
    auto* intro = new QLabel(
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
            tr("Elixir (*.ex *.exs);;All files (*)"));
        if (path.isEmpty()) return;
        settings.setValue(QStringLiteral("paths/import"), QFileInfo(path).absolutePath());
        const QString error = openFile(path);
        if (!error.isEmpty()) summary_->setText(error);
    });

    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setAccessibleName(tr("Import summary"));
    notes_ = new QListWidget(this);
    notes_->setAccessibleName(tr("What was not read, and what was assumed"));
    notes_->setToolTip(tr("Click a line to show it in the source"));
    connect(notes_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showLine(item->data(Qt::UserRole).toInt()); });
    connect(notes_, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { showLine(item->data(Qt::UserRole).toInt()); });

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
    layout->addWidget(editor_, 3);
    layout->addWidget(summary_);
    layout->addWidget(notes_, 1);
    layout->addWidget(buttons);

    // Read again shortly after typing stops, not on every key.
    debounce_.setSingleShot(true);
    debounce_.setInterval(250);
    connect(&debounce_, &QTimer::timeout, this, &ImportDialog::reread);
    connect(editor_, &QPlainTextEdit::textChanged, this, [this] { debounce_.start(); });
    reread();
}

QString ImportDialog::source() const {
    return editor_->toPlainText();
}

void ImportDialog::setSource(const QString& source, const QString& label) {
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
    const QString text = editor_->toPlainText();
    notes_->clear();
    if (text.trimmed().isEmpty()) {
        result_ = {};
        summary_->setText(tr("Nothing to import yet."));
        importButton_->setEnabled(false);
        return;
    }
    result_ = importElixir(text.toStdString(), label_.toStdString());
    for (const auto& n : result_.notes) {
        const bool notRead = n.kind == ImportNote::Kind::NotRead;
        auto* item = new QListWidgetItem(
            style()->standardIcon(notRead ? QStyle::SP_MessageBoxWarning
                                          : QStyle::SP_MessageBoxInformation),
            (n.line ? tr("Line %1: ").arg(n.line) : QString()) +
                (notRead ? tr("not read: ") : tr("assumed: ")) + QString::fromStdString(n.message),
            notes_);
        item->setData(Qt::UserRole, n.line);
    }
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
                 : tr(" Everything that shapes the tree was read.")));
    importButton_->setEnabled(true);
}

void ImportDialog::accept() {
    if (debounce_.isActive()) {
        debounce_.stop();
        reread();
    }
    if (result_.scenario) QDialog::accept();
}

void ImportDialog::showLine(int line) {
    if (line <= 0) return;
    const QTextBlock block = editor_->document()->findBlockByNumber(line - 1);
    if (!block.isValid()) return;
    QTextCursor cursor(block);
    cursor.select(QTextCursor::LineUnderCursor);
    editor_->setTextCursor(cursor);
    editor_->setFocus();
}

} // namespace suplab
