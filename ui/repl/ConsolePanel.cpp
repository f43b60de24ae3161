#include "ConsolePanel.h"

#include "repl/ConsoleInput.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

namespace suplab {

namespace {
QString q(const std::string& s) {
    return QString::fromStdString(s);
}

/// What a line printed, compared with what the lesson printed: pids and iex's line
/// breaks (which follow the pids' widths) aside.
bool sameAsLesson(const QString& got, const std::string& expected) {
    auto plain = [](const std::string& text) {
        QString s = q(console::withoutPids(text));
        return s.remove(QRegularExpression(QStringLiteral("\\s+")));
    };
    return plain(got.toStdString()) == plain(expected);
}
} // namespace

ConsolePanel::ConsolePanel(QWidget* parent) : QWidget(parent) {
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    hint_->setTextFormat(Qt::RichText);
    hint_->hide();
    output_ = new QPlainTextEdit(this);
    output_->setReadOnly(true);
    output_->setFont(fixed);
    output_->setMaximumBlockCount(5000); // a long session keeps its last 5000 lines
    output_->setAccessibleName(tr("Console output"));
    output_->setPlaceholderText(
        tr("Type Elixir as in iex: Counter.get_count(), Supervisor.which_children(MyApp.Supervisor)"
           "... h lists what the console runs; Up and Down recall earlier lines."));
    prompt_ = new QLabel(this);
    prompt_->setFont(fixed);
    input_ = new ConsoleInput(this);
    input_->setFont(fixed);
    input_->setAccessibleName(tr("Console input"));
    auto* line = new QHBoxLayout;
    line->addWidget(prompt_);
    line->addWidget(input_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(hint_);
    layout->addWidget(output_, 1);
    layout->addLayout(line);
    setFocusProxy(input_);
    nextPrompt(1);
    connect(input_, &QLineEdit::returnPressed, this, &ConsolePanel::submit);
}

void ConsolePanel::append(const QString& text, const QColor& colour, bool bold, bool italic) {
    QTextCharFormat format;
    format.setForeground(colour);
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    format.setFontItalic(italic);
    QTextCursor cursor(output_->document());
    cursor.movePosition(QTextCursor::End);
    if (!output_->document()->isEmpty()) cursor.insertBlock();
    cursor.insertText(text, format);
    // Once the new lines are laid out: the last one in view.
    QTimer::singleShot(0, output_, [out = output_] {
        out->verticalScrollBar()->setValue(out->verticalScrollBar()->maximum());
    });
}

void ConsolePanel::setTranscript(std::vector<console::TranscriptLine> lines, const QString& title) {
    transcript_ = std::move(lines);
    title_ = title;
    next_ = 0;
    input_->clear(); // a line of the last session must not run in this one
    offerNextLine();
}

void ConsolePanel::clearTranscript() {
    if (!transcript_.empty()) input_->clear();
    transcript_.clear();
    title_.clear();
    next_ = 0;
    hint_->hide();
}

void ConsolePanel::runRestarted(const QString& label) {
    waiting_ = false; // the answer to a line sent to the old run will not come
    queued_.clear();
    input_->setReadOnly(false);
    nextPrompt(1);
    append(tr("-- %1: a new run --").arg(label), palette().color(QPalette::PlaceholderText), false,
           true);
    if (!transcript_.empty()) {
        next_ = 0;
        input_->clear();
        offerNextLine();
    }
}

void ConsolePanel::offerNextLine() {
    if (transcript_.empty()) return;
    if (next_ >= transcript_.size()) {
        hint_->setText(tr("<b>%1</b>: the session is done. Type your own lines, or open it "
                          "again from Examples \u203A The lesson, step by step.")
                           .arg(title_.toHtmlEscaped()));
        hint_->show();
        return;
    }
    const console::TranscriptLine& step = transcript_[next_];
    QString text = tr("<b>%1</b>, line %2 of %3")
                       .arg(title_.toHtmlEscaped())
                       .arg(next_ + 1)
                       .arg(transcript_.size());
    if (!step.narration.empty()) {
        // `code` in the narration is shown as code.
        static const QRegularExpression code(QStringLiteral("`([^`]+)`"));
        QString narration =
            q(step.narration).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral(" "));
        narration.replace(code, QStringLiteral("<code>\\1</code>"));
        text += QStringLiteral(": ") + narration;
    }
    text += tr(" <i>(Enter in the console runs it.)</i>");
    hint_->setText(text);
    hint_->show();
    if (input_->text().isEmpty() && !busy()) input_->setText(q(step.input));
}

void ConsolePanel::runLines(const QStringList& lines) {
    for (const QString& line : lines)
        if (!line.trimmed().isEmpty()) queued_.push_back(line);
    if (!busy() && !queued_.isEmpty()) send(queued_.takeFirst());
}

bool ConsolePanel::runNextLine() {
    if (next_ >= transcript_.size()) return false;
    input_->setText(q(transcript_[next_].input));
    submit();
    return true;
}

void ConsolePanel::submit() {
    if (busy()) return; // one line at a time, as iex reads them
    const QString text = input_->text();
    // Several lines pasted at once run one after the other, each with its prompt.
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > 1) {
        input_->clear();
        runLines(lines);
        return;
    }
    if (text.trimmed().isEmpty()) {
        input_->clear();
        offerNextLine();
        return;
    }
    send(text);
}

void ConsolePanel::send(const QString& line) {
    input_->remember(line);
    input_->clear();
    // Said at once, so that a long line (Process.sleep) is seen running.
    lastFromTranscript_ = next_ < transcript_.size() && q(transcript_[next_].input) == line;
    if (lastFromTranscript_ && !transcript_[next_].narration.empty())
        append(
            QStringLiteral("# ") +
                q(transcript_[next_].narration).replace(QLatin1Char('\n'), QStringLiteral("\n# ")),
            palette().color(QPalette::PlaceholderText), false, true);
    append(QStringLiteral("iex(%1)> %2").arg(count_).arg(line), palette().color(QPalette::Link),
           true);
    waiting_ = true;
    input_->setReadOnly(true);
    input_->setPlaceholderText(tr("running..."));
    Q_EMIT submitted(line);
}

void ConsolePanel::showReply(bool ok, const QString& text) {
    if (!waiting_) return; // a line sent to a run that has since been restarted
    waiting_ = false;
    input_->setReadOnly(false);
    input_->setPlaceholderText({});
    if (!text.isEmpty())
        append(text, ok ? palette().color(QPalette::Text) : QColor(0xd0, 0x3b, 0x3b));
    const bool fromTranscript = lastFromTranscript_;
    lastFromTranscript_ = false;
    if (fromTranscript) {
        const std::string& expected = transcript_[next_].expected;
        if (!expected.empty() && !sameAsLesson(text, expected))
            append(tr("# the lesson shows: %1").arg(q(expected)), QColor(0xc0, 0x7a, 0x00), false,
                   true);
        ++next_;
    }
    nextPrompt(count_ + 1);
    if (!queued_.isEmpty()) {
        send(queued_.takeFirst());
        return;
    }
    offerNextLine();
}

void ConsolePanel::nextPrompt(int count) {
    count_ = count;
    prompt_->setText(QStringLiteral("iex(%1)>").arg(count_));
}

QString ConsolePanel::outputText() const {
    return output_->toPlainText();
}

} // namespace suplab
