#include "notify/channelpayloads.h"

#include <QJsonDocument>
#include <QLocale>
#include <QUrl>
#include <QUuid>

namespace Switchboard {

QJsonObject NoticeContext::toJson() const
{
    return {{QStringLiteral("clinic"), clinic},
            {QStringLiteral("instance"), instance},
            {QStringLiteral("health"), health},
            {QStringLiteral("dashboard_url"), dashboardUrl},
            {QStringLiteral("open"), open}};
}

NoticeContext NoticeContext::fromJson(const QJsonObject &json)
{
    return {json.value(QLatin1String("clinic")).toString(),
            json.value(QLatin1String("instance")).toString(),
            json.value(QLatin1String("health")).toString(),
            json.value(QLatin1String("dashboard_url")).toString(),
            json.value(QLatin1String("open")).toArray()};
}

QJsonArray Notice::open(const QString &severity) const
{
    QJsonArray out;
    const QString own = alert.value(QLatin1String("fingerprint")).toString();
    bool ownListed = false;
    for (const auto &v : context.open) {
        const QJsonObject a = v.toObject();
        if (a.value(QLatin1String("severity")).toString() != severity)
            continue;
        ownListed = ownListed || a.value(QLatin1String("fingerprint")).toString() == own;
        out.append(a);
    }
    if (event == QLatin1String("trigger") && !ownListed
        && alert.value(QLatin1String("severity")).toString() == severity)
        out.prepend(QJsonObject {{QStringLiteral("severity"), severity},
                                 {QStringLiteral("title"), alert.value(QLatin1String("title"))},
                                 {QStringLiteral("message"), alert.value(QLatin1String("message"))},
                                 {QStringLiteral("fingerprint"), own}});
    return out;
}

} // namespace Switchboard

