#pragma once
// The canvas' colours in one place: the boxes paint with them and the legend
// explains them, so the two cannot drift apart.

#include <QColor>
#include <QString>

namespace suplab::colours {

/// The state stripe and border: running green, starting blue, restarting amber,
/// stopping orange, down red, removed and not started grey.
inline QColor state(const QString& state) {
    if (state == QLatin1String("running")) return {0x2e, 0x9e, 0x5b};
    if (state == QLatin1String("starting")) return {0x5b, 0x8d, 0xd6};
    if (state == QLatin1String("restarting")) return {0xe0, 0x9b, 0x1b};
    if (state == QLatin1String("stopping")) return {0xd9, 0x73, 0x2c};
    if (state == QLatin1String("down")) return {0xc8, 0x3a, 0x3a};
    return {0x88, 0x88, 0x88};
}
/// Supervisors are dark boxes; on a dark canvas they are lifted so they stand out.
inline QColor supervisorFill(bool dark) {
    return dark ? QColor(0x3b, 0x4a, 0x6b) : QColor(0x26, 0x2b, 0x38);
}
inline QColor workerFill(bool dark) {
    return dark ? QColor(0xe8, 0xea, 0xee) : QColor(0xfa, 0xfa, 0xfa);
}
inline QColor selection() {
    return {0x1e, 0x88, 0xe5};
}
inline QColor crash() {
    return {0xff, 0x30, 0x30};
}
inline QColor reborn() {
    return {0x43, 0xa0, 0x47};
}
inline QColor gaveUp() {
    return {0xd3, 0x2f, 0x2f};
}
/// `uses` dependencies: a worker calls the sibling this points to.
inline QColor uses() {
    return {0x8e, 0x44, 0xad};
}

} // namespace suplab::colours
