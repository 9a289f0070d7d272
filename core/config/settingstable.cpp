#include "config/settingstable.h"

#include "config/settingparsers.h"
#include "modules/modulecatalog.h"
#include "workflow/cronschedule.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace Switchboard::SettingsTable {

namespace {

Status applyKpiThresholds(CoreConfig &c, const QString &v, const QString &f)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(v.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return makeError(QStringLiteral("expected a JSON object such as "
                                        "{\"min_leads_24h\":10}: %1")
                             .arg(parseError.error != QJsonParseError::NoError
                                      ? parseError.errorString()
                                      : QStringLiteral("not an object")),
                         f);
    }
    QMap<QString, double> thresholds;
    const QJsonObject obj = doc.object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (!it.key().startsWith(QLatin1String("min_"))
            && !it.key().startsWith(QLatin1String("max_")))
            return makeError(
                QStringLiteral("threshold \"%1\" must start with min_ or max_").arg(it.key()), f);
        if (!it.value().isDouble())
            return makeError(QStringLiteral("threshold \"%1\" must be a number").arg(it.key()), f);
        thresholds.insert(it.key(), it.value().toDouble());
    }
    c.kpiThresholds = thresholds;
    return Ok {};
}

Status applySlackUrl(CoreConfig &c, const QString &v, const QString &f)
{
    const QUrl url(v.trimmed(), QUrl::StrictMode);
    if (v.trimmed().isEmpty() || v.contains(QLatin1String("YOUR/WEBHOOK")))
        return Ok {}; // unset, or the seed's placeholder
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https")
            && !(url.scheme() == QLatin1String("http")
                 && url.host() == QLatin1String("127.0.0.1"))))
        return makeError(QStringLiteral("must be an https URL"), f);
    c.slackWebhookUrl = url.toString();
    return Ok {};
}

Status applyScheduleCron(CoreConfig &c, const QString &v, const QString &f)
{
    // The seed schedules health checks as "*/N * * * *"; that form maps onto the check
    // interval. Other schedules belong to workflows.
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*\*/(\d{1,2})\s+\*\s+\*\s+\*\s+\*\s*$)"));
    const auto m = re.match(v);
    const int minutes = m.hasMatch() ? m.captured(1).toInt() : 0;
    if (minutes < 1 || minutes > 59)
        return makeError(QStringLiteral("expected \"*/N * * * *\" with N from 1 to 59 (every N "
                                        "minutes), got \"%1\"")
                             .arg(v),
                         f);
    c.health.intervalMs = minutes * 60 * 1000;
    return Ok {};
}

