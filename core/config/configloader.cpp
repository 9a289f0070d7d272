#include "config/configloader.h"

#include "common/logging.h"
#include "modules/modulecatalog.h"
#include "workflow/cronschedule.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>
#include <functional>

namespace Switchboard::ConfigLoader {

namespace {

// One setting, known by its environment variable and its JSON path. Every value, from either
// source, is validated by the same function so the two cannot drift apart.
struct Setting
{
    QString env;
    QString json;
    std::function<Status(CoreConfig &, const QString &value, const QString &field)> apply;
};

Result<bool> parseBool(const QString &text, const QString &field)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no"))
        return false;
    return makeError(QStringLiteral("expected true or false, got \"%1\"").arg(text), field);
}

Result<int> parseInt(const QString &text, const QString &field, int min, int max)
{
    bool ok = false;
    const qlonglong v = text.trimmed().toLongLong(&ok);
    if (!ok)
        return makeError(QStringLiteral("expected a whole number, got \"%1\"").arg(text), field);
    if (v < min || v > max)
        return makeError(QStringLiteral("%1 is out of range (%2 to %3)").arg(v).arg(min).arg(max),
                         field);
    return int(v);
}

Result<QUrl> parseUrl(const QString &text, const QString &field, const QStringList &schemes)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QUrl();
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme())) {
        return makeError(QStringLiteral("\"%1\" is not a valid %2 URL")
                             .arg(t, schemes.join(QStringLiteral(" or "))),
                         field);
    }
    return url;
}

using IntMember = int HealthSettings::*;
using ResilienceMember = int ResilienceSettings::*;

Setting resilienceInt(const char *env, const char *json, ResilienceMember member, int min, int max)
{
    return {QString::fromLatin1(env), QString::fromLatin1(json),
            [member, min, max](CoreConfig &c, const QString &v, const QString &f) -> Status {
                auto r = parseInt(v, f, min, max);
                if (!r)
                    return r.error();
                c.resilience.*member = *r;
                return Ok {};
            }};
}

Setting healthInt(const char *env, const char *json, IntMember member, int min, int max)
{
    return {QString::fromLatin1(env), QString::fromLatin1(json),
            [member, min, max](CoreConfig &c, const QString &v, const QString &f) -> Status {
                auto r = parseInt(v, f, min, max);
                if (!r)
                    return r.error();
                c.health.*member = *r;
                return Ok {};
            }};
}

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

