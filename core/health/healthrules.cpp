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

QString reasonText(const HealthAssessment &a, bool translated)
{
    const char *source = nullptr;
    switch (a.reason) {
    case HealthReason::NotChecked:
        source = QT_TRANSLATE_NOOP("HealthRules", "Not checked yet");
        break;
    case HealthReason::NotConfigured:
        source = QT_TRANSLATE_NOOP("HealthRules", "No endpoint configured");
        break;
    case HealthReason::Disabled:
        source = QT_TRANSLATE_NOOP("HealthRules", "Disabled in configuration");
        break;
    case HealthReason::Responding:
        source = QT_TRANSLATE_NOOP("HealthRules", "Responding normally");
        break;
    case HealthReason::NoAnswer:
        source = QT_TRANSLATE_NOOP("HealthRules", "Module not responding to health checks");
        break;
    case HealthReason::ReportedDown:
        source = QT_TRANSLATE_NOOP("HealthRules", "Module reports itself down");
        break;
    case HealthReason::CircuitOpen:
        source = QT_TRANSLATE_NOOP("HealthRules", "Circuit breaker open: calls fail fast");
        break;
    case HealthReason::NoExecution:
        source = QT_TRANSLATE_NOOP("HealthRules", "No execution in %1 hours");
        break;
    case HealthReason::Malformed:
        source = QT_TRANSLATE_NOOP("HealthRules", "Health answer could not be read");
        break;
    case HealthReason::CircuitHalfOpen:
        source = QT_TRANSLATE_NOOP("HealthRules", "Circuit breaker half-open: testing recovery");
        break;
    case HealthReason::TooManyErrors:
        source = QT_TRANSLATE_NOOP("HealthRules", "%1 errors in last 24 hours (threshold: %2)");
        break;
    case HealthReason::ReportedDegraded:
        source = QT_TRANSLATE_NOOP("HealthRules", "Module reports itself degraded");
        break;
    case HealthReason::Slow:
        source = QT_TRANSLATE_NOOP("HealthRules", "Slow response: %1 ms (limit: %2 ms)");
        break;
    }
    QString text =
        translated ? QCoreApplication::translate("HealthRules", source) : QString::fromUtf8(source);
    if (text.contains(QLatin1String("%2")))
        return text.arg(a.value).arg(a.limit);
    if (text.contains(QLatin1String("%1")))
        return text.arg(a.value);
    return text;
}

} // namespace HealthRules
} // namespace Switchboard
