#include "Theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace suplab::theme {

namespace {

/// What the platform gave before any choice was applied, to go back to it.
struct SystemLook {
    QPalette palette;
    QString style;
};

SystemLook& systemLook() {
    static SystemLook look{QApplication::palette(), QApplication::style()->name()};
    return look;
}

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x33), base(0x1f, 0x21, 0x26), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x45));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x55));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x41, 0x48));
    p.setColor(QPalette::Mid, QColor(0x6a, 0x6e, 0x78));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1d));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x1e, 0x88, 0xe5));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x64, 0xb5, 0xf6));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

} // namespace

QString name(Choice c) {
    switch (c) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

Choice fromName(const QString& n) {
    if (n == QLatin1String("light")) return Choice::Light;
    if (n == QLatin1String("dark")) return Choice::Dark;
    return Choice::System;
}

void apply(Choice c) {
    const SystemLook& system = systemLook(); // remembered on first use, before any change
    switch (c) {
    case Choice::System:
        if (QApplication::style()->name() != system.style)
            QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
        return;
    case Choice::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Choice::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        return;
    }
}

bool isDark(const QPalette& palette) {
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

} // namespace suplab::theme
