#include "alerts/alertrules.h"

#include "health/healthrules.h"
#include "modules/modulecatalog.h"

#include <algorithm>

namespace Switchboard {

QString toWire(AlertSeverity severity)
{
    switch (severity) {
    case AlertSeverity::Critical:
        return QStringLiteral("critical");
    case AlertSeverity::Warning:
        return QStringLiteral("warning");
    case AlertSeverity::Info:
        break;
    }
    return QStringLiteral("info");
}

QString StatusAlert::fingerprint() const
{
    return rule + QLatin1Char(':') + (subject.isEmpty() ? module : subject);
}

namespace AlertRules {

QList<StatusAlert> evaluate(const CoreConfig &config, const QList<ModuleSnapshot> &modules,
                            int deadLetters)
{
    QList<StatusAlert> alerts;
    for (const CoreConfig::MissingSetting &missing : config.missingRequired()) {
        alerts.append(
            {AlertSeverity::Critical,
             QStringLiteral("configuration"),
             QStringLiteral("missing_setting"),
             QString(),
             QStringLiteral("Missing Required Environment Variable"),
             missing.variable + QStringLiteral(" (") + missing.reason + QLatin1Char(')'),
             QStringLiteral("Set the variable in the configuration and restart the check"),
             missing.variable,
             {}});
    }
    for (const ModuleSnapshot &s : modules) {
        const ModuleInfo *info = ModuleCatalog::find(s.id);
        if (!info)
            continue;
        const QString reason = HealthRules::reasonText(s.assessment, false);
        if (s.status() == ModuleStatus::Down) {
            alerts.append({AlertSeverity::Critical,
                           QStringLiteral("health"),
                           QStringLiteral("module_down"),
                           s.id,
                           QStringLiteral("Module Down: ") + info->name(),
                           reason,
                           QStringLiteral("Investigate module logs and restart if necessary"),
                           QString(),
                           {}});
            if (info->criticalPath) {
                alerts.append({AlertSeverity::Critical,
                               QStringLiteral("dependency"),
                               QStringLiteral("critical_path"),
                               s.id,
                               QStringLiteral("Module down in critical path"),
                               QStringLiteral("Impact: Patient journey blocked"),
                               QStringLiteral("Restore module health to ensure data flow"),
                               QString(),
                               {s.id}});
            }
            if (s.circuit == CircuitState::Open) {
                alerts.append(
                    {AlertSeverity::Warning,
                     QStringLiteral("resilience"),
                     QStringLiteral("circuit_open"),
                     s.id,
                     QStringLiteral("Circuit Open: ") + info->name(),
                     QStringLiteral("Calls to the module are refused until it answers again"),
                     QStringLiteral("Reset the breaker in Modules once the module answers again"),
                     QString(),
                     {s.id}});
            }
        } else if (s.status() == ModuleStatus::Degraded) {
            alerts.append({AlertSeverity::Warning,
                           QStringLiteral("health"),
                           QStringLiteral("module_degraded"),
                           s.id,
                           QStringLiteral("Module Degraded: ") + info->name(),
                           reason,
                           QStringLiteral("Review the module's recent errors and response times"),
                           QString(),
                           {}});
        }
    }
    if (deadLetters >= config.deadLetterAlertThreshold) {
        alerts.append(
            {AlertSeverity::Warning,
             QStringLiteral("dead_letters"),
             QStringLiteral("dead_letters"),
             QString(),
             QStringLiteral("Dead letters piling up"),
             QStringLiteral("%1 module calls failed for good and wait in the dead-letter queue")
                 .arg(deadLetters),
             QStringLiteral("Inspect them in the dead-letter queue, then replay or discard them"),
             QStringLiteral("dead_letter_queue"),
             {}});
    }
    std::stable_sort(alerts.begin(), alerts.end(), [](const StatusAlert &a, const StatusAlert &b) {
        return int(a.severity) < int(b.severity);
    });
    return alerts;
}

QList<StatusAlert> reviewSla(const QHash<QString, int> &overdueByQueue)
{
    QStringList queues = overdueByQueue.keys();
    queues.sort();
    QList<StatusAlert> alerts;
    for (const QString &queue : std::as_const(queues)) {
        alerts.append(
            {AlertSeverity::Warning,
             QStringLiteral("review"),
             QStringLiteral("review_sla"),
             QString(),
             QStringLiteral("Review SLA Breached: ") + queue,
             QStringLiteral("Tasks past their SLA, now with the supervisors: %1")
                 .arg(overdueByQueue.value(queue)),
             QStringLiteral("Open the supervisor queue in Review and decide or reassign them"),
             queue,
             {}});
    }
    return alerts;
}

QList<StatusAlert> notificationFailures(const QList<ChannelFailure> &failures)
{
    QList<StatusAlert> alerts;
    for (const ChannelFailure &f : failures) {
        alerts.append({AlertSeverity::Warning,
                       QStringLiteral("notification"),
                       QStringLiteral("notification_failing"),
                       QString(),
                       QStringLiteral("Notifications Failing: ") + f.name,
                       QStringLiteral("The last alert could not be delivered: ") + f.error,
                       QStringLiteral("Check the channel's settings in Alerts › Channels and "
                                      "send a test"),
                       QStringLiteral("channel:") + f.id,
                       {}});
    }
    return alerts;
}

QList<StatusAlert> unstoredSecrets(const QList<UnstoredSecret> &secrets)
{
    QList<StatusAlert> alerts;
    for (const UnstoredSecret &s : secrets) {
        alerts.append({AlertSeverity::Warning,
                       QStringLiteral("configuration"),
                       QStringLiteral("secret_not_stored"),
                       QString(),
                       QStringLiteral("Secret Not Stored: ") + s.variable,
                       QStringLiteral("%1 is used from memory for this run only: %2")
                           .arg(s.variable, s.reason),
                       QStringLiteral("Start a Secret Service (a desktop keychain), or set "
                                      "SECRETS_BACKEND=file with a key (LoadCredential= or "
                                      "SWITCHBOARD_SECRET_KEY_FILE), then restart; see "
                                      "docs/deployment.md"),
                       s.variable,
                       {}});
    }
    return alerts;
}

SystemHealth systemHealth(const QList<StatusAlert> &alerts)
{
    SystemHealth health = SystemHealth::Healthy;
    for (const StatusAlert &a : alerts) {
        if (a.severity == AlertSeverity::Critical)
            return SystemHealth::Critical;
        if (a.severity == AlertSeverity::Warning)
            health = SystemHealth::Degraded;
    }
    return health;
}

} // namespace AlertRules
} // namespace Switchboard