namespace Switchboard::ChannelPayloads {

namespace {

QString value(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

QString headline(const Notice &n)
{
    const QJsonObject &a = n.alert;
    if (n.event == QLatin1String("test"))
        return QStringLiteral("Test notification from Switchboard: ") + n.context.clinic;
    if (n.event == QLatin1String("resolve"))
        return QStringLiteral("✅ Resolved: ") + value(a, "title");
    if (n.event == QLatin1String("acknowledge"))
        return QStringLiteral("👀 Acknowledged: ") + value(a, "title");
    return (value(a, "severity") == QLatin1String("critical")
                ? QStringLiteral("🚨 System Alert: ")
                : QStringLiteral("⚠️ System Alert: "))
        + n.context.clinic;
}

// "• <title>: <message>" for each alert.
void bullets(QStringList &lines, const QJsonArray &alerts)
{
    for (const auto &v : alerts) {
        const QJsonObject a = v.toObject();
        lines << QStringLiteral("• %1: %2").arg(value(a, "title"), value(a, "message"));
    }
}

// The body shared by Slack and e-mail.
QString text(const Notice &n)
{
    const QJsonObject &a = n.alert;
    const NoticeContext &c = n.context;
    QStringList lines {headline(n)};
    if (n.event == QLatin1String("test")) {
        lines << QStringLiteral("This channel is set up correctly.");
        return lines.join(QLatin1Char('\n'));
    }
    if (n.event == QLatin1String("resolve")) {
        lines << (value(a, "resolved_by") == QLatin1String("system")
                      ? QStringLiteral("The condition cleared: ") + value(a, "message")
                      : QStringLiteral("Resolved by %1.").arg(value(a, "resolved_by")));
        lines << QStringLiteral("System Health: ") + c.health;
        return lines.join(QLatin1Char('\n'));
    }
    if (n.event == QLatin1String("acknowledge")) {
        lines << QStringLiteral("%1 is on it.").arg(value(a, "owner"));
        return lines.join(QLatin1Char('\n'));
    }
    const QJsonArray critical = n.open(QStringLiteral("critical"));
    const QJsonArray warnings = n.open(QStringLiteral("warning"));
    const QJsonArray info = n.open(QStringLiteral("info"));
    lines << QStringLiteral("System Health: ") + c.health;
    lines << QStringLiteral("Total Alerts: %1 (%2 critical, %3 warnings%4)")
                 .arg(critical.size() + warnings.size() + info.size())
                 .arg(critical.size())
                 .arg(warnings.size())
                 .arg(info.isEmpty() ? QString() : QStringLiteral(", %1 info").arg(info.size()));
    const auto section = [&lines](const QString &heading, const QJsonArray &alerts) {
        if (alerts.isEmpty())
            return;
        lines << QString() << heading.arg(alerts.size());
        bullets(lines, alerts);
    };
    section(QStringLiteral("🔴 Critical Alerts (%1):"), critical);
    section(QStringLiteral("⚠️ Warning Alerts (%1):"), warnings);
    section(QStringLiteral("ℹ️ Info (%1):"), info);
    if (!value(a, "action").isEmpty()) {
        lines << QString();
        lines << QStringLiteral("→ ") + value(a, "action");
    }
    if (!c.dashboardUrl.isEmpty())
        lines << QStringLiteral("Dashboard: ") + c.dashboardUrl;
    return lines.join(QLatin1Char('\n'));
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

QString summaryLine(const Notice &n)
{
    const QJsonObject &a = n.alert;
    if (n.event == QLatin1String("test"))
        return QStringLiteral("Switchboard test notification for %1").arg(n.context.clinic);
    const QString prefix = n.event == QLatin1String("resolve") ? QStringLiteral("RESOLVED")
        : n.event == QLatin1String("acknowledge")              ? QStringLiteral("ACKNOWLEDGED")
                                                               : value(a, "severity").toUpper();
    return QStringLiteral("[%1] %2: %3 (%4)")
        .arg(prefix, value(a, "title"), value(a, "message"), n.context.clinic);
}

QByteArray slack(const Notice &notice)
{
    return compact({{QStringLiteral("text"), text(notice)}});
}

namespace {

QString trigger(const Notice &n)
{
    return n.event == QLatin1String("acknowledge") ? QStringLiteral("acknowledge")
        : n.event == QLatin1String("resolve")      ? QStringLiteral("resolve")
                                                   : QStringLiteral("trigger");
}

// The key a paging service knows the alert by; a test has its own.
QString dedupKey(const Notice &n)
{
    return n.event == QLatin1String("test")
        ? QStringLiteral("switchboard-test-") + n.context.instance
        : value(n.alert, "fingerprint");
}

// The seed's custom_details, with what the alert says.
QJsonObject details(const Notice &n)
{
    const QJsonObject &a = n.alert;
    const NoticeContext &c = n.context;
    return {
        {QStringLiteral("clinic"), c.clinic},
        {QStringLiteral("system_health"), c.health},
        {QStringLiteral("total_alerts"),
         int(n.open(QStringLiteral("critical")).size() + n.open(QStringLiteral("warning")).size()
             + n.open(QStringLiteral("info")).size())},
        {QStringLiteral("critical_count"), int(n.open(QStringLiteral("critical")).size())},
        {QStringLiteral("dashboard_url"),
         c.dashboardUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.dashboardUrl)},
        {QStringLiteral("alert"), value(a, "title")},
        {QStringLiteral("message"), value(a, "message")},
        {QStringLiteral("action"), value(a, "action")},
        {QStringLiteral("alert_id"), a.value(QLatin1String("id"))},
        {QStringLiteral("first_seen"), value(a, "first_seen")}};
}

// "<clinic> System Alert: 2 Critical Issues · <title>: <message>", the seed's summary naming
// the alert this incident is about.
QString pagingSummary(const Notice &n)
{
    if (n.event == QLatin1String("test"))
        return summaryLine(n);
    return QStringLiteral("%1 System Alert: %2 Critical Issues · %3: %4")
        .arg(n.context.clinic)
        .arg(n.open(QStringLiteral("critical")).size())
        .arg(value(n.alert, "title"), value(n.alert, "message"));
}

} // namespace

QByteArray pagerDuty(const Notice &n, const QString &routingKey)
{
    const QJsonObject &a = n.alert;
    const QString action = trigger(n);
    QJsonObject event {{QStringLiteral("routing_key"), routingKey},
                       {QStringLiteral("event_action"), action},
                       {QStringLiteral("dedup_key"), dedupKey(n)}};
    if (action == QLatin1String("trigger")) {
        const bool test = n.event == QLatin1String("test");
        QJsonObject payload {
            {QStringLiteral("summary"), pagingSummary(n).left(1024)},
            {QStringLiteral("severity"), test ? QStringLiteral("info") : value(a, "severity")},
            {QStringLiteral("source"),
             QStringLiteral("Switchboard Orchestration (%1)").arg(n.context.instance)}};
        if (!test) {
            if (!value(a, "module").isEmpty())
                payload.insert(QStringLiteral("component"), value(a, "module"));
            payload.insert(QStringLiteral("group"), value(a, "category"));
            payload.insert(QStringLiteral("class"), value(a, "rule"));
            payload.insert(QStringLiteral("custom_details"), details(n));
        }
        event.insert(QStringLiteral("payload"), payload);
        if (!n.context.dashboardUrl.isEmpty())
            event.insert(QStringLiteral("links"),
                         QJsonArray {QJsonObject {
                             {QStringLiteral("href"), n.context.dashboardUrl},
                             {QStringLiteral("text"), QStringLiteral("Clinic dashboard")}}});
    }
    return compact(event);
}

Request opsGenie(const Notice &n, const QUrl &apiBase)
{
    const QJsonObject &a = n.alert;
    const QString action = trigger(n);
    const QString alias = dedupKey(n).left(512);
    QUrl url = apiBase;
    const QString base =
        apiBase.path().endsWith(QLatin1Char('/')) ? apiBase.path().chopped(1) : apiBase.path();
    if (action == QLatin1String("trigger")) {
        url.setPath(base + QStringLiteral("/v2/alerts"));
        const bool test = n.event == QLatin1String("test");
        const QString severity = test ? QStringLiteral("info") : value(a, "severity");
        QJsonArray tags {QStringLiteral("switchboard"), severity};
        if (!test)
            tags << value(a, "category");
        QJsonObject body {
            {QStringLiteral("message"), (test ? summaryLine(n) : value(a, "title")).left(130)},
            {QStringLiteral("alias"), alias},
            {QStringLiteral("description"), (test ? summaryLine(n) : text(n)).left(15000)},
            {QStringLiteral("priority"),
             severity == QLatin1String("critical")      ? QStringLiteral("P1")
                 : severity == QLatin1String("warning") ? QStringLiteral("P3")
                                                        : QStringLiteral("P5")},
            {QStringLiteral("source"),
             QStringLiteral("Switchboard Orchestration (%1)").arg(n.context.instance)},
            {QStringLiteral("tags"), tags}};
        if (!test) {
            if (!value(a, "module").isEmpty())
                body.insert(QStringLiteral("entity"), value(a, "module"));
            QJsonObject d;
            const QJsonObject all = details(n);
            // OpsGenie's details are a map of strings.
            for (auto it = all.begin(); it != all.end(); ++it)
                d.insert(it.key(),
                         it->isString()     ? it->toString()
                             : it->isNull() ? QString()
                                            : QString::number(it->toInteger()));
            body.insert(QStringLiteral("details"), d);
        }
        return {url, compact(body)};
    }
    url.setPath(base
                + QStringLiteral("/v2/alerts/%1/%2")
                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(alias)),
                           action == QLatin1String("resolve") ? QStringLiteral("close")
                                                              : QStringLiteral("acknowledge")));
    url.setQuery(QStringLiteral("identifierType=alias"));
    const QString who =
        action == QLatin1String("resolve") ? value(a, "resolved_by") : value(a, "owner");
    return {url,
            compact({{QStringLiteral("source"), QStringLiteral("Switchboard")},
                     {QStringLiteral("user"), who.isEmpty() ? QStringLiteral("system") : who},
                     {QStringLiteral("note"),
                      action == QLatin1String("resolve")
                          ? QStringLiteral("Resolved in Switchboard")
                          : QStringLiteral("Acknowledged in Switchboard")}})};
}

QByteArray webhook(const Notice &n)
{
    const NoticeContext &c = n.context;
    return compact(
        {{QStringLiteral("version"), 1},
         {QStringLiteral("event"), n.event},
         {QStringLiteral("alert"), n.alert},
         {QStringLiteral("clinic"), c.clinic},
         {QStringLiteral("health"), c.health},
         {QStringLiteral("instance"), c.instance},
         {QStringLiteral("dashboard_url"),
          c.dashboardUrl.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(c.dashboardUrl)}});
}

namespace {
// RFC 2047 encoded-word, so a subject with an emoji or an accent survives any relay.
QByteArray encodedWord(const QString &s)
{
    for (QChar c : s) {
        if (c.unicode() > 126)
            return "=?UTF-8?B?" + s.toUtf8().toBase64() + "?=";
    }
    return s.toUtf8();
}
} // namespace

QByteArray email(const Notice &n, const QString &from, const QStringList &to, const QDateTime &now)
{
    const QByteArray domain = from.section(QLatin1Char('@'), 1).toUtf8();
    QByteArray message;
    message += "Date: "
        + QLocale::c().toString(now.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toUtf8()
        + " +0000\r\n";
    message += "From: Switchboard <" + from.toUtf8() + ">\r\n";
    message += "To: " + to.join(QStringLiteral(", ")).toUtf8() + "\r\n";
    message += "Subject: " + encodedWord(summaryLine(n)) + "\r\n";
    message += "Message-ID: <" + QUuid::createUuid().toString(QUuid::WithoutBraces).toUtf8() + "@"
        + domain + ">\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=UTF-8\r\n";
    message += "Content-Transfer-Encoding: 8bit\r\n";
    message += "\r\n";
    QString body = text(n);
    body.replace(QLatin1Char('\n'), QStringLiteral("\r\n"));
    // A line with only "." would end the SMTP DATA early; libcurl escapes it, but keep lines
    // short and plain.
    message += body.toUtf8() + "\r\n";
    return message;
}

QString smsText(const Notice &n)
{
    if (n.event != QLatin1String("trigger"))
        return summaryLine(n).left(320);
    const QString severity = value(n.alert, "severity");
    const bool critical = severity == QLatin1String("critical");
    const qsizetype count = n.open(critical ? QStringLiteral("critical") : severity).size();
    QString body = critical
        ? QStringLiteral("🚨 CRITICAL: %1 critical alerts in %2.").arg(count).arg(n.context.clinic)
        : QStringLiteral("⚠️ %1: %2 %3 alerts in %4.")
              .arg(severity.toUpper())
              .arg(count)
              .arg(severity, n.context.clinic);
    if (!n.context.dashboardUrl.isEmpty())
        return (body + QStringLiteral(" View dashboard: ") + n.context.dashboardUrl).left(1600);
    // Without a dashboard to open, the newest alert itself.
    return (body
            + QStringLiteral(" Latest: %1: %2")
                  .arg(value(n.alert, "title"), value(n.alert, "message")))
        .left(320);
}

QByteArray twilioForm(const Notice &n, const QString &from, const QString &to)
{
    // application/x-www-form-urlencoded: '+' in a phone number must travel as %2B.
    return "To=" + QUrl::toPercentEncoding(to) + "&From=" + QUrl::toPercentEncoding(from)
        + "&Body=" + QUrl::toPercentEncoding(smsText(n));
}

} // namespace Switchboard::ChannelPayloads
