#pragma once
// suplab --bench-ui: the GUI's figures, measured in the real main window on the
// platform it is given (xcb under X or Xvfb, as a desktop draws; offscreen when
// there is no display).

namespace suplab {

class TimedApplication;

/// Prints one JSON object: for trees of 1,021 processes (folded, then unfolded) and
/// 10,101 processes each taking about 1,000 events per second, how long the tree
/// takes to be up and drawn and each frame's work (TimedApplication); then the event
/// log's memory and filter time at 1,000,000 and 10,000,000 events. Returns the exit
/// status.
int runUiBench(TimedApplication& app);

} // namespace suplab
