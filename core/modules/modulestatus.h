#pragma once

#include <QString>

namespace Switchboard {

enum class ModuleStatus { Unknown, Healthy, Degraded, Down, Disabled };
enum class SystemHealth { Healthy, Degraded, Critical };

// Wire names as in the status document: "healthy", "degraded", "down", "disabled", "unknown".
QString toWire(ModuleStatus status);
ModuleStatus moduleStatusFromWire(const QString &text, bool *ok = nullptr);
// "HEALTHY", "DEGRADED", "CRITICAL".
QString toWire(SystemHealth health);

} // namespace Switchboard
