#include "common/statusstyle.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <cmath>

namespace Switchboard::StatusStyle {

QColor color(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::Healthy:
        return QColor(0x1e, 0x7b, 0x34); // green, 5.2:1 on white
    case ModuleStatus::Degraded:
        return QColor(0x9a, 0x5b, 0x00); // amber, 5.0:1
    case ModuleStatus::Down:
        return QColor(0xb4, 0x23, 0x18); // red, 6.4:1
    case ModuleStatus::Disabled:
    case ModuleStatus::Unknown:
        break;
    }
    return QColor(0x5f, 0x63, 0x68); // grey, 6.0:1
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

QColor text(ModuleStatus status, const QPalette &palette)
{
    if (!isDark(palette))
        return color(status);
    switch (status) {
    case ModuleStatus::Healthy:
        return QColor(0x6f, 0xd8, 0x8e);
    case ModuleStatus::Degraded:
        return QColor(0xf2, 0xb8, 0x4b);
    case ModuleStatus::Down:
        return QColor(0xff, 0x8a, 0x80);
    case ModuleStatus::Disabled:
    case ModuleStatus::Unknown:
        break;
    }
    return QColor(0xb0, 0xb6, 0xbc);
}

QColor text(ModuleStatus status)
{
    return text(status, QGuiApplication::palette());
}

QColor tint(ModuleStatus status)
{
    const bool dark = isDark(QGuiApplication::palette());
    switch (status) {
    case ModuleStatus::Healthy:
        return dark ? QColor(0x1c, 0x3a, 0x26) : QColor(0xe8, 0xf5, 0xeb);
    case ModuleStatus::Degraded:
        return dark ? QColor(0x42, 0x32, 0x12) : QColor(0xfd, 0xf3, 0xe1);
    case ModuleStatus::Down:
        return dark ? QColor(0x4a, 0x1f, 0x1c) : QColor(0xfc, 0xe8, 0xe6);
    case ModuleStatus::Disabled:
    case ModuleStatus::Unknown:
        break;
    }
    return dark ? QColor(0x33, 0x36, 0x3a) : QColor(0xf1, 0xf3, 0xf4);
}

double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
            + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QString mark(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::Healthy:
        return QStringLiteral("✓");
    case ModuleStatus::Degraded:
        return QStringLiteral("!");
    case ModuleStatus::Down:
        return QStringLiteral("✕");
    case ModuleStatus::Disabled:
        return QStringLiteral("–");
    case ModuleStatus::Unknown:
        break;
    }
    return QStringLiteral("?");
}

QString word(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::Healthy:
        return QCoreApplication::translate("StatusStyle", "Healthy");
    case ModuleStatus::Degraded:
        return QCoreApplication::translate("StatusStyle", "Degraded");
    case ModuleStatus::Down:
        return QCoreApplication::translate("StatusStyle", "Down");
    case ModuleStatus::Disabled:
        return QCoreApplication::translate("StatusStyle", "Disabled");
    case ModuleStatus::Unknown:
        break;
    }
    return QCoreApplication::translate("StatusStyle", "Unknown");
}

QColor color(SystemHealth health)
{
    switch (health) {
    case SystemHealth::Healthy:
        return color(ModuleStatus::Healthy);
    case SystemHealth::Degraded:
        return color(ModuleStatus::Degraded);
    case SystemHealth::Critical:
        break;
    }
    return color(ModuleStatus::Down);
}

QColor text(SystemHealth health)
{
    switch (health) {
    case SystemHealth::Healthy:
        return text(ModuleStatus::Healthy);
    case SystemHealth::Degraded:
        return text(ModuleStatus::Degraded);
    case SystemHealth::Critical:
        break;
    }
    return text(ModuleStatus::Down);
}

QString mark(SystemHealth health)
{
    switch (health) {
    case SystemHealth::Healthy:
        return mark(ModuleStatus::Healthy);
    case SystemHealth::Degraded:
        return mark(ModuleStatus::Degraded);
    case SystemHealth::Critical:
        break;
    }
    return mark(ModuleStatus::Down);
}

QString word(SystemHealth health)
{
    switch (health) {
    case SystemHealth::Healthy:
        return QCoreApplication::translate("StatusStyle", "HEALTHY");
    case SystemHealth::Degraded:
        return QCoreApplication::translate("StatusStyle", "DEGRADED");
    case SystemHealth::Critical:
        break;
    }
    return QCoreApplication::translate("StatusStyle", "CRITICAL");
}

} // namespace Switchboard::StatusStyle
