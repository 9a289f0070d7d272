#pragma once

// Alerts as the real rules raise them, for the tests of what happens to alerts next.

#include "alerts/alertrules.h"
#include "kpis/kpirules.h"

#include <QJsonArray>
#include <QStringList>

namespace AlertSamples {

// The rules' alerts for one module in the given state: "Module Down: <name>" (and the
// critical-path alert for a module on the patient journey), or "Module Degraded: <name>".
inline QList<Switchboard::StatusAlert>
forModule(const QString &module, Switchboard::ModuleStatus status, Switchboard::HealthReason reason)
{
    Switchboard::CoreConfig config;
    config.useSimulatedFleet(8700);
    Switchboard::ModuleSnapshot s;
    s.id = module;
    s.configured = true;
    s.assessment = {status, reason, 6, 5};
    return Switchboard::AlertRules::evaluate(config, {s});
}

inline Switchboard::StatusAlert down(const QString &module)
{
    return forModule(module, Switchboard::ModuleStatus::Down, Switchboard::HealthReason::NoAnswer)
        .value(0);
}

inline Switchboard::StatusAlert criticalPath(const QString &module)
{
    return forModule(module, Switchboard::ModuleStatus::Down, Switchboard::HealthReason::NoAnswer)
        .value(1);
}

// "6 errors in last 24 hours (threshold: 5)".
inline Switchboard::StatusAlert degraded(const QString &module)
{
    return forModule(module, Switchboard::ModuleStatus::Degraded,
                     Switchboard::HealthReason::TooManyErrors)
        .value(0);
}

// "Lead volume (<leads>) below threshold (100)".
inline Switchboard::StatusAlert leadsBelow(double leads)
{
    return Switchboard::KpiRules::evaluate({{QStringLiteral("min_leads_24h"), 100}},
                                           {{QStringLiteral("leads_24h"), leads}})
        .value(0);
}

// "channel:event" of each delivery of an alert (AlertBook::alert's "deliveries"), sorted;
// *pending tells whether one is still queued or retrying.
inline QStringList deliveryKeys(const QJsonArray &deliveries, bool *pending)
{
    QStringList out;
    *pending = false;
    for (const QJsonValue &v : deliveries) {
        const QJsonObject d = v.toObject();
        const QString status = d.value(QLatin1String("status")).toString();
        *pending =
            *pending || status == QLatin1String("queued") || status == QLatin1String("retrying");
        out << d.value(QLatin1String("channel")).toString() + QLatin1Char(':')
                + d.value(QLatin1String("event")).toString();
    }
    out.sort();
    return out;
}

} // namespace AlertSamples
