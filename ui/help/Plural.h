#pragma once
// "1 restart", "2 restarts": English counts without a translator (tr's %n leaves
// "restart(s)" when no translation is loaded).

#include <QString>

namespace suplab {

inline QString countOf(int n, const char* one, const char* many) {
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? one : many));
}

} // namespace suplab
