#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Switchboard {

enum class AlertSeverity { Critical, Warning, Info };
QString toWire(AlertSeverity severity); // "critical", "warning", "info"

// One alert as the status document shows it. The fingerprint (rule + subject) identifies the
// same problem across evaluations.
struct StatusAlert
{
    AlertSeverity severity = AlertSeverity::Warning;
    QString category; // health | configuration | dependency | kpi | …
    QString rule; // module_down, module_degraded, missing_setting, critical_path
    QString module; // empty when not about one module
    QString title;
    QString message;
    QString action;

    QString fingerprint() const;
    bool operator==(const StatusAlert &) const = default;
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::StatusAlert)
