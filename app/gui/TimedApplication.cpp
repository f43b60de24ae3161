#include "TimedApplication.h"

#include <QEvent>

namespace suplab {

bool TimedApplication::notify(QObject* receiver, QEvent* event) {
    if (depth_ > 0 || !measuring_) { // nested deliveries are part of their caller's time
        ++depth_;
        const bool done = QApplication::notify(receiver, event);
        --depth_;
        return done;
    }
    const auto start = std::chrono::steady_clock::now();
    const bool paint = event->type() == QEvent::UpdateRequest;
    ++depth_;
    const bool done = QApplication::notify(receiver, event);
    --depth_;
    work_ +=
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (paint) {
        frames_.push_back(work_);
        work_ = 0;
    }
    return done;
}

void TimedApplication::startFrames() {
    measuring_ = true;
    work_ = 0;
    frames_.clear();
}

std::vector<double> TimedApplication::takeFrames() {
    measuring_ = false;
    return std::exchange(frames_, {});
}

} // namespace suplab
