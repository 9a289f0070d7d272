#include "config/settingparsers.h"

#include <QRegularExpression>

namespace Switchboard::SettingsTable {

namespace {

// Text as given, trimmed, stored through set.
Apply text(std::function<void(CoreConfig &, const QString &)> set)
{
    return [set](CoreConfig &c, const QString &v, const QString &) -> Status {
        set(c, v.trimmed());
        return Ok {};
    };
}

// Text that must match pattern (or be empty), with what it should look like.
Apply matching(const QString &pattern, const QString &expected,
               std::function<void(CoreConfig &, const QString &)> set)
{
    const QRegularExpression re(pattern);
    return [re, expected, set](CoreConfig &c, const QString &v, const QString &f) -> Status {
        const QString t = v.trimmed();
        if (!t.isEmpty() && !re.match(t).hasMatch())
            return makeError(QStringLiteral("expected %1, got \"%2\"").arg(expected, t), f);
        set(c, t);
        return Ok {};
    };
}

Apply url(const QStringList &schemes, std::function<void(CoreConfig &, const QUrl &)> set)
{
    return [schemes, set](CoreConfig &c, const QString &v, const QString &f) -> Status {
        auto r = parseUrl(v, f, schemes);
        if (!r)
            return r.error();
        set(c, *r);
        return Ok {};
    };
}

// Comma-separated e-mail addresses.
Apply addresses(std::function<void(CoreConfig &, const QStringList &)> set)
{
    static const QRegularExpression address(
        QStringLiteral(R"(^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$)"));
    return [set](CoreConfig &c, const QString &v, const QString &f) -> Status {
        QStringList out;
        for (const QString &part : v.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString a = part.trimmed();
            if (!address.match(a).hasMatch())
                return makeError(
                    QStringLiteral("\"%1\" is not an e-mail address (separate several with "
                                   "commas)")
                        .arg(a),
                    f);
            out << a;
        }
        set(c, out);
        return Ok {};
    };
}

Status applyStorage(CoreConfig &c, const QString &v, const QString &f)
{
    const QString t = v.trimmed().toLower();
    if (t == QLatin1String("google_drive") || t == QLatin1String("gdrive"))
        return makeError(QStringLiteral("Google Drive is not supported; use \"s3\" (Amazon S3 or "
                                        "any S3-compatible storage) or \"local\" (a folder)"),
                         f);
    if (t != QLatin1String("s3") && t != QLatin1String("local"))
        return makeError(QStringLiteral("expected s3 or local, got \"%1\"").arg(v), f);
    c.publishing.storage = t;
    return Ok {};
}

Status applySampleRatio(CoreConfig &c, const QString &v, const QString &f)
{
    bool ok = false;
    const double ratio = v.trimmed().toDouble(&ok);
    if (!ok || ratio < 0 || ratio > 1)
        return makeError(
            QStringLiteral("expected a share of traces from 0 to 1 (0.1 keeps one in ten), got "
                           "\"%1\"")
                .arg(v),
            f);
    c.tracing.sampleRatio = ratio;
    return Ok {};
}

void addEmail(QList<Setting> &s)
{
    s << Setting {QStringLiteral("SMTP_URL"), QStringLiteral("alerts.email.smtp_url"),
                  url({QStringLiteral("smtp"), QStringLiteral("smtps")},
                      [](CoreConfig &c, const QUrl &u) { c.email.smtpUrl = u; }),
                  QStringLiteral("unset")};
    s << Setting {QStringLiteral("SMTP_USERNAME"), QStringLiteral("alerts.email.username"),
                  text([](CoreConfig &c, const QString &v) { c.email.username = v; }),
                  QStringLiteral("none")};
    s << Setting {QStringLiteral("SMTP_PASSWORD"), QStringLiteral("alerts.email.password"),
                  [](CoreConfig &c, const QString &v, const QString &) -> Status {
                      c.email.password = v;
                      return Ok {};
                  },
                  QStringLiteral("none"), true};
    s << Setting {QStringLiteral("SMTP_FROM"), QStringLiteral("alerts.email.from"),
                  addresses([](CoreConfig &c, const QStringList &a) { c.email.from = a.value(0); }),
                  QStringLiteral("the first ALERT_EMAIL address")};
    s << Setting {QStringLiteral("ALERT_EMAIL"), QStringLiteral("alerts.email.alert_to"),
                  addresses([](CoreConfig &c, const QStringList &a) { c.email.alertTo = a; }),
                  QStringLiteral("unset")};
    s << Setting {QStringLiteral("SUPPORT_EMAIL"), QStringLiteral("alerts.email.support_to"),
                  addresses([](CoreConfig &c, const QStringList &a) { c.email.supportTo = a; }),
                  QStringLiteral("unset")};
}

void addOpsGenie(QList<Setting> &s)
{
    s << Setting {QStringLiteral("OPSGENIE_API_KEY"), QStringLiteral("alerts.opsgenie_api_key"),
                  text([](CoreConfig &c, const QString &v) { c.opsGenieApiKey = v; }),
                  QStringLiteral("unset"), true};
    s << Setting {QStringLiteral("OPSGENIE_API_URL"), QStringLiteral("alerts.opsgenie_api_url"),
                  url({QStringLiteral("https"), QStringLiteral("http")},
                      [](CoreConfig &c, const QUrl &u) { c.opsGenieUrl = u; }),
                  QStringLiteral("https://api.opsgenie.com")};
}

void addPublishing(QList<Setting> &s)
{
    s << Setting {QStringLiteral("DASHBOARD_STORAGE"), QStringLiteral("dashboard.storage"),
                  applyStorage, QStringLiteral("local")};
    s << Setting {QStringLiteral("S3_DASHBOARD_BUCKET"), QStringLiteral("dashboard.s3_bucket"),
                  matching(QStringLiteral("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"),
                           QStringLiteral("an S3 bucket name (3–63 lower-case letters, digits, "
                                          "'.' or '-')"),
                           [](CoreConfig &c, const QString &v) { c.publishing.bucket = v; }),
                  QStringLiteral("unset")};
    s << Setting {QStringLiteral("S3_PREFIX"), QStringLiteral("dashboard.s3_prefix"),
                  matching(QStringLiteral("^[A-Za-z0-9!_.*'()/-]*$"),
                           QStringLiteral("a key prefix of letters, digits and !_.*'()/-"),
                           [](CoreConfig &c, const QString &v) { c.publishing.prefix = v; }),
                  QStringLiteral("manager-dashboard/")};
    s << Setting {QStringLiteral("S3_REGION"), QStringLiteral("dashboard.s3_region"),
                  matching(QStringLiteral("^[a-z]{2}(-[a-z0-9]+)+$"),
                           QStringLiteral("a region such as us-east-1"),
                           [](CoreConfig &c, const QString &v) {
                               c.publishing.region = v.isEmpty() ? QStringLiteral("us-east-1") : v;
                           }),
                  QStringLiteral("us-east-1")};
    s << Setting {QStringLiteral("S3_ENDPOINT"), QStringLiteral("dashboard.s3_endpoint"),
                  url({QStringLiteral("https"), QStringLiteral("http")},
                      [](CoreConfig &c, const QUrl &u) { c.publishing.endpoint = u; }),
                  QStringLiteral("https://s3.<region>.amazonaws.com")};
    s << Setting {QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("dashboard.access_key_id"),
                  matching(QStringLiteral("^[A-Za-z0-9]{3,128}$"),
                           QStringLiteral("an access key id of letters and digits"),
                           [](CoreConfig &c, const QString &v) { c.publishing.accessKeyId = v; }),
                  QStringLiteral("unset")};
    s << Setting {QStringLiteral("AWS_SECRET_ACCESS_KEY"),
                  QStringLiteral("dashboard.secret_access_key"),
                  text([](CoreConfig &c, const QString &v) { c.publishing.secretAccessKey = v; }),
                  QStringLiteral("unset"), true};
    // A pre-signed link lives at most seven days (AWS Signature V4).
    s << Setting {QStringLiteral("SIGNED_URL_TTL_SECONDS"), QStringLiteral("dashboard.link_ttl_s"),
                  wholeNumber(60, 7 * 24 * 3600,
                              [](CoreConfig &c, int n) { c.publishing.signedUrlTtlSeconds = n; }),
                  QStringLiteral("3600")};
}

void addTracing(QList<Setting> &s)
{
    s << Setting {QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT"),
                  QStringLiteral("tracing.otlp_endpoint"),
                  url({QStringLiteral("https"), QStringLiteral("http")},
                      [](CoreConfig &c, const QUrl &u) { c.tracing.otlpEndpoint = u; }),
                  QStringLiteral("unset: no spans are exported")};
    s << Setting {QStringLiteral("OTEL_TRACES_SAMPLER_ARG"), QStringLiteral("tracing.sample_ratio"),
                  applySampleRatio, QStringLiteral("1")};
    s << Setting {QStringLiteral("OTEL_SERVICE_NAME"), QStringLiteral("tracing.service_name"),
                  matching(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"),
                           QStringLiteral("a service name of letters, digits, '_', '.' or '-'"),
                           [](CoreConfig &c, const QString &v) {
                               c.tracing.serviceName =
                                   v.isEmpty() ? QStringLiteral("switchboard") : v;
                           }),
                  QStringLiteral("switchboard")};
}

// The seed's module credentials: n8n credential ids (and Cal.com's key), the modules' own.
// Checked, not used: see CoreConfig::missingModuleCredentials.
void addModuleCredentialIds(QList<Setting> &s)
{
    for (const char *name :
         {"HUBSPOT_CREDENTIAL_ID", "CALCOM_API_KEY", "ZOOM_CREDENTIAL_ID", "STRIPE_CREDENTIAL_ID",
          "SQUARE_CREDENTIAL_ID", "SENDGRID_CREDENTIAL_ID", "TWILIO_CREDENTIAL_ID",
          "MISTRAL_CREDENTIAL_ID", "POSTGRES_CREDENTIAL_ID"}) {
        const QString env = QLatin1String(name);
        s << Setting {
            env, QStringLiteral("module_credentials.") + env.toLower(),
            text([env](CoreConfig &c, const QString &v) { c.moduleCredentialIds.insert(env, v); }),
            QStringLiteral("unset"), env == QLatin1String("CALCOM_API_KEY")};
    }
}

void addN8n(QList<Setting> &s)
{
    s << Setting {QStringLiteral("N8N_API_BASE"), QStringLiteral("n8n.api_base"),
                  url({QStringLiteral("https"), QStringLiteral("http")},
                      [](CoreConfig &c, const QUrl &u) { c.n8n.apiBase = u; }),
                  QStringLiteral("unset: modules answer /health")};
    s << Setting {QStringLiteral("N8N_API_TOKEN"), QStringLiteral("n8n.api_token"),
                  text([](CoreConfig &c, const QString &v) {
                      // The seed's placeholder is no token.
                      c.n8n.token = v == QLatin1String("your_n8n_api_token") ? QString() : v;
                  }),
                  QStringLiteral("unset"), true};
}

} // namespace

void addIntegrations(QList<Setting> &s)
{
    addN8n(s);
    addModuleCredentialIds(s);
    addEmail(s);
    addOpsGenie(s);
    addPublishing(s);
    addTracing(s);
}

} // namespace Switchboard::SettingsTable
