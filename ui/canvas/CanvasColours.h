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

/// The analysis's heat map: from a pale yellow (a fault takes down itself alone) to a
/// deep red (it takes down the whole tree), `t` from 0 to 1.
inline QColor heat(double t) {
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const QColor low(0xff, 0xf3, 0xb0), mid(0xf5, 0x8a, 0x3c), high(0xa5, 0x10, 0x1e);
    const QColor& a = t < 0.5 ? low : mid;
    const QColor& b = t < 0.5 ? mid : high;
    const double u = t < 0.5 ? t * 2 : (t - 0.5) * 2;
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * u),
                            float(a.greenF() + (b.greenF() - a.greenF()) * u),
                            float(a.blueF() + (b.blueF() - a.blueF()) * u));
}
/// Text on a fill: dark on a light one, light on a dark one.
inline QColor textOn(const QColor& fill) {
    return fill.lightnessF() > 0.55 ? QColor(0x20, 0x20, 0x20) : QColor(0xf4, 0xf4, 0xf4);
}

} // namespace suplab::colours
