#pragma once
// Short explanations of OTP's concepts, for tooltips and the inspector, where the
// concept appears: what a strategy, a restart type, a shutdown value and a restart
// intensity make a supervisor do (otp-semantics.md says it at length).

#include "scenario/Scenario.h"

#include <QString>

namespace suplab::help {

QString strategy(Strategy s);
QString dynamicStrategy();
QString restart(RestartType r);
QString shutdown(const ShutdownSpec& s, bool supervisor);
QString intensity(int maxRestarts, int maxSeconds);
QString autoShutdown(AutoShutdown a);
QString significant();
QString trapExit();

/// Everything that applies to one node, as a tooltip (plain text, one line per concept).
QString node(const NodeSpec& spec);

} // namespace suplab::help