void addClinic(QList<Setting> &s)
{
    s << Setting {QStringLiteral("BRAND_NAME"), QStringLiteral("clinic.name"),
                  [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                      if (v.trimmed().isEmpty())
                          return makeError(QStringLiteral("the clinic name must not be empty"), f);
                      c.brandName = v.trimmed();
                      return Ok {};
                  },
                  QStringLiteral("Demo Clinic")};
    s << Setting {QStringLiteral("N8N_INSTANCE_ID"), QStringLiteral("clinic.instance_id"),
                  [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                      static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
                      if (!re.match(v.trimmed()).hasMatch())
                          return makeError(
                              QStringLiteral("use 1–64 letters, digits, '.', '_' or '-'"), f);
                      c.instanceId = v.trimmed();
                      return Ok {};
                  },
                  QStringLiteral("switchboard-001")};
    s << Setting {
        QStringLiteral("ENVIRONMENT"), QStringLiteral("clinic.environment"),
        oneOf({QStringLiteral("dev"), QStringLiteral("staging"), QStringLiteral("production")},
              [](CoreConfig &c, const QString &v) { c.environment = v; }),
        QStringLiteral("production")};
    s << Setting {QStringLiteral("TIMEZONE"), QStringLiteral("clinic.timezone"),
                  [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                      if (!QTimeZone::isTimeZoneIdAvailable(v.trimmed().toUtf8()))
                          return makeError(QStringLiteral("unknown time zone \"%1\"").arg(v), f);
                      c.timezone = v.trimmed();
                      return Ok {};
                  },
                  QStringLiteral("the machine's time zone")};
    s << Setting {QStringLiteral("HIPAA_MODE"), QStringLiteral("hipaa_mode"),
                  flag([](CoreConfig &c, bool on) { c.hipaaMode = on; }), QStringLiteral("true")};
    s << Setting {QStringLiteral("ANONYMIZE_DASHBOARD"), QStringLiteral("anonymize_dashboard"),
                  flag([](CoreConfig &c, bool on) { c.anonymizeDashboard = on; }),
                  QStringLiteral("false")};
    s << Setting {QStringLiteral("PHI_FIELDS"), QStringLiteral("phi_fields"),
                  [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                      static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_ -]{1,64}$"));
                      QStringList fields;
                      for (const QString &name : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                          if (!re.match(name.trimmed()).hasMatch())
                              return makeError(QStringLiteral("\"%1\" is not a field name "
                                                              "(letters, digits, '_', '-')")
                                                   .arg(name.trimmed()),
                                               f);
                          fields << name.trimmed();
                      }
                      c.phiFields = fields;
                      return Ok {};
                  },
                  QStringLiteral("none beyond the built-in names")};
    s << Setting {
        QStringLiteral("TRACE_URL_TEMPLATE"), QStringLiteral("trace_url_template"),
        [](CoreConfig &c, const QString &v, const QString &f) -> Status {
            const QString t = v.trimmed();
            if (!t.isEmpty() && !t.contains(QLatin1String("{trace_id}")))
                return makeError(QStringLiteral("the template needs {trace_id} where "
                                                "the trace id goes"),
                                 f);
            if (!t.isEmpty()) {
                const QUrl url(QString(t).replace(QLatin1String("{trace_id}"), QLatin1String("0")),
                               QUrl::StrictMode);
                if (!url.isValid() || url.host().isEmpty()
                    || (url.scheme() != QLatin1String("http")
                        && url.scheme() != QLatin1String("https")))
                    return makeError(QStringLiteral("\"%1\" is not an http or https URL").arg(t),
                                     f);
            }
            c.traceUrlTemplate = t;
            return Ok {};
        },
        QStringLiteral("unset")};
}

void addHealth(QList<Setting> &s)
{
    s << Setting {QStringLiteral("HEALTH_CHECK_INTERVAL_MS"), QStringLiteral("health.interval_ms"),
                  duration(1, 500, 24 * Hour,
                           [](CoreConfig &c, qint64 ms) { c.health.intervalMs = int(ms); }),
                  durationText(15 * Minute)};
    s << Setting {QStringLiteral("HEALTH_CHECK_TIMEOUT_MS"), QStringLiteral("health.timeout_ms"),
                  duration(1, 100, 120 * Second,
                           [](CoreConfig &c, qint64 ms) { c.health.timeoutMs = int(ms); }),
                  QStringLiteral("10000")};
    s << Setting {QStringLiteral("HEALTH_CHECK_RETRIES"), QStringLiteral("health.retries"),
                  wholeNumber(0, 5, [](CoreConfig &c, int n) { c.health.retries = n; }),
                  QStringLiteral("1")};
    s << Setting {QStringLiteral("HEALTH_CHECK_RETRY_DELAY_MS"),
                  QStringLiteral("health.retry_delay_ms"),
                  duration(1, 0, 60 * Second,
                           [](CoreConfig &c, qint64 ms) { c.health.retryDelayMs = int(ms); }),
                  QStringLiteral("1000")};
    s << Setting {
        QStringLiteral("ERROR_THRESHOLD"), QStringLiteral("health.error_threshold"),
        wholeNumber(0, 1000000, [](CoreConfig &c, int n) { c.health.errorThreshold = n; }),
        QStringLiteral("5")};
    s << Setting {QStringLiteral("SLOW_RESPONSE_MS"), QStringLiteral("health.slow_response_ms"),
                  duration(1, 1, 600 * Second,
                           [](CoreConfig &c, qint64 ms) { c.health.slowResponseMs = int(ms); }),
                  QStringLiteral("3000")};
    s << Setting {
        QStringLiteral("NO_EXECUTION_ALERT_HOURS"), QStringLiteral("health.no_execution_hours"),
        wholeNumber(1, 24 * 365, [](CoreConfig &c, int n) { c.health.noExecutionHours = n; }),
        QStringLiteral("24")};
    s << Setting {QStringLiteral("MANAGER_SCHEDULE_CRON"), QString(), applyScheduleCron,
                  QStringLiteral("*/15 * * * *")};
}

