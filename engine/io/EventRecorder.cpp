#include "EventRecorder.h"

#include "events/EventFormat.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace suplab {

std::unique_ptr<EventRecorder> EventRecorder::open(const std::string& path, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        error = path + ": cannot record there: " + std::strerror(errno);
        return nullptr;
    }
    return std::make_unique<EventRecorder>(path, Opened(fd));
}

EventRecorder::EventRecorder(std::string path, Opened file) : path_(std::move(path)), fd_(file.fd) {
    writer_ = std::thread([this] { writerLoop(); });
}

EventRecorder::~EventRecorder() {
    close();
}

void EventRecorder::append(const std::vector<Event>& events) {
    std::lock_guard guard(lock_);
    if (closing_ || error_) return;
    queued_.insert(queued_.end(), events.begin(), events.end());
}

void EventRecorder::onEvent(const Event& event) {
    std::lock_guard guard(lock_);
    if (closing_ || error_) return;
    queued_.push_back(event);
}

void EventRecorder::close() {
    {
        std::lock_guard guard(lock_);
        if (closing_) return;
        closing_ = true;
    }
    wake_.notify_all();
    if (writer_.joinable()) writer_.join();
    if (fd_ >= 0 && ::close(fd_) != 0) {
        std::lock_guard guard(lock_);
        if (!error_) error_ = path_ + ": " + std::strerror(errno);
    }
    fd_ = -1;
}

std::optional<std::string> EventRecorder::error() const {
    std::lock_guard guard(lock_);
    return error_;
}

std::uint64_t EventRecorder::written() const {
    std::lock_guard guard(lock_);
    return written_;
}

bool EventRecorder::writeAll(const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::lock_guard guard(lock_);
            error_ = path_ + ": " + (n < 0 ? std::strerror(errno) : "nothing could be written");
            return false;
        }
        done += std::size_t(n);
    }
    return true;
}

void EventRecorder::writerLoop() {
    std::vector<Event> batch;
    std::string bytes;
    for (;;) {
        bool last = false;
        {
            std::unique_lock guard(lock_);
            wake_.wait_for(guard, std::chrono::milliseconds(kFlushMs), [this] { return closing_; });
            batch.swap(queued_);
            last = closing_ || error_.has_value();
        }
        bytes.clear();
        for (const Event& e : batch)
            bytes += jsonlLine(e) + "\n";
        if (!bytes.empty() && writeAll(bytes)) {
            std::lock_guard guard(lock_);
            written_ += batch.size();
        }
        batch.clear();
        if (last) return;
    }
}

} // namespace suplab
