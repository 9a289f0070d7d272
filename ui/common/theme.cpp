#include "common/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace Switchboard::Theme {

namespace {

QPalette dark()
{
    QPalette p;
    const QColor window(0x20, 0x23, 0x27);
    const QColor base(0x17, 0x19, 0x1c);
    const QColor text(0xe8, 0xea, 0xed);
    const QColor muted(0x9a, 0xa0, 0xa6); // 6.4:1 on the base
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x29, 0x2e));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x34, 0x39));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2d, 0x31, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    p.setColor(QPalette::Light, QColor(0x3c, 0x40, 0x43));
    p.setColor(QPalette::Midlight, QColor(0x33, 0x36, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x28, 0x2b, 0x2f));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x16));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x3b, 0x82, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x86, 0x8b));
    return p;
}

} // namespace

void apply(const QString &choice)
{
    // The desktop's palette, as it was before any choice was applied.
    static const QPalette system = QApplication::palette();
    if (choice == QLatin1String("dark")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(dark());
    } else if (choice == QLatin1String("light")) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
    } else {
        QApplication::setPalette(system);
    }
}

} // namespace Switchboard::Theme
