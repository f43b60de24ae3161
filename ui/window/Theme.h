#pragma once
// Light or dark: SupLab follows the desktop's palette (System), or the user picks
// one (View > Theme), kept in the preferences.

#include <QPalette>
#include <QString>

namespace suplab::theme {

enum class Choice { System, Light, Dark };

QString name(Choice c);
Choice fromName(const QString& name); // unknown names give System

/// Sets the application's palette (and Fusion style for Light and Dark).
void apply(Choice c);
/// True when `palette` is a dark one (light text on a dark base).
bool isDark(const QPalette& palette);

} // namespace suplab::theme
