#include "status/statusdocument.h"

#include "alerts/alertrules.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Switchboard::StatusDocument {

namespace {

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject moduleJson(const ModuleSnapshot &s)
{
    QJsonObject m;
    m[QLatin1String("status")] = toWire(s.status());
    m[QLatin1String("reason")] = HealthRules::reasonText(s.assessment, false);
    m[QLatin1String("last_run")] = timeOrNull(s.lastRun);
    m[QLatin1String("errors_24h")] = s.errors24h;
    m[QLatin1String("response_time_ms")] =
        s.responseMs >= 0 ? QJsonValue(s.responseMs) : QJsonValue(QJsonValue::Null);
    m[QLatin1String("enabled")] = s.enabled;
    m[QLatin1String("circuit")] = toWire(s.circuit);
    m[QLatin1String("feed_connected")] = s.feedConnected;
    m[QLatin1String("last_check")] = timeOrNull(s.lastCheck);
    return m;
}

QJsonObject alertJson(const StatusAlert &a)
{
    QJsonObject o;
    o[QLatin1String("severity")] = toWire(a.severity);
    o[QLatin1String("category")] = a.category;
    if (!a.module.isEmpty())
        o[QLatin1String("module")] = a.module;
    o[QLatin1String("title")] = a.title.text();
    o[QLatin1String("message")] = a.message.text();
    o[QLatin1String("action")] = a.action.text();
    o[QLatin1String("texts")] = a.texts();
    o[QLatin1String("fingerprint")] = a.fingerprint();
    return o;
}

QJsonObject build(const Inputs &in)
{
    QJsonObject modules;
    for (const ModuleSnapshot &s : in.modules)
        modules[s.id] = moduleJson(s);
    QJsonArray alerts;
    for (const StatusAlert &a : in.alerts)
        alerts.append(alertJson(a));

    const CoreConfig &config = *in.config;
    const ModuleConfig *audit = config.module(QStringLiteral("09_compliance"));
    QJsonObject links;
    links[QLatin1String("dashboard_html")] =
        in.dashboardUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(in.dashboardUrl);
    links[QLatin1String("analytics_report")] = QJsonValue::Null;
    links[QLatin1String("audit_stream")] = audit && !audit->endpoint.isEmpty()
        ? QJsonValue(audit->endpoint.toString())
        : QJsonValue(QJsonValue::Null);

    QJsonObject metadata;
    metadata[QLatin1String("version")] = QCoreApplication::applicationVersion().isEmpty()
        ? QStringLiteral("0.1.0")
        : QCoreApplication::applicationVersion();
    metadata[QLatin1String("manager")] = QStringLiteral("10_System_Orchestration_Manager");
    metadata[QLatin1String("instance_id")] = config.instanceId;
    metadata[QLatin1String("environment")] = config.environment;
    metadata[QLatin1String("trace_id")] = in.traceId;
    metadata[QLatin1String("execution_time_ms")] = in.executionMs;
    metadata[QLatin1String("control_action")] =
        in.controlAction.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(in.controlAction);
    metadata[QLatin1String("hipaa_mode")] = config.hipaaMode;
    metadata[QLatin1String("system_health")] = toWire(AlertRules::systemHealth(in.alerts));

    QJsonObject doc;
    doc[QLatin1String("success")] = true;
    doc[QLatin1String("timestamp")] = in.timestamp.toUTC().toString(Qt::ISODateWithMs);
    doc[QLatin1String("env_ok")] = config.missingRequired().isEmpty();
    doc[QLatin1String("modules")] = modules;
    doc[QLatin1String("kpis")] = in.kpis;
    doc[QLatin1String("alerts")] = alerts;
    doc[QLatin1String("links")] = links;
    doc[QLatin1String("metadata")] = metadata;
    return doc;
}

QString newTraceId(const QDateTime &now)
{
    return QStringLiteral("MANAGER-%1").arg(now.toMSecsSinceEpoch());
}

} // namespace Switchboard::StatusDocument