const QList<Setting> &settings()
{
    static const QList<Setting> table = [] {
        QList<Setting> s;
        s << Setting {QStringLiteral("BRAND_NAME"), QStringLiteral("clinic.name"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          if (v.trimmed().isEmpty())
                              return makeError(QStringLiteral("the clinic name must not be empty"),
                                               f);
                          c.brandName = v.trimmed();
                          return Ok {};
                      }};
        s << Setting {
            QStringLiteral("N8N_INSTANCE_ID"), QStringLiteral("clinic.instance_id"),
            [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
                if (!re.match(v.trimmed()).hasMatch())
                    return makeError(QStringLiteral("use 1–64 letters, digits, '.', '_' or '-'"),
                                     f);
                c.instanceId = v.trimmed();
                return Ok {};
            }};
        s << Setting {
            QStringLiteral("ENVIRONMENT"), QStringLiteral("clinic.environment"),
            [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                const QString t = v.trimmed().toLower();
                if (t != QLatin1String("dev") && t != QLatin1String("staging")
                    && t != QLatin1String("production"))
                    return makeError(
                        QStringLiteral("expected dev, staging or production, got \"%1\"").arg(v),
                        f);
                c.environment = t;
                return Ok {};
            }};
        s << Setting {QStringLiteral("TIMEZONE"), QStringLiteral("clinic.timezone"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          if (!QTimeZone::isTimeZoneIdAvailable(v.trimmed().toUtf8()))
                              return makeError(QStringLiteral("unknown time zone \"%1\"").arg(v),
                                               f);
                          c.timezone = v.trimmed();
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("HIPAA_MODE"), QStringLiteral("hipaa_mode"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto r = parseBool(v, f);
                          if (!r)
                              return r.error();
                          c.hipaaMode = *r;
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("ANONYMIZE_DASHBOARD"), QStringLiteral("anonymize_dashboard"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto r = parseBool(v, f);
                          if (!r)
                              return r.error();
                          c.anonymizeDashboard = *r;
                          return Ok {};
                      }};
        s << healthInt("HEALTH_CHECK_INTERVAL_MS", "health.interval_ms",
                       &HealthSettings::intervalMs, 500, 24 * 3600 * 1000);
        s << healthInt("HEALTH_CHECK_TIMEOUT_MS", "health.timeout_ms", &HealthSettings::timeoutMs,
                       100, 120000);
        s << healthInt("HEALTH_CHECK_RETRIES", "health.retries", &HealthSettings::retries, 0, 5);
        s << healthInt("HEALTH_CHECK_RETRY_DELAY_MS", "health.retry_delay_ms",
                       &HealthSettings::retryDelayMs, 0, 60000);
        s << healthInt("ERROR_THRESHOLD", "health.error_threshold", &HealthSettings::errorThreshold,
                       0, 1000000);
        s << healthInt("SLOW_RESPONSE_MS", "health.slow_response_ms",
                       &HealthSettings::slowResponseMs, 1, 600000);
        s << healthInt("NO_EXECUTION_ALERT_HOURS", "health.no_execution_hours",
                       &HealthSettings::noExecutionHours, 1, 24 * 365);
        s << Setting {QStringLiteral("MANAGER_SCHEDULE_CRON"), QString(),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          // The seed schedules health checks as "*/N * * * *"; that form maps
                          // onto the check interval. Other schedules belong to workflows.
                          static const QRegularExpression re(
                              QStringLiteral(R"(^\s*\*/(\d{1,2})\s+\*\s+\*\s+\*\s+\*\s*$)"));
                          const auto m = re.match(v);
                          const int minutes = m.hasMatch() ? m.captured(1).toInt() : 0;
                          if (minutes < 1 || minutes > 59)
                              return makeError(
                                  QStringLiteral("expected \"*/N * * * *\" with N from 1 to "
                                                 "59 (every N minutes), got \"%1\"")
                                      .arg(v),
                                  f);
                          c.health.intervalMs = minutes * 60 * 1000;
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("CIRCUIT_BREAKER_THRESHOLD"),
                      QStringLiteral("circuit_breaker.threshold"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto r = parseInt(v, f, 1, 1000);
                          if (!r)
                              return r.error();
                          c.circuitBreaker.threshold = *r;
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("CIRCUIT_BREAKER_TIMEOUT"),
                      QStringLiteral("circuit_breaker.timeout_s"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto r = parseInt(v, f, 1, 24 * 3600);
                          if (!r)
                              return r.error();
                          c.circuitBreaker.timeoutSeconds = *r;
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("REPORT_CRON"), QStringLiteral("report.cron"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto cron = CronSchedule::parse(v);
                          if (!cron)
                              return makeError(cron.error().message, f);
                          c.reportCron = v.simplified();
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("SLACK_WEBHOOK_URL"),
                      QStringLiteral("alerts.slack_webhook_url"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
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
                      }};
        s << Setting {QStringLiteral("NOTIFY_RETRY_ATTEMPTS"),
                      QStringLiteral("alerts.retry_attempts"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto r = parseInt(v, f, 1, 20);
                          if (!r)
                              return r.error();
                          c.notifyAttempts = *r;
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("NOTIFY_RETRY_DELAY_MS"),
                      QStringLiteral("alerts.retry_delay_ms"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto r = parseInt(v, f, 10, 600000);
                          if (!r)
                              return r.error();
                          c.notifyRetryDelayMs = *r;
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("DURABILITY"), QStringLiteral("store.durability"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          const QString mode = v.trimmed().toLower();
                          if (mode != QLatin1String("power") && mode != QLatin1String("process"))
                              return makeError(QStringLiteral("expected \"power\" (the default) "
                                                              "or \"process\""),
                                               f);
                          c.durability = mode;
                          return Ok {};
                      }};
        s << Setting {QStringLiteral("DLQ_ALERT_THRESHOLD"),
                      QStringLiteral("resilience.dlq_alert_threshold"),
                      [](CoreConfig &c, const QString &v, const QString &f) -> Status {
                          auto r = parseInt(v, f, 1, 1000000);
                          if (!r)
                              return r.error();
                          c.deadLetterAlertThreshold = *r;
                          return Ok {};
                      }};
        s << resilienceInt("RATE_LIMIT_GLOBAL_PER_MIN", "resilience.global_per_minute",
                           &ResilienceSettings::globalPerMinute, 1, 10000000);
        s << resilienceInt("RATE_LIMIT_MODULE_PER_MIN", "resilience.module_per_minute",
                           &ResilienceSettings::modulePerMinute, 1, 10000000);
        s << resilienceInt("RATE_LIMIT_MAX_WAIT_MS", "resilience.max_wait_ms",
                           &ResilienceSettings::maxWaitMs, 0, 600000);
        s << resilienceInt("BULKHEAD_MAX_CONCURRENT", "resilience.bulkhead_concurrent",
                           &ResilienceSettings::bulkheadConcurrent, 1, 10000);
        s << resilienceInt("BULKHEAD_MAX_QUEUED", "resilience.bulkhead_queued",
                           &ResilienceSettings::bulkheadQueued, 0, 100000);
        s << Setting {QStringLiteral("KPI_THRESHOLDS_JSON"), QStringLiteral("kpi_thresholds"),
                      applyKpiThresholds};

        for (const ModuleInfo &info : ModuleCatalog::all()) {
            const QString id = info.id;
            const QString nn = info.numberText();
            const QString jsonBase = QStringLiteral("modules.") + id + QLatin1Char('.');
            auto urlSetting = [id](QUrl ModuleConfig::*member, QStringList schemes) {
                return [id, member, schemes](CoreConfig &c, const QString &v,
                                             const QString &f) -> Status {
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
                          jsonBase + QStringLiteral("endpoint"),
                          urlSetting(&ModuleConfig::endpoint, http)};
            s << Setting {QStringLiteral("MODULE_%1_HEALTH").arg(nn),
                          jsonBase + QStringLiteral("health"),
                          urlSetting(&ModuleConfig::health, http)};
            s << Setting {QStringLiteral("MODULE_%1_TIMEOUT_S").arg(nn),
                          jsonBase + QStringLiteral("timeout_s"),
                          [id](CoreConfig &c, const QString &v, const QString &f) -> Status {
                              auto r = parseInt(v, f, 5, 60);
                              if (!r)
                                  return r.error();
                              c.module(id)->timeoutSeconds = *r;
                              return Ok {};
                          }};
            s << Setting {QStringLiteral("MODULE_%1_FALLBACK").arg(nn),
                          jsonBase + QStringLiteral("fallback"),
                          urlSetting(&ModuleConfig::fallback, http)};
            s << Setting {QStringLiteral("MODULE_%1_EVENTS").arg(nn),
                          jsonBase + QStringLiteral("events"),
                          urlSetting(&ModuleConfig::events, ws)};
            s << Setting {QStringLiteral("ENABLED_%1_%2").arg(nn, info.envKey),
                          jsonBase + QStringLiteral("enabled"),
                          [id](CoreConfig &c, const QString &v, const QString &f) -> Status {
                              auto r = parseBool(v, f);
                              if (!r)
                                  return r.error();
                              c.module(id)->enabled = *r;
                              return Ok {};
                          }};
        }
        return s;
    }();
    return table;
}

const Setting *findByJson(const QString &path)
{
    for (const Setting &s : settings()) {
        if (s.json == path)
            return &s;
    }
    return nullptr;
}

// Leaves of the document with their dotted paths; kpi_thresholds is one leaf (an object).
Status flatten(const QJsonObject &obj, const QString &prefix,
               QList<QPair<QString, QJsonValue>> &out)
{
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const QString path = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject() && path != QLatin1String("kpi_thresholds")) {
            Status s = flatten(it.value().toObject(), path, out);
            if (!s)
                return s;
        } else {
            out.append({path, it.value()});
        }
    }
    return Ok {};
}

Result<QString> jsonScalarText(const QJsonValue &v, const QString &field)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 15);
    case QJsonValue::Null:
        return QString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return makeError(QStringLiteral("expected a single value, not a list"), field);
    }
}

} // namespace

Result<EnvMap> parseEnvFile(const QString &text)
{
    static const QRegularExpression line(
        QStringLiteral(R"(^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$)"));
    EnvMap env;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString raw = lines.at(i);
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(QLatin1Char('#')))
            continue;
        const auto m = line.match(raw);
        const QString where = QStringLiteral("line %1").arg(i + 1);
        if (!m.hasMatch())
            return makeError(
                QStringLiteral("expected NAME=value, got \"%1\"").arg(trimmed.left(60)), where);
        QString value = m.captured(2);
        if (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))) {
            const QChar quote = value.at(0);
            const qsizetype end = value.indexOf(quote, 1);
            if (end < 0)
                return makeError(
                    QStringLiteral("the value of %1 has no closing quote").arg(m.captured(1)),
                    where);
            const QString rest = value.mid(end + 1).trimmed();
            if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('#')))
                return makeError(QStringLiteral("unexpected text after the quoted value of %1")
                                     .arg(m.captured(1)),
                                 where);
            value = value.mid(1, end - 1);
        } else {
            const qsizetype hash = value.indexOf(QStringLiteral(" #"));
            if (hash >= 0)
                value = value.left(hash).trimmed();
        }
        env.insert(m.captured(1), value);
    }
    return env;
}

