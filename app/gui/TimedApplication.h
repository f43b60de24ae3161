#pragma once
// The application with a stopwatch on its event loop, for suplab --bench-ui: how
// long the GUI thread works between two paints of the window, the paint included.
// That is a frame as the user sees it (whatever the work was: events from the
// engine, the canvas' refresh, the log, the charts), measured on the platform the
// user's desktop draws with (xcb under X or Xvfb).

#include <QApplication>

#include <chrono>
#include <vector>

namespace suplab {

class TimedApplication final : public QApplication {
  public:
    using QApplication::QApplication;

    bool notify(QObject* receiver, QEvent* event) override;

    /// Starts measuring afresh (what came before, loading say, is not counted).
    void startFrames();
    /// Each frame's work in milliseconds since startFrames().
    std::vector<double> takeFrames();

  private:
    int depth_ = 0;
    bool measuring_ = false;
    double work_ = 0; // since the last paint
    std::vector<double> frames_;
};

} // namespace suplab
