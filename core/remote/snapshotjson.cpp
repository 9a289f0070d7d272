#include "remote/snapshotjson.h"

#include "status/statusdocument.h"

#include <QJsonArray>
#include <iterator>

namespace Switchboard::SnapshotJson {

namespace {

// The reasons by name, so that a console reads a newer core's unknown reason as "not checked"
// rather than as another reason.
constexpr std::pair<HealthReason, const char *> Reasons[] = {
    {HealthReason::NotChecked, "not_checked"},
    {HealthReason::NotConfigured, "not_configured"},
    {HealthReason::Disabled, "disabled"},
    {HealthReason::Responding, "responding"},
    {HealthReason::NoAnswer, "no_answer"},
    {HealthReason::ReportedDown, "reported_down"},
    {HealthReason::CircuitOpen, "circuit_open"},
    {HealthReason::NoExecution, "no_execution"},
    {HealthReason::Malformed, "malformed"},
    {HealthReason::CircuitHalfOpen, "circuit_half_open"},
    {HealthReason::TooManyErrors, "too_many_errors"},
    {HealthReason::ReportedDegraded, "reported_degraded"},
    {HealthReason::Slow, "slow"},
    {HealthReason::CredentialRefused, "credential_refused"},
};

QString reasonName(HealthReason reason)
{
    for (const auto &[r, name] : Reasons) {
        if (r == reason)
            return QLatin1String(name);
    }
    return QStringLiteral("not_checked");
}

HealthReason reasonFromName(const QString &name)
{
    for (const auto &[r, n] : Reasons) {
        if (name == QLatin1String(n))
            return r;
    }
    return HealthReason::NotChecked;
}

// The value whose toWire() is text, or fallback.
template<typename E, std::size_t N>
E fromWire(const QJsonValue &text, const E (&all)[N], E fallback)
{
    for (E e : all) {
        if (toWire(e) == text.toString())
            return e;
    }
    return fallback;
}

constexpr CircuitState Circuits[] = {CircuitState::Closed, CircuitState::Open,
                                     CircuitState::HalfOpen};
constexpr AlertSeverity Severities[] = {AlertSeverity::Critical, AlertSeverity::Warning,
                                        AlertSeverity::Info};
constexpr SystemHealth Healths[] = {SystemHealth::Healthy, SystemHealth::Degraded,
                                    SystemHealth::Critical};

QJsonValue timeOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs))
                       : QJsonValue(QJsonValue::Null);
}

QDateTime timeOf(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &s : v.toArray())
        out << s.toString();
    return out;
}

} // namespace

QJsonObject toJson(const ModuleSnapshot &s)
{
    QJsonObject m = StatusDocument::moduleJson(s);
    m.insert(QStringLiteral("id"), s.id);
    // To the millisecond, as the console orders and ages them.
    m.insert(QStringLiteral("last_run"), timeOrNull(s.lastRun));
    m.insert(QStringLiteral("last_check"), timeOrNull(s.lastCheck));
    m.insert(QStringLiteral("configured"), s.configured);
    m.insert(QStringLiteral("endpoint"), s.endpoint);
    m.insert(QStringLiteral("timeout_ms"), s.timeoutMs);
    m.insert(QStringLiteral("assessment"),
             QJsonObject {{QStringLiteral("reason"), reasonName(s.assessment.reason)},
                          {QStringLiteral("value"), s.assessment.value},
                          {QStringLiteral("limit"), s.assessment.limit}});
    m.insert(QStringLiteral("status_since"), timeOrNull(s.statusSince));
    m.insert(QStringLiteral("version"), s.version);
    m.insert(QStringLiteral("uptime_seconds"), s.uptimeSeconds);
    m.insert(QStringLiteral("events_seen"), s.eventsSeen);
    QJsonArray responses;
    for (int ms : s.responseHistory)
        responses.append(ms);
    m.insert(QStringLiteral("response_history"), responses);
    QJsonArray circuits;
    for (const CircuitTransition &t : s.circuitHistory)
        circuits.append(QJsonObject {{QStringLiteral("at"), timeOrNull(t.at)},
                                     {QStringLiteral("state"), toWire(t.state)}});
    m.insert(QStringLiteral("circuit_history"), circuits);
    return m;
}