void addResilience(QList<Setting> &s)
{
    s << Setting {
        QStringLiteral("CIRCUIT_BREAKER_THRESHOLD"), QStringLiteral("circuit_breaker.threshold"),
        wholeNumber(1, 1000, [](CoreConfig &c, int n) { c.circuitBreaker.threshold = n; }),
        QStringLiteral("5")};
    // Milliseconds, as the seed writes it ("120000" // Increase from 60s to 120s).
    s << Setting {QStringLiteral("CIRCUIT_BREAKER_TIMEOUT"),
                  QStringLiteral("circuit_breaker.timeout_ms"),
                  duration(1, Second, 24 * Hour,
                           [](CoreConfig &c, qint64 ms) { c.circuitBreaker.timeoutMs = int(ms); }),
                  QStringLiteral("60000")};
    s << Setting {QStringLiteral("ALERT_FLAP_CHANGES"), QStringLiteral("alerts.flap_changes"),
                  wholeNumber(2, 1000, [](CoreConfig &c, int n) { c.flapChanges = n; }),
                  QStringLiteral("3")};
    s << Setting {
        QStringLiteral("ALERT_FLAP_WINDOW_MS"), QStringLiteral("alerts.flap_window_ms"),
        duration(1, Minute, 24 * Hour, [](CoreConfig &c, qint64 ms) { c.flapWindowMs = int(ms); }),
        QStringLiteral("900000")};
    s << Setting {
        QStringLiteral("DLQ_ALERT_THRESHOLD"), QStringLiteral("resilience.dlq_alert_threshold"),
        wholeNumber(1, 1000000, [](CoreConfig &c, int n) { c.deadLetterAlertThreshold = n; }),
        QStringLiteral("10")};
    s << Setting {
        QStringLiteral("RATE_LIMIT_GLOBAL_PER_MIN"), QStringLiteral("resilience.global_per_minute"),
        wholeNumber(1, 10000000, [](CoreConfig &c, int n) { c.resilience.globalPerMinute = n; }),
        QStringLiteral("1000")};
    s << Setting {
        QStringLiteral("RATE_LIMIT_MODULE_PER_MIN"), QStringLiteral("resilience.module_per_minute"),
        wholeNumber(1, 10000000, [](CoreConfig &c, int n) { c.resilience.modulePerMinute = n; }),
        QStringLiteral("100")};
    s << Setting {QStringLiteral("RATE_LIMIT_MAX_WAIT_MS"),
                  QStringLiteral("resilience.max_wait_ms"),
                  duration(1, 0, 600 * Second,
                           [](CoreConfig &c, qint64 ms) { c.resilience.maxWaitMs = int(ms); }),
                  QStringLiteral("30000")};
    s << Setting {
        QStringLiteral("BULKHEAD_MAX_CONCURRENT"), QStringLiteral("resilience.bulkhead_concurrent"),
        wholeNumber(1, 10000, [](CoreConfig &c, int n) { c.resilience.bulkheadConcurrent = n; }),
        QStringLiteral("10")};
    s << Setting {
        QStringLiteral("BULKHEAD_MAX_QUEUED"), QStringLiteral("resilience.bulkhead_queued"),
        wholeNumber(0, 100000, [](CoreConfig &c, int n) { c.resilience.bulkheadQueued = n; }),
        QStringLiteral("100")};
}

