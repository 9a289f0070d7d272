#include "health/healthrules.h"

#include <QCoreApplication>

namespace Switchboard {

QString toWire(CircuitState state)
{
    switch (state) {
    case CircuitState::Open:
        return QStringLiteral("open");
    case CircuitState::HalfOpen:
        return QStringLiteral("half_open");
    case CircuitState::Closed:
        break;
    }
    return QStringLiteral("closed");
}

namespace HealthRules {

HealthAssessment assess(const ModuleConfig &module, const std::optional<HealthProbe> &probe,
                        CircuitState circuit, const HealthSettings &settings, const QDateTime &now,
                        const QDateTime &lastActivity)
{
    using S = ModuleStatus;
    using R = HealthReason;
    if (!module.enabled)
        return {S::Disabled, R::Disabled};
    if (module.endpoint.isEmpty())
        return {S::Unknown, R::NotConfigured};
    if (circuit == CircuitState::Open)
        return {S::Down, R::CircuitOpen};
    if (!probe)
        return {S::Unknown, R::NotChecked};
    if (probe->outcome == HealthProbe::Outcome::NoAnswer)
        return {S::Down, R::NoAnswer};
    if (probe->outcome == HealthProbe::Outcome::Malformed)
        return {S::Degraded, R::Malformed};
    if (probe->outcome == HealthProbe::Outcome::Refused)
        return {S::Degraded, R::CredentialRefused};
    if (probe->reported == S::Down)
        return {S::Down, R::ReportedDown};

    QDateTime newest = probe->lastRun;
    if (lastActivity.isValid() && (!newest.isValid() || lastActivity > newest))
        newest = lastActivity;
    if (newest.isValid()) {
        const qint64 idleHours = newest.secsTo(now) / 3600;
        if (idleHours > settings.noExecutionHours)
            return {S::Down, R::NoExecution, idleHours, settings.noExecutionHours};
    }
    if (circuit == CircuitState::HalfOpen)
        return {S::Degraded, R::CircuitHalfOpen};
    if (probe->errors24h > settings.errorThreshold)
        return {S::Degraded, R::TooManyErrors, probe->errors24h, settings.errorThreshold};
    if (probe->reported == S::Degraded)
        return {S::Degraded, R::ReportedDegraded};
    if (probe->responseMs > settings.slowResponseMs)
        return {S::Degraded, R::Slow, probe->responseMs, settings.slowResponseMs};
    return {S::Healthy, R::Responding};
}

Message reason(const HealthAssessment &a)
{
    const auto with = [&a](const char *id, int args) {
        QList<Message> values;
        if (args >= 1)
            values << Message::number(double(a.value));
        if (args >= 2)
            values << Message::number(double(a.limit));
        return Message(QLatin1String(id), values);
    };
    switch (a.reason) {
    case HealthReason::NotChecked:
        break;
    case HealthReason::NotConfigured:
        return with("health.not_configured", 0);
    case HealthReason::Disabled:
        return with("health.disabled", 0);
    case HealthReason::Responding:
        return with("health.responding", 0);
    case HealthReason::NoAnswer:
        return with("health.no_answer", 0);
    case HealthReason::ReportedDown:
        return with("health.reported_down", 0);
    case HealthReason::CircuitOpen:
        return with("health.circuit_open", 0);
    case HealthReason::NoExecution:
        return with("health.no_execution", 1);
    case HealthReason::Malformed:
        return with("health.malformed", 0);
    case HealthReason::CircuitHalfOpen:
        return with("health.circuit_half_open", 0);
    case HealthReason::TooManyErrors:
        return with("health.too_many_errors", 2);
    case HealthReason::ReportedDegraded:
        return with("health.reported_degraded", 0);
    case HealthReason::Slow:
        return with("health.slow", 2);
    case HealthReason::CredentialRefused:
        return with("health.credential_refused", 0);
    }
    return with("health.not_checked", 0);
}

QString reasonText(const HealthAssessment &a, bool translated)
{
    return translated ? reason(a).translated() : reason(a).text();
}

} // namespace HealthRules
} // namespace Switchboard
