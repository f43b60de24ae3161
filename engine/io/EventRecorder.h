#pragma once
// "Record to file": the event log streamed to a JSON Lines file while the run goes
// on. Callers hand over events (cheap: a copy into a queue); a writer thread of its
// own formats them and writes them out every 100 ms, so neither the engine nor the
// GUI ever waits on the disk, and a crash of the app loses at most the batch not
// yet written. A failed write (disk full, device gone) stops the recording and is
// reported by error(); the events themselves are not the recorder's to lose.

#include "events/Event.h"
#include "events/EventSink.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace suplab {

class EventRecorder final : public EventSink {
  public:
    /// Creates (or truncates) `path`; nullptr with `error` set when it cannot.
    static std::unique_ptr<EventRecorder> open(const std::string& path, std::string& error);
    ~EventRecorder() override;
    EventRecorder(const EventRecorder&) = delete;
    EventRecorder& operator=(const EventRecorder&) = delete;

    /// Any thread, in seq order.
    void append(const std::vector<Event>& events);
    void onEvent(const Event& event) override;

    /// Writes what is queued and closes the file (idempotent; the destructor does it too).
    void close();

    const std::string& path() const { return path_; }
    /// What went wrong, once a write failed ("PATH: No space left on device").
    std::optional<std::string> error() const;
    /// Events written to the file so far.
    std::uint64_t written() const;

    /// How long queued events may wait before they are written.
    static constexpr int kFlushMs = 100;

    /// An open file descriptor; only open() can make one.
    class Opened {
        friend class EventRecorder;
        explicit Opened(int f) : fd(f) {}
        int fd;
    };
    EventRecorder(std::string path, Opened file);

  private:
    void writerLoop();
    bool writeAll(const std::string& bytes);

    std::string path_;
    int fd_;
    mutable std::mutex lock_;
    std::condition_variable wake_;
    std::vector<Event> queued_;
    bool closing_ = false;
    std::optional<std::string> error_;
    std::uint64_t written_ = 0;
    std::thread writer_;
};

} // namespace suplab
