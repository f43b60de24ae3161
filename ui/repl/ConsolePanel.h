#pragma once
// The console dock: type Elixir as in iex and read the answers. A lesson's session
// can be loaded into it (setTranscript): the input then holds the session's next
// line, Enter runs it, and the narration above says what the line is for. Lines go
// out as submitted() and answers come back through showReply(); nothing here waits
// on the engine.

#include "console/Transcript.h"

#include <QStringList>
#include <QWidget>
#include <vector>

class QLabel;
class QPlainTextEdit;

namespace suplab {

class ConsoleInput;

class ConsolePanel final : public QWidget {
    Q_OBJECT
  public:
    explicit ConsolePanel(QWidget* parent = nullptr);

    /// A session to run line by line, from its first line; `title` names it.
    void setTranscript(std::vector<console::TranscriptLine> lines, const QString& title);
    void clearTranscript();
    bool hasTranscript() const { return !transcript_.empty(); }
    std::size_t transcriptSize() const { return transcript_.size(); }
    /// The transcript's line that Enter runs next (0-based), or its size when done.
    std::size_t nextLine() const { return next_; }
    /// Runs the session's next line as Enter would (false when none is left).
    bool runNextLine();
    /// A new run: said in the output; a loaded session starts again from its first line.
    void runRestarted(const QString& label);
    /// The engine's answer to the line last sent with submitted().
    void showReply(bool ok, const QString& text);
    /// Runs each of `lines` in turn, each once the one before is answered (a paste).
    void runLines(const QStringList& lines);
    /// True while a line sent is not answered yet (the input waits, read-only).
    bool busy() const { return waiting_; }
    /// Everything shown so far, as plain text.
    QString outputText() const;
    ConsoleInput& input() { return *input_; }

  Q_SIGNALS:
    void submitted(const QString& line);

  private:
    void submit();
    void send(const QString& line);
    void offerNextLine();
    void nextPrompt(int count);
    void append(const QString& text, const QColor& colour, bool bold = false, bool italic = false);

    QLabel* hint_ = nullptr;
    QPlainTextEdit* output_ = nullptr;
    QLabel* prompt_ = nullptr;
    ConsoleInput* input_ = nullptr;
    std::vector<console::TranscriptLine> transcript_;
    QString title_;
    std::size_t next_ = 0;
    int count_ = 1;        // iex's prompt number
    bool waiting_ = false; // a line was sent and is not answered yet (one at a time)
    QStringList queued_;   // pasted lines still to send, in order
    bool lastFromTranscript_ = false;
};

} // namespace suplab