Status applyEnv(CoreConfig &config, const EnvMap &env)
{
    // Work on a copy so a refused value leaves the configuration as it was.
    CoreConfig next = config;
    for (const Setting &s : settings()) {
        auto it = env.constFind(s.env);
        if (it == env.constEnd())
            continue;
        Status st = s.apply(next, it.value(), s.env);
        if (!st)
            return st;
    }
    if (env.contains(QStringLiteral("INSTANCE_ID"))) {
        Status st = findByJson(QStringLiteral("clinic.instance_id"))
                        ->apply(next, env.value(QStringLiteral("INSTANCE_ID")),
                                QStringLiteral("INSTANCE_ID"));
        if (!st)
            return st;
    }
    config = next;
    return Ok {};
}

Status applyJson(CoreConfig &config, const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return makeError(QStringLiteral("not valid JSON at offset %1: %2")
                             .arg(parseError.offset)
                             .arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return makeError(QStringLiteral("the configuration must be a JSON object"));

    QList<QPair<QString, QJsonValue>> leaves;
    Status flat = flatten(doc.object(), QString(), leaves);
    if (!flat)
        return flat;

    CoreConfig next = config;
    for (const auto &[path, value] : leaves) {
        const Setting *s = findByJson(path);
        if (!s) {
            if (path.startsWith(QLatin1String("modules."))
                && !ModuleCatalog::find(path.section(QLatin1Char('.'), 1, 1)))
                return makeError(
                    QStringLiteral(
                        "unknown module \"%1\" (expected one of 01_intake … 09_compliance)")
                        .arg(path.section(QLatin1Char('.'), 1, 1)),
                    path);
            return makeError(QStringLiteral("unknown setting"), path);
        }
        auto text = jsonScalarText(value, path);
        if (!text)
            return text.error();
        Status st = s->apply(next, *text, path);
        if (!st)
            return st;
    }
    config = next;
    return Ok {};
}

Result<CoreConfig> load(const QString &jsonPath, const QString &envPath)
{
    CoreConfig config;
    if (!jsonPath.isEmpty()) {
        QFile file(jsonPath);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                QStringLiteral("cannot read %1: %2").arg(jsonPath, file.errorString()));
        Status st = applyJson(config, file.readAll());
        if (!st)
            return makeError(st.error().message,
                             jsonPath
                                 + (st.error().field.isEmpty()
                                        ? QString()
                                        : QStringLiteral(": ") + st.error().field));
    }
    if (!envPath.isEmpty()) {
        QFile file(envPath);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(QStringLiteral("cannot read %1: %2").arg(envPath, file.errorString()));
        auto env = parseEnvFile(QString::fromUtf8(file.readAll()));
        if (!env)
            return makeError(env.error().message,
                             envPath + QStringLiteral(": ") + env.error().field);
        Status st = applyEnv(config, *env);
        if (!st)
            return makeError(st.error().message, envPath + QStringLiteral(": ") + st.error().field);
    }
    qCDebug(lcConfig) << "configuration loaded;" << config.missingRequired().size()
                      << "required settings missing";
    return config;
}

} // namespace Switchboard::ConfigLoader