void addApi(QList<Setting> &s)
{
    s << Setting {QStringLiteral("API_MAX_CONNECTIONS"), QStringLiteral("api.max_connections"),
                  wholeNumber(8, 1000000, [](CoreConfig &c, int n) { c.api.maxConnections = n; }),
                  QStringLiteral("1000")};
    s << Setting {QStringLiteral("API_MAX_WEBSOCKETS"), QStringLiteral("api.max_websockets"),
                  wholeNumber(0, 100000, [](CoreConfig &c, int n) { c.api.maxWebSockets = n; }),
                  QStringLiteral("256")};
    s << Setting {QStringLiteral("API_HEADER_TIMEOUT_MS"), QStringLiteral("api.header_timeout_ms"),
                  duration(1, 100, 10 * Minute,
                           [](CoreConfig &c, qint64 ms) { c.api.headerTimeoutMs = int(ms); }),
                  QStringLiteral("10000")};
    s << Setting {QStringLiteral("API_BODY_TIMEOUT_MS"), QStringLiteral("api.body_timeout_ms"),
                  duration(1, 100, 60 * Minute,
                           [](CoreConfig &c, qint64 ms) { c.api.bodyTimeoutMs = int(ms); }),
                  QStringLiteral("60000")};
    s << Setting {QStringLiteral("API_IDLE_TIMEOUT_MS"), QStringLiteral("api.idle_timeout_ms"),
                  duration(1, 100, 24 * Hour,
                           [](CoreConfig &c, qint64 ms) { c.api.idleTimeoutMs = int(ms); }),
                  QStringLiteral("60000")};
    s << Setting {
        QStringLiteral("API_MAX_BODY_BYTES"), QStringLiteral("api.max_body_bytes"),
        wholeNumber(1024, 256 * 1024 * 1024, [](CoreConfig &c, int n) { c.api.maxBodyBytes = n; }),
        QStringLiteral("1048576")};
    s << Setting {QStringLiteral("API_MAX_WORKFLOW_BYTES"),
                  QStringLiteral("api.max_workflow_bytes"),
                  wholeNumber(1024, 256 * 1024 * 1024,
                              [](CoreConfig &c, int n) { c.api.maxWorkflowBytes = n; }),
                  QStringLiteral("8388608")};
}

void addEngineLimits(QList<Setting> &s)
{
    s << Setting {QStringLiteral("WORKFLOW_MAX_NODES"), QStringLiteral("limits.max_nodes"),
                  wholeNumber(10, 100000, [](CoreConfig &c, int n) { c.limits.maxNodes = n; }),
                  QStringLiteral("2000")};
    s << Setting {
        QStringLiteral("EXECUTION_MAX_HISTORY_EVENTS"), QStringLiteral("limits.max_history_events"),
        wholeNumber(100, 10000000, [](CoreConfig &c, int n) { c.limits.maxHistoryEvents = n; }),
        QStringLiteral("10000")};
}

