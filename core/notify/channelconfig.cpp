#include "notify/channelconfig.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace Switchboard {

const QStringList &ChannelConfig::types()
{
    static const QStringList all = {QStringLiteral("slack"),    QStringLiteral("pagerduty"),
                                    QStringLiteral("opsgenie"), QStringLiteral("webhook"),
                                    QStringLiteral("email"),    QStringLiteral("sms")};
    return all;
}

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &s : v.toArray())
        out << s.toString();
    return out;
}

// A URL the core may send to: https anywhere, plain http only to this machine.
Status checkUrl(const QString &text, const QString &field, const QStringList &schemes)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme()))
        return makeError(QStringLiteral("must be a %1 URL").arg(schemes.join(u" or ")), field);
    const bool loopback = url.host() == QLatin1String("127.0.0.1")
        || url.host() == QLatin1String("localhost") || url.host() == QLatin1String("::1");
    if (url.scheme() == QLatin1String("http") && !loopback)
        return makeError(QStringLiteral("must use https unless it points at this machine"), field);
    return Ok {};
}

} // namespace

Result<ChannelConfig> ChannelConfig::fromJson(const QJsonObject &json)
{
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9][a-z0-9-]{0,39}$"));
    ChannelConfig c;
    c.id = json.value(QLatin1String("id")).toString();
    if (!idPattern.match(c.id).hasMatch())
        return makeError(QStringLiteral("use 1–40 lower-case letters, digits or '-'"),
                         QStringLiteral("id"));
    c.type = json.value(QLatin1String("type")).toString();
    if (!types().contains(c.type))
        return makeError(QStringLiteral("must be one of %1").arg(types().join(u", ")),
                         QStringLiteral("type"));
    c.name = json.value(QLatin1String("name")).toString(c.id).trimmed().left(80);
    if (c.name.isEmpty())
        c.name = c.id;
    c.enabled = json.value(QLatin1String("enabled")).toBool(true);
    // Paging and texting are for critical alerts unless a channel asks for more.
    const bool pages = c.type == QLatin1String("pagerduty") || c.type == QLatin1String("sms")
        || c.type == QLatin1String("opsgenie");
    c.severities = json.contains(QLatin1String("severities"))
        ? strings(json.value(QLatin1String("severities")))
        : pages ? QStringList {QStringLiteral("critical")}
                : QStringList();
    for (const QString &s : std::as_const(c.severities)) {
        if (s != QLatin1String("critical") && s != QLatin1String("warning")
            && s != QLatin1String("info"))
            return makeError(QStringLiteral("\"%1\" is not critical, warning or info").arg(s),
                             QStringLiteral("severities"));
    }
    c.categories = strings(json.value(QLatin1String("categories")));
    c.sendResolved =
        json.value(QLatin1String("send_resolved")).toBool(c.type != QLatin1String("sms"));
    c.perMinute = json.value(QLatin1String("per_minute")).toInt(0);
    if (c.perMinute < 0 || c.perMinute > 600)
        return makeError(QStringLiteral("must be 0 (the default) to 600"),
                         QStringLiteral("per_minute"));
    c.settings = json.value(QLatin1String("settings")).toObject();
    const auto setting = [&c](const char *name) {
        return c.settings.value(QLatin1String(name)).toString();
    };
    if (c.type == QLatin1String("pagerduty")) {
        if (!c.settings.contains(QLatin1String("url")))
            c.settings.insert(QStringLiteral("url"),
                              QStringLiteral("https://events.pagerduty.com/v2/enqueue"));
        if (Status st = checkUrl(setting("url"), QStringLiteral("settings.url"),
                                 {QStringLiteral("https"), QStringLiteral("http")});
            !st)
            return st.error();
    } else if (c.type == QLatin1String("opsgenie")) {
        if (!c.settings.contains(QLatin1String("url")))
            c.settings.insert(QStringLiteral("url"), QStringLiteral("https://api.opsgenie.com"));
        if (Status st = checkUrl(setting("url"), QStringLiteral("settings.url"),
                                 {QStringLiteral("https"), QStringLiteral("http")});
            !st)
            return st.error();
    } else if (c.type == QLatin1String("email")) {
        if (Status st = checkUrl(setting("smtp_url"), QStringLiteral("settings.smtp_url"),
                                 {QStringLiteral("smtp"), QStringLiteral("smtps")});
            !st)
            return st.error();
        if (!setting("from").contains(QLatin1Char('@')))
            return makeError(QStringLiteral("must be an e-mail address"),
                             QStringLiteral("settings.from"));
        const QStringList to = strings(c.settings.value(QLatin1String("to")));
        if (to.isEmpty() || std::any_of(to.begin(), to.end(), [](const QString &a) {
                return !a.contains(QLatin1Char('@'));
            }))
            return makeError(QStringLiteral("must list one or more e-mail addresses"),
                             QStringLiteral("settings.to"));
    } else if (c.type == QLatin1String("sms")) {
        if (!c.settings.contains(QLatin1String("api_url")))
            c.settings.insert(QStringLiteral("api_url"), QStringLiteral("https://api.twilio.com"));
        if (Status st = checkUrl(setting("api_url"), QStringLiteral("settings.api_url"),
                                 {QStringLiteral("https"), QStringLiteral("http")});
            !st)
            return st.error();
        static const QRegularExpression sid(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
        if (!sid.match(setting("account_sid")).hasMatch())
            return makeError(QStringLiteral("must be a Twilio account SID (AC and 32 hex digits)"),
                             QStringLiteral("settings.account_sid"));
        static const QRegularExpression phone(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
        if (!phone.match(setting("from")).hasMatch())
            return makeError(QStringLiteral("must be a phone number such as +15551234567"),
                             QStringLiteral("settings.from"));
        const QStringList to = strings(c.settings.value(QLatin1String("to")));
        if (to.isEmpty() || std::any_of(to.begin(), to.end(), [](const QString &n) {
                return !phone.match(n).hasMatch();
            }))
            return makeError(QStringLiteral("must list phone numbers such as +15559876543"),
                             QStringLiteral("settings.to"));
    }
    return c;
}

QJsonObject ChannelConfig::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("type"), type},
            {QStringLiteral("name"), name},
            {QStringLiteral("enabled"), enabled},
            {QStringLiteral("severities"), QJsonArray::fromStringList(severities)},
            {QStringLiteral("categories"), QJsonArray::fromStringList(categories)},
            {QStringLiteral("send_resolved"), sendResolved},
            {QStringLiteral("per_minute"), perMinute},
            {QStringLiteral("settings"), settings}};
}

