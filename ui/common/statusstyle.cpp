#include "common/statusstyle.h"

#include <QCoreApplication>

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

QColor tint(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::Healthy:
        return QColor(0xe8, 0xf5, 0xeb);
    case ModuleStatus::Degraded:
        return QColor(0xfd, 0xf3, 0xe1);
    case ModuleStatus::Down:
        return QColor(0xfc, 0xe8, 0xe6);
    case ModuleStatus::Disabled:
    case ModuleStatus::Unknown:
        break;
    }
    return QColor(0xf1, 0xf3, 0xf4);
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
