#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Switchboard {

enum class AlertSeverity { Critical, Warning, Info };
QString toWire(AlertSeverity severity); // "critical", "warning", "info"

// One alert as the status document shows it. The fingerprint (rule + subject) identifies the
// same problem across evaluations, whatever numbers its message carries.
struct StatusAlert
{
    AlertSeverity severity = AlertSeverity::Warning;
    QString category; // health | configuration | dependency | kpi | resilience | review | …
    QString rule; // module_down, module_degraded, missing_setting, critical_path, …
    QString module; // empty when not about one module
    QString title;
    QString message;
    QString action;
    QString subject; // what the rule is about when it is not a module: a setting, a KPI, a queue
    // Modules whose outage explains this alert: while one of them is down it does not page.
    QStringList derivedFrom;

    QString fingerprint() const;
    bool operator==(const StatusAlert &) const = default;
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::StatusAlert)
