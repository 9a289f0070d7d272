#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>

namespace Switchboard {

// What every notice says about the clinic, as it was when the notice became deliveries: a
// delivery sent again after a restart says the same.
struct NoticeContext
{
    QString clinic;
    QString instance; // the core's instance id
    QString health; // HEALTHY | DEGRADED | CRITICAL
    QString dashboardUrl; // the published report; empty when there is none to link to
    // The open alerts that page (not snoozed, silenced or inhibited), most severe first:
    // {"severity", "title", "message", "fingerprint"}.
    QJsonArray open;

    QJsonObject toJson() const;
    static NoticeContext fromJson(const QJsonObject &json);
};

// What one notification is about: an event of one alert, and the clinic around it.
struct Notice
{
    QString event; // trigger | acknowledge | resolve | test
    QJsonObject alert; // AlertBook's JSON
    NoticeContext context;

    // The open alerts of a severity, the notice's own alert among them when it triggers: a
    // summary's count and its bullets always agree.
    QJsonArray open(const QString &severity) const;
};

// The exact bodies each channel sends; pure functions, so the tests can hold them to the letter.
namespace ChannelPayloads {

// The seed's Slack message: "🚨 System Alert: <clinic>", health, totals, then every open
// critical alert and every warning under a count that matches them, and the alert's action;
// a resolve says what cleared. {"text": …}.
QByteArray slack(const Notice &notice);
// PagerDuty Events API v2: trigger, acknowledge or resolve with dedup_key = the fingerprint;
// the seed's summary, source, severity and custom_details (system_health, total_alerts,
// dashboard_url).
QByteArray pagerDuty(const Notice &notice, const QString &routingKey);
// OpsGenie Alert API v2: create an alert whose alias is the fingerprint, or acknowledge or
// close it by that alias.
struct Request
{
    QUrl url;
    QByteArray body;
};
Request opsGenie(const Notice &notice, const QUrl &apiBase);
// {"version": 1, "event", "alert", "clinic", "health", "instance", "dashboard_url"}.
QByteArray webhook(const Notice &notice);
// A complete RFC 5322 message (headers and a plain-text UTF-8 body) for SMTP.
QByteArray email(const Notice &notice, const QString &from, const QStringList &to,
                 const QDateTime &now);
// Twilio's Messages resource, form-encoded: To, From, Body. A trigger carries the seed's
// "🚨 CRITICAL: N critical alerts in <clinic>. View dashboard: <url>".
QByteArray twilioForm(const Notice &notice, const QString &from, const QString &to);

// The one-line text of the notice, used by the e-mail subject.
QString summaryLine(const Notice &notice);
// The SMS text (at most 320 characters).
QString smsText(const Notice &notice);

} // namespace ChannelPayloads
} // namespace Switchboard