void addAlertsAndStore(QList<Setting> &s)
{
    s << Setting {QStringLiteral("REPORT_CRON"), QStringLiteral("report.cron"),
                  [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                      auto cron = CronSchedule::parse(v);
                      if (!cron)
                          return makeError(cron.error().message, f);
                      c.reportCron = v.simplified();
                      return Ok {};
                  },
                  QStringLiteral("0 7 * * *")};
    s << Setting {QStringLiteral("KPI_THRESHOLDS_JSON"), QStringLiteral("kpi_thresholds"),
                  applyKpiThresholds, QStringLiteral("none")};
    s << Setting {QStringLiteral("SLACK_WEBHOOK_URL"), QStringLiteral("alerts.slack_webhook_url"),
                  applySlackUrl, QStringLiteral("unset"), true};
    s << Setting {QStringLiteral("PAGERDUTY_ROUTING_KEY"),
                  QStringLiteral("alerts.pagerduty_routing_key"),
                  [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                      const QString key = v.trimmed();
                      if (!key.isEmpty() && key.size() != 32)
                          return makeError(QStringLiteral("a PagerDuty routing key has 32 "
                                                          "characters; this one has %1")
                                               .arg(key.size()),
                                           f);
                      c.pagerDutyRoutingKey = key;
                      return Ok {};
                  },
                  QStringLiteral("unset"), true};
    s << Setting {QStringLiteral("NOTIFY_RETRY_ATTEMPTS"), QStringLiteral("alerts.retry_attempts"),
                  wholeNumber(1, 20, [](CoreConfig &c, int n) { c.notifyAttempts = n; }),
                  QStringLiteral("5")};
    s << Setting {QStringLiteral("NOTIFY_RETRY_DELAY_MS"), QStringLiteral("alerts.retry_delay_ms"),
                  duration(1, 10, 600 * Second,
                           [](CoreConfig &c, qint64 ms) { c.notifyRetryDelayMs = int(ms); }),
                  QStringLiteral("2000")};
    s << Setting {QStringLiteral("DURABILITY"), QStringLiteral("store.durability"),
                  oneOf({QStringLiteral("power"), QStringLiteral("process")},
                        [](CoreConfig &c, const QString &v) { c.durability = v; }),
                  QStringLiteral("power")};
    s << Setting {QStringLiteral("STORE_LEASE_MS"), QStringLiteral("store.lease_ms"),
                  duration(1, 3 * Second, 600 * Second,
                           [](CoreConfig &c, qint64 ms) { c.storeLeaseMs = ms; }),
                  QStringLiteral("30000")};
    const auto days = [&s](const char *env, const char *json, int RetentionSettings::*member,
                           int fallback) {
        s << Setting {
            QString::fromLatin1(env), QString::fromLatin1(json),
            wholeNumber(1, 36500, [member](CoreConfig &c, int n) { c.retention.*member = n; }),
            QString::number(fallback)};
    };
    const RetentionSettings kept;
    days("RETENTION_DAYS_EXECUTIONS", "retention.execution_days", &RetentionSettings::executionDays,
         kept.executionDays);
    days("RETENTION_DAYS_SAMPLES", "retention.sample_days", &RetentionSettings::sampleDays,
         kept.sampleDays);
    days("RETENTION_DAYS_ALERTS", "retention.alert_days", &RetentionSettings::alertDays,
         kept.alertDays);
    days("RETENTION_DAYS_DELIVERIES", "retention.delivery_days", &RetentionSettings::deliveryDays,
         kept.deliveryDays);
    s << Setting {
        QStringLiteral("SECRETS_BACKEND"), QStringLiteral("secrets.backend"),
        oneOf({QStringLiteral("auto"), QStringLiteral("keychain"), QStringLiteral("file")},
              [](CoreConfig &c, const QString &v) { c.secretsBackend = v; }),
        QStringLiteral("auto")};
    s << Setting {QStringLiteral("LOG_FORMAT"), QStringLiteral("log.format"),
                  oneOf({QStringLiteral("text"), QStringLiteral("json")},
                        [](CoreConfig &c, const QString &v) { c.logFormat = v; }),
                  QStringLiteral("text")};
}