ModuleSnapshot moduleFromJson(const QJsonObject &m)
{
    ModuleSnapshot s;
    s.id = m.value(QLatin1String("id")).toString();
    s.enabled = m.value(QLatin1String("enabled")).toBool(true);
    s.configured = m.value(QLatin1String("configured")).toBool();
    s.endpoint = m.value(QLatin1String("endpoint")).toString();
    s.timeoutMs = m.value(QLatin1String("timeout_ms")).toInt();
    const QJsonObject a = m.value(QLatin1String("assessment")).toObject();
    s.assessment.status = moduleStatusFromWire(m.value(QLatin1String("status")).toString());
    s.assessment.reason = reasonFromName(a.value(QLatin1String("reason")).toString());
    s.assessment.value = a.value(QLatin1String("value")).toInteger();
    s.assessment.limit = a.value(QLatin1String("limit")).toInteger();
    s.circuit = fromWire(m.value(QLatin1String("circuit")), Circuits, CircuitState::Closed);
    s.responseMs = m.value(QLatin1String("response_time_ms")).toInt(-1);
    s.errors24h = m.value(QLatin1String("errors_24h")).toInt();
    s.lastRun = timeOf(m.value(QLatin1String("last_run")));
    s.lastCheck = timeOf(m.value(QLatin1String("last_check")));
    s.statusSince = timeOf(m.value(QLatin1String("status_since")));
    s.version = m.value(QLatin1String("version")).toString();
    s.uptimeSeconds = m.value(QLatin1String("uptime_seconds")).toInteger();
    s.feedConnected = m.value(QLatin1String("feed_connected")).toBool();
    s.eventsSeen = m.value(QLatin1String("events_seen")).toInteger();
    for (const auto &ms : m.value(QLatin1String("response_history")).toArray())
        s.responseHistory.append(ms.toInt(-1));
    for (const auto &v : m.value(QLatin1String("circuit_history")).toArray()) {
        const QJsonObject t = v.toObject();
        s.circuitHistory.append(
            {timeOf(t.value(QLatin1String("at"))),
             fromWire(t.value(QLatin1String("state")), Circuits, CircuitState::Closed)});
    }
    return s;
}

QJsonObject toJson(const StatusAlert &alert)
{
    QJsonObject o = StatusDocument::alertJson(alert);
    o.insert(QStringLiteral("rule"), alert.rule);
    o.insert(QStringLiteral("subject"), alert.subject);
    o.insert(QStringLiteral("derived_from"), QJsonArray::fromStringList(alert.derivedFrom));
    return o;
}

StatusAlert alertFromJson(const QJsonObject &o)
{
    StatusAlert a;
    a.severity = fromWire(o.value(QLatin1String("severity")), Severities, AlertSeverity::Warning);
    a.category = o.value(QLatin1String("category")).toString();
    a.rule = o.value(QLatin1String("rule")).toString();
    a.module = o.value(QLatin1String("module")).toString();
    a.subject = o.value(QLatin1String("subject")).toString();
    a.derivedFrom = strings(o.value(QLatin1String("derived_from")));
    a.setTexts(o.value(QLatin1String("texts")).toObject());
    return a;
}

QJsonObject toJson(const SystemOverview &overview)
{
    QJsonArray alerts;
    for (const StatusAlert &alert : overview.alerts)
        alerts.append(toJson(alert));
    return {{QStringLiteral("health"), toWire(overview.health)},
            {QStringLiteral("env_ok"), overview.envOk},
            {QStringLiteral("last_check"), timeOrNull(overview.lastCheck)},
            {QStringLiteral("clinic_name"), overview.clinicName},
            {QStringLiteral("environment"), overview.environment},
            {QStringLiteral("dead_letters"), overview.deadLetters},
            {QStringLiteral("kpis"), overview.kpis},
            {QStringLiteral("kpi_thresholds"), overview.kpiThresholds},
            {QStringLiteral("kpi_previous_week"), overview.kpiPreviousWeek},
            {QStringLiteral("dependencies"), overview.dependencies.toJson()},
            {QStringLiteral("review_queues"), overview.reviewQueues},
            {QStringLiteral("alerts"), alerts}};
}

SystemOverview overviewFromJson(const QJsonObject &o)
{
    SystemOverview overview;
    overview.health = fromWire(o.value(QLatin1String("health")), Healths, SystemHealth::Healthy);
    overview.envOk = o.value(QLatin1String("env_ok")).toBool(true);
    overview.lastCheck = timeOf(o.value(QLatin1String("last_check")));
    overview.clinicName = o.value(QLatin1String("clinic_name")).toString();
    overview.environment = o.value(QLatin1String("environment")).toString();
    overview.deadLetters = o.value(QLatin1String("dead_letters")).toInt();
    overview.kpis = o.value(QLatin1String("kpis")).toObject();
    overview.kpiThresholds = o.value(QLatin1String("kpi_thresholds")).toObject();
    overview.kpiPreviousWeek = o.value(QLatin1String("kpi_previous_week")).toObject();
    overview.dependencies =
        DependencyGraph::fromJson(o.value(QLatin1String("dependencies")).toObject());
    overview.reviewQueues = o.value(QLatin1String("review_queues")).toArray();
    for (const auto &a : o.value(QLatin1String("alerts")).toArray())
        overview.alerts.append(alertFromJson(a.toObject()));
    return overview;
}

} // namespace Switchboard::SnapshotJson