Status ChannelConfig::checkSecret(const QString &secret) const
{
    if (secret.isEmpty() || (type != QLatin1String("slack") && type != QLatin1String("webhook")))
        return Ok {};
    if (Status st = checkUrl(secret, QStringLiteral("secret"),
                             {QStringLiteral("https"), QStringLiteral("http")});
        !st)
        return makeError(QStringLiteral("the webhook URL must be an https URL"),
                         QStringLiteral("secret"));
    return Ok {};
}

int ChannelConfig::effectivePerMinute() const
{
    if (perMinute > 0)
        return perMinute;
    return type == QLatin1String("slack") ? 60 : type == QLatin1String("sms") ? 30 : 120;
}

bool ChannelConfig::routes(const QJsonObject &alert, const QString &event) const
{
    if (!enabled)
        return false;
    if (event == QLatin1String("resolve") && !sendResolved)
        return false;
    // Only the paging services and webhooks have something to do with an acknowledgement.
    if (event == QLatin1String("acknowledge") && type != QLatin1String("pagerduty")
        && type != QLatin1String("opsgenie") && type != QLatin1String("webhook"))
        return false;
    // A failing channel is not asked to carry the news of its own failure.
    if (alert.value(QLatin1String("subject")).toString() == QLatin1String("channel:") + id)
        return false;
    if (!severities.isEmpty()
        && !severities.contains(alert.value(QLatin1String("severity")).toString()))
        return false;
    return categories.isEmpty()
        || categories.contains(alert.value(QLatin1String("category")).toString());
}

} // namespace Switchboard
