#pragma once
// suplab --bench-ui: the GUI's figures of bench.md's spirit, measured offscreen.

namespace suplab {

/// Prints one JSON object: frame times under a 1,000-process tree taking about
/// 1,000 events per second, the delay from an event to its frame, and the event
/// log's memory and filter time at 1,000,000 events. Returns the exit status.
int runUiBench();

} // namespace suplab
