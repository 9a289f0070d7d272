#include "modules/modulestatus.h"

namespace Switchboard {

QString toWire(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::Healthy:
        return QStringLiteral("healthy");
    case ModuleStatus::Degraded:
        return QStringLiteral("degraded");
    case ModuleStatus::Down:
        return QStringLiteral("down");
    case ModuleStatus::Disabled:
        return QStringLiteral("disabled");
    case ModuleStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

ModuleStatus moduleStatusFromWire(const QString &text, bool *ok)
{
    static const ModuleStatus all[] = {ModuleStatus::Unknown, ModuleStatus::Healthy,
                                       ModuleStatus::Degraded, ModuleStatus::Down,
                                       ModuleStatus::Disabled};
    for (ModuleStatus status : all) {
        if (toWire(status) == text) {
            if (ok)
                *ok = true;
            return status;
        }
    }
    if (ok)
        *ok = false;
    return ModuleStatus::Unknown;
}

QString toWire(SystemHealth health)
{
    switch (health) {
    case SystemHealth::Healthy:
        return QStringLiteral("HEALTHY");
    case SystemHealth::Degraded:
        return QStringLiteral("DEGRADED");
    case SystemHealth::Critical:
        break;
    }
    return QStringLiteral("CRITICAL");
}

} // namespace Switchboard