void addModules(QList<Setting> &s)
{
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        const QString id = info.id;
        const QString nn = info.numberText();
        const QString jsonBase = QStringLiteral("modules.") + id + QLatin1Char('.');
        const auto url = [id](QUrl ModuleConfig::*member, QStringList schemes) -> Apply {
            return
                [id, member, schemes](CoreConfig &c, const QString &v, const QString &f) -> Status {
                    auto r = parseUrl(v, f, schemes);
                    if (!r)
                        return r.error();
                    c.module(id)->*member = *r;
                    return Ok {};
                };
        };
        const QStringList http = {QStringLiteral("http"), QStringLiteral("https")};
        const QStringList ws = {QStringLiteral("ws"), QStringLiteral("wss")};
        s << Setting {QStringLiteral("MODULE_%1_ENDPOINT").arg(nn),
                      jsonBase + QStringLiteral("endpoint"), url(&ModuleConfig::endpoint, http),
                      QStringLiteral("unset (required)")};
        s << Setting {QStringLiteral("MODULE_%1_HEALTH").arg(nn),
                      jsonBase + QStringLiteral("health"), url(&ModuleConfig::health, http),
                      QStringLiteral("<endpoint>/health")};
        // Seconds by its name; a unit is accepted too.
        s << Setting {QStringLiteral("MODULE_%1_TIMEOUT_S").arg(nn),
                      jsonBase + QStringLiteral("timeout_s"),
                      duration(Second, 5 * Second, 60 * Second,
                               [id](CoreConfig &c, qint64 ms) {
                                   c.module(id)->timeoutSeconds = int(ms / Second);
                               }),
                      QStringLiteral("HEALTH_CHECK_TIMEOUT_MS, within 5–60 s")};
        s << Setting {QStringLiteral("MODULE_%1_FALLBACK").arg(nn),
                      jsonBase + QStringLiteral("fallback"), url(&ModuleConfig::fallback, http),
                      QStringLiteral("none")};
        s << Setting {QStringLiteral("MODULE_%1_EVENTS").arg(nn),
                      jsonBase + QStringLiteral("events"), url(&ModuleConfig::events, ws),
                      QStringLiteral("ws://<endpoint host:port>/events")};
        // The core's credential for the module: an API key (in MODULE_NN_API_KEY_HEADER, Kong's
        // "apikey" by default) or a bearer token, one or the other.
        const auto credential = [id](const char *kind) -> Apply {
            return [id, kind](CoreConfig &c, const QString &v, const QString &f) -> Status {
                ModuleCredential &cred = c.module(id)->credential;
                const QString t = v.trimmed();
                if (t.isEmpty())
                    return Ok {};
                if (!cred.kind.isEmpty() && cred.kind != QLatin1String(kind))
                    return makeError(QStringLiteral("set an API key or a bearer token for the "
                                                    "module, not both"),
                                     f);
                cred.kind = QLatin1String(kind);
                cred.secret = t;
                return Ok {};
            };
        };
        s << Setting {QStringLiteral("MODULE_%1_API_KEY").arg(nn),
                      jsonBase + QStringLiteral("api_key"), credential("api_key"),
                      QStringLiteral("none"), true};
        s << Setting {QStringLiteral("MODULE_%1_API_KEY_HEADER").arg(nn),
                      jsonBase + QStringLiteral("api_key_header"),
                      [id](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          static const QRegularExpression name(
                              QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$"));
                          if (!name.match(v.trimmed()).hasMatch())
                              return makeError(QStringLiteral("expected an HTTP header name such "
                                                              "as apikey or X-API-Key"),
                                               f);
                          c.module(id)->credential.header = v.trimmed();
                          return Ok {};
                      },
                      QStringLiteral("apikey")};
        s << Setting {QStringLiteral("MODULE_%1_BEARER_TOKEN").arg(nn),
                      jsonBase + QStringLiteral("bearer_token"), credential("bearer"),
                      QStringLiteral("none"), true};
        s << Setting {QStringLiteral("MODULE_%1_WORKFLOW_ID").arg(nn),
                      jsonBase + QStringLiteral("n8n_workflow_id"),
                      [id](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          static const QRegularExpression workflow(
                              QStringLiteral("^[A-Za-z0-9_-]{0,64}$"));
                          if (!workflow.match(v.trimmed()).hasMatch())
                              return makeError(QStringLiteral("expected an n8n workflow id"), f);
                          c.module(id)->n8nWorkflowId = v.trimmed();
                          return Ok {};
                      },
                      QStringLiteral("none")};
        s << Setting {QStringLiteral("ENABLED_%1_%2").arg(nn, info.envKey),
                      jsonBase + QStringLiteral("enabled"),
                      flag([id](CoreConfig &c, bool on) { c.module(id)->enabled = on; }),
                      QStringLiteral("true")};
    }
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min(
                {row[j] + 1, row[j - 1] + 1, diagonal + (a.at(i - 1) == b.at(j - 1) ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

const QList<Setting> &all()
{
    static const QList<Setting> table = [] {
        QList<Setting> s;
        addClinic(s);
        addHealth(s);
        addResilience(s);
        addApi(s);
        addEngineLimits(s);
        addAlertsAndStore(s);
        addIntegrations(s);
        addModules(s);
        return s;
    }();
    return table;
}

const Setting *byEnv(const QString &name)
{
    for (const Setting &s : all()) {
        if (s.env == name)
            return &s;
    }
    return nullptr;
}

const Setting *byJson(const QString &path)
{
    for (const Setting &s : all()) {
        if (!s.json.isEmpty() && s.json == path)
            return &s;
    }
    return nullptr;
}

const QList<Recognised> &recognised()
{
    static const QList<Recognised> list = [] {
        QList<Recognised> r;
        const auto add = [&r](const QStringList &names, const QString &note) {
            for (const QString &n : names)
                r << Recognised {n, note};
        };
        add({QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QStringLiteral("SWITCHBOARD_TOKENS")},
            QStringLiteral("the API's tokens (also as *_FILE)"));
        add({QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE"),
             QStringLiteral("CREDENTIALS_DIRECTORY")},
            QStringLiteral("the key of the secrets file (see docs/deployment.md)"));
        add({QStringLiteral("INSTANCE_ID")}, QStringLiteral("the same as N8N_INSTANCE_ID"));
        add({QStringLiteral("SWITCHBOARD_FAULTS")},
            QStringLiteral("a test hook that injects storage faults; never set it in production"));
        add({QStringLiteral("AWS_CREDENTIAL_ID")},
            QStringLiteral("not applicable: an n8n credential; set AWS_ACCESS_KEY_ID and "
                           "AWS_SECRET_ACCESS_KEY"));
        add({QStringLiteral("GOOGLE_DRIVE_FOLDER_ID"),
             QStringLiteral("GOOGLE_DRIVE_CREDENTIAL_ID")},
            QStringLiteral("not supported: publish the dashboard to S3 (DASHBOARD_STORAGE=s3)"));
        add({QStringLiteral("GOOGLE_SHEET_ID"), QStringLiteral("GOOGLE_SHEETS_CREDENTIAL_ID")},
            QStringLiteral("not applicable: module 07 reads its own data source"));
        add({QStringLiteral("COMPLIANCE_ENDPOINT")},
            QStringLiteral("not used: audit entries go to MODULE_09_ENDPOINT"));
        return r;
    }();
    return list;
}

QString nearestKnown(const QString &name)
{
    QString best;
    int bestDistance = std::max(2, int(name.size()) / 5) + 1;
    const auto consider = [&](const QString &known) {
        const int d = editDistance(name, known);
        if (d < bestDistance) {
            bestDistance = d;
            best = known;
        }
    };
    for (const Setting &s : all())
        consider(s.env);
    for (const Recognised &r : recognised())
        consider(r.name);
    return best;
}

QString durationText(qint64 ms)
{
    if (ms % Hour == 0 && ms >= Hour)
        return QStringLiteral("%1h").arg(ms / Hour);
    if (ms % Minute == 0 && ms >= Minute)
        return QStringLiteral("%1m").arg(ms / Minute);
    if (ms % Second == 0 && ms >= Second)
        return QStringLiteral("%1s").arg(ms / Second);
    return QStringLiteral("%1ms").arg(ms);
}

Result<qint64> parseDuration(const QString &text, const QString &field, qint64 plainUnitMs,
                             qint64 minMs, qint64 maxMs)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(\d{1,12})\s*(ms|s|m|h)?\s*$)"),
                                       QRegularExpression::CaseInsensitiveOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return makeError(
            QStringLiteral("expected %1 or a number with a unit (500ms, 120s, 2m, 1h), got \"%2\"")
                .arg(plainUnitMs == 1 ? QStringLiteral("milliseconds (120000)")
                                      : QStringLiteral("seconds (20)"),
                     text),
            field);
    const QString unit = m.captured(2).toLower();
    const qint64 per = unit.isEmpty() ? plainUnitMs
        : unit == QLatin1String("ms") ? 1
        : unit == QLatin1String("s")  ? Second
        : unit == QLatin1String("m")  ? Minute
                                      : Hour;
    const qint64 ms = m.captured(1).toLongLong() * per;
    if (ms < minMs || ms > maxMs)
        return makeError(QStringLiteral("%1 is out of range (%2 to %3)")
                             .arg(durationText(ms), durationText(minMs), durationText(maxMs)),
                         field);
    return ms;
}

} // namespace Switchboard::SettingsTable
