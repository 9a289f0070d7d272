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

QJsonObject StatusAlert::texts() const
{
    return {{QStringLiteral("title"), title.toJson()},
            {QStringLiteral("message"), message.toJson()},
            {QStringLiteral("action"), action.toJson()}};
}

void StatusAlert::setTexts(const QJsonObject &texts)
{
    title = Message::fromJson(texts.value(QLatin1String("title")));
    message = Message::fromJson(texts.value(QLatin1String("message")));
    action = Message::fromJson(texts.value(QLatin1String("action")));
}

namespace AlertRules {

namespace {

Message text(const char *id, QList<Message> args = {})
{
    return Message(QLatin1String(id), std::move(args));
}

} // namespace

namespace {

// "01, 02 and 08" … as the modules' numbers.
QString numbers(const QStringList &modules)
{
    QStringList n;
    for (const QString &id : modules)
        n << id.left(2);
    return n.join(QStringLiteral(", "));
}

} // namespace

QList<StatusAlert> evaluate(const CoreConfig &config, const QList<ModuleSnapshot> &modules,
                            int deadLetters)
{
    QList<StatusAlert> alerts;
    for (const CoreConfig::MissingSetting &missing : config.missingRequired()) {
        const ModuleInfo *info = ModuleCatalog::find(missing.module);
        alerts.append(
            {AlertSeverity::Critical,
             QStringLiteral("configuration"),
             QStringLiteral("missing_setting"),
             QString(),
             text("alert.missing_setting.title"),
             info ? text("alert.missing_setting.endpoint",
                         {Message::plain(missing.variable), Message::plain(info->numberText()),
                          Message::module(missing.module)})
                 : !missing.modules.isEmpty()
                 ? text(
                     "alert.missing_setting.modules",
                     {Message::plain(missing.variable), Message::plain(numbers(missing.modules))})
                 : text("alert.missing_setting.because",
                        {Message::plain(missing.variable), Message::plain(missing.because)}),
             text("alert.missing_setting.action"),
             missing.variable,
             {}});
    }
    for (const ModuleSnapshot &s : modules) {
        if (!ModuleCatalog::find(s.id))
            continue;
        if (s.status() == ModuleStatus::Down)
            alerts << moduleDown(s);
        else if (s.status() == ModuleStatus::Degraded)
            alerts << moduleDegraded(s.id, HealthRules::reason(s.assessment));
    }
    if (deadLetters >= config.deadLetterAlertThreshold) {
        alerts.append({AlertSeverity::Warning,
                       QStringLiteral("dead_letters"),
                       QStringLiteral("dead_letters"),
                       QString(),
                       text("alert.dead_letters.title"),
                       text("alert.dead_letters.message", {Message::number(deadLetters)}),
                       text("alert.dead_letters.action"),
                       QStringLiteral("dead_letter_queue"),
                       {}});
    }
    std::stable_sort(alerts.begin(), alerts.end(), [](const StatusAlert &a, const StatusAlert &b) {
        return int(a.severity) < int(b.severity);
    });
    return alerts;
}

QList<StatusAlert> moduleDown(const ModuleSnapshot &s)
{
    const ModuleInfo *info = ModuleCatalog::find(s.id);
    QList<StatusAlert> alerts {{AlertSeverity::Critical,
                                QStringLiteral("health"),
                                QStringLiteral("module_down"),
                                s.id,
                                text("alert.module_down.title", {Message::module(s.id)}),
                                HealthRules::reason(s.assessment),
                                text("alert.module_down.action"),
                                QString(),
                                {}}};
    if (info && info->criticalPath) {
        alerts.append({AlertSeverity::Critical,
                       QStringLiteral("dependency"),
                       QStringLiteral("critical_path"),
                       s.id,
                       text("alert.critical_path.title"),
                       text("alert.critical_path.message"),
                       text("alert.critical_path.action"),
                       QString(),
                       {s.id}});
    }
    if (s.circuit == CircuitState::Open) {
        alerts.append({AlertSeverity::Warning,
                       QStringLiteral("resilience"),
                       QStringLiteral("circuit_open"),
                       s.id,
                       text("alert.circuit_open.title", {Message::module(s.id)}),
                       text("alert.circuit_open.message"),
                       text("alert.circuit_open.action"),
                       QString(),
                       {s.id}});
    }
    return alerts;
}

StatusAlert moduleDegraded(const QString &moduleId, const Message &reason)
{
    return {AlertSeverity::Warning,
            QStringLiteral("health"),
            QStringLiteral("module_degraded"),
            moduleId,
            text("alert.module_degraded.title", {Message::module(moduleId)}),
            reason,
            text("alert.module_degraded.action"),
            QString(),
            {}};
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
             text("alert.review_sla.title", {Message::plain(queue)}),
             text("alert.review_sla.message", {Message::number(overdueByQueue.value(queue))}),
             text("alert.review_sla.action"),
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
                       text("alert.notification_failing.title", {Message::plain(f.name)}),
                       text("alert.notification_failing.message", {Message::plain(f.error)}),
                       text("alert.notification_failing.action"),
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
                       text("alert.secret_not_stored.title", {Message::plain(s.variable)}),
                       text("alert.secret_not_stored.message",
                            {Message::plain(s.variable), Message::plain(s.reason)}),
                       text("alert.secret_not_stored.action"),
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
