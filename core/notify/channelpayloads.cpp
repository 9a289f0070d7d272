#include "notify/channelpayloads.h"

#include <QJsonDocument>
#include <QLocale>
#include <QUrl>
#include <QUuid>

namespace Switchboard::ChannelPayloads {

namespace {

QString value(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

QString severityLabel(const QString &severity)
{
    return severity == QLatin1String("critical") ? QStringLiteral("Critical")
        : severity == QLatin1String("warning")   ? QStringLiteral("Warning")
                                                 : QStringLiteral("Info");
}

QString headline(const Notice &n)
{
    const QJsonObject &a = n.alert;
    if (n.event == QLatin1String("test"))
        return QStringLiteral("Test notification from Switchboard: ") + n.clinic;
    if (n.event == QLatin1String("resolve"))
        return QStringLiteral("✅ Resolved: ") + value(a, "title");
    if (n.event == QLatin1String("acknowledge"))
        return QStringLiteral("👀 Acknowledged: ") + value(a, "title");
    return (value(a, "severity") == QLatin1String("critical")
                ? QStringLiteral("🚨 System Alert: ")
                : QStringLiteral("⚠️ System Alert: "))
        + n.clinic;
}

// The body shared by Slack and e-mail.
QString text(const Notice &n)
{
    const QJsonObject &a = n.alert;
    QStringList lines {headline(n)};
    if (n.event == QLatin1String("test")) {
        lines << QStringLiteral("This channel is set up correctly.");
        return lines.join(QLatin1Char('\n'));
    }
    if (n.event == QLatin1String("resolve")) {
        lines << (value(a, "resolved_by") == QLatin1String("system")
                      ? QStringLiteral("The condition cleared: ") + value(a, "message")
                      : QStringLiteral("Resolved by %1.").arg(value(a, "resolved_by")));
        lines << QStringLiteral("System Health: ") + n.health;
        return lines.join(QLatin1Char('\n'));
    }
    if (n.event == QLatin1String("acknowledge")) {
        lines << QStringLiteral("%1 is on it.").arg(value(a, "owner"));
        return lines.join(QLatin1Char('\n'));
    }
    const QString severity = value(a, "severity");
    lines << QStringLiteral("System Health: ") + n.health;
    lines << QStringLiteral("Total Alerts: %1 (%2 critical, %3 warnings)")
                 .arg(n.critical + n.warnings)
                 .arg(n.critical)
                 .arg(n.warnings);
    lines << QString();
    lines << QStringLiteral("%1 %2 Alerts (%3):")
                 .arg(severity == QLatin1String("critical") ? QStringLiteral("🔴")
                                                            : QStringLiteral("⚠️"),
                      severityLabel(severity))
                 .arg(severity == QLatin1String("critical") ? n.critical : n.warnings);
    lines << QStringLiteral("• %1: %2").arg(value(a, "title"), value(a, "message"));
    if (!value(a, "action").isEmpty()) {
        lines << QString();
        lines << QStringLiteral("→ ") + value(a, "action");
    }
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
        return QStringLiteral("Switchboard test notification for %1").arg(n.clinic);
    const QString prefix = n.event == QLatin1String("resolve") ? QStringLiteral("RESOLVED")
        : n.event == QLatin1String("acknowledge")              ? QStringLiteral("ACKNOWLEDGED")
                                                               : value(a, "severity").toUpper();
    return QStringLiteral("[%1] %2: %3 (%4)")
        .arg(prefix, value(a, "title"), value(a, "message"), n.clinic);
}

QByteArray slack(const Notice &notice)
{
    return compact({{QStringLiteral("text"), text(notice)}});
}

QByteArray pagerDuty(const Notice &n, const QString &routingKey)
{
    const QJsonObject &a = n.alert;
    const QString action = n.event == QLatin1String("test") ? QStringLiteral("trigger")
        : n.event == QLatin1String("acknowledge")           ? QStringLiteral("acknowledge")
        : n.event == QLatin1String("resolve")               ? QStringLiteral("resolve")
                                                            : QStringLiteral("trigger");
    QJsonObject event {{QStringLiteral("routing_key"), routingKey},
                       {QStringLiteral("event_action"), action},
                       {QStringLiteral("dedup_key"),
                        n.event == QLatin1String("test")
                            ? QStringLiteral("switchboard-test-") + n.instance
                            : value(a, "fingerprint")}};
    if (action == QLatin1String("trigger")) {
        const QString severity =
            n.event == QLatin1String("test") ? QStringLiteral("info") : value(a, "severity");
        QJsonObject payload {
            {QStringLiteral("summary"),
             n.event == QLatin1String("test")
                 ? summaryLine(n)
                 : QStringLiteral("%1: %2").arg(value(a, "title"), value(a, "message"))},
            {QStringLiteral("severity"), severity},
            {QStringLiteral("source"), QStringLiteral("Switchboard ") + n.instance}};
        if (n.event != QLatin1String("test")) {
            if (!value(a, "module").isEmpty())
                payload.insert(QStringLiteral("component"), value(a, "module"));
            payload.insert(QStringLiteral("group"), value(a, "category"));
            payload.insert(QStringLiteral("class"), value(a, "rule"));
            payload.insert(QStringLiteral("custom_details"),
                           QJsonObject {{QStringLiteral("clinic"), n.clinic},
                                        {QStringLiteral("system_health"), n.health},
                                        {QStringLiteral("action"), value(a, "action")},
                                        {QStringLiteral("alert_id"), a.value(QLatin1String("id"))},
                                        {QStringLiteral("first_seen"), value(a, "first_seen")}});
        }
        event.insert(QStringLiteral("payload"), payload);
    }
    return compact(event);
}

QByteArray webhook(const Notice &n)
{
    return compact({{QStringLiteral("version"), 1},
                    {QStringLiteral("event"), n.event},
                    {QStringLiteral("alert"), n.alert},
                    {QStringLiteral("clinic"), n.clinic},
                    {QStringLiteral("health"), n.health},
                    {QStringLiteral("instance"), n.instance}});
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

QByteArray twilioForm(const Notice &n, const QString &from, const QString &to)
{
    QString body = summaryLine(n);
    if (n.event == QLatin1String("trigger") && !value(n.alert, "action").isEmpty())
        body += QStringLiteral(" → ") + value(n.alert, "action");
    // application/x-www-form-urlencoded: '+' in a phone number must travel as %2B.
    return "To=" + QUrl::toPercentEncoding(to) + "&From=" + QUrl::toPercentEncoding(from)
        + "&Body=" + QUrl::toPercentEncoding(body.left(320));
}

} // namespace Switchboard::ChannelPayloads
