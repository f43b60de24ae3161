#pragma once
// Exit reasons, as the terms Erlang would print for them. The few reasons the
// runtime itself reasons about (normal, shutdown, kill, killed, ...) are kinds;
// any other atom is a Word.

#include <memory>
#include <string>
#include <string_view>

namespace suplab {

class Reason {
  public:
    enum class Kind : unsigned char {
        Normal,             // normal
        Shutdown,           // shutdown
        ShutdownWith,       // {shutdown,WORD}
        Kill,               // kill: only meaningful as an exit signal, untrappable
        Killed,             // killed: what a process killed by `kill` exits with
        Noproc,             // noproc: a call to a process that is gone
        FailedToStartChild, // {shutdown,{failed_to_start_child,ID,WHY}}: a supervisor's init failed
        Word,               // any other atom: boom, start_error, random_failure, ...
    };

    Reason() = default;
    static Reason normal() { return Reason(Kind::Normal); }
    static Reason shutdown() { return Reason(Kind::Shutdown); }
    static Reason shutdownWith(std::string word) {
        return Reason(Kind::ShutdownWith, std::move(word));
    }
    static Reason kill() { return Reason(Kind::Kill); }
    static Reason killed() { return Reason(Kind::Killed); }
    static Reason noproc() { return Reason(Kind::Noproc); }
    /// `why` is the reason the child `id` gave for not starting; it may itself be a
    /// failed start one level down, so a nested failure keeps every level.
    static Reason failedToStartChild(std::string id, Reason why);
    static Reason word(std::string w);

    /// Reads the scenario form: `normal`, `shutdown`, `{shutdown,WORD}`, or any word.
    static Reason parse(std::string_view text);
    /// True when `text` is a reason `parse` accepts.
    static bool isValidText(std::string_view text);

    Kind kind() const { return kind_; }
    const std::string& detail() const { return detail_ ? *detail_ : noDetail(); }
    /// FailedToStartChild: why the child did not start; otherwise null.
    const Reason* inner() const { return inner_.get(); }

    /// normal, shutdown and {shutdown,_}: the reasons a transient child may exit with quietly.
    bool isNormalLike() const {
        return kind_ == Kind::Normal || kind_ == Kind::Shutdown || kind_ == Kind::ShutdownWith ||
               kind_ == Kind::FailedToStartChild;
    }

    /// The trace's form (docs/trace-format.md): a failed start is the short
    /// `{shutdown,failed_to_start_child,ID}`, without the child's own reason.
    std::string format() const;
    /// OTP's term as `~0p` prints it where a call returns it, nested reasons whole:
    /// `{shutdown,{failed_to_start_child,<<"t2">>,start_error}}` (ids are binaries,
    /// as the reference runner gives them).
    std::string term() const;

    friend bool operator==(const Reason& a, const Reason& b) {
        return a.kind_ == b.kind_ && a.detail() == b.detail() &&
               (a.inner_ == b.inner_ || (a.inner_ && b.inner_ && *a.inner_ == *b.inner_));
    }

  private:
    explicit Reason(Kind k) : kind_(k) {}
    Reason(Kind k, std::string d)
        : kind_(k), detail_(std::make_shared<const std::string>(std::move(d))) {}
    static const std::string& noDetail();

    Kind kind_ = Kind::Normal;
    // Shared and immutable: a reason is copied into every exit signal, message
    // and event its exit causes, and the common ones (normal, shutdown, kill,
    // killed) have no detail at all, so copying and moving them is a pointer.
    std::shared_ptr<const std::string> detail_;
    std::shared_ptr<const Reason> inner_;
};

} // namespace suplab
