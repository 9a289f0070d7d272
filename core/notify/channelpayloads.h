#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace Switchboard {

// What one notification is about: an event of one alert, and the clinic around it.
struct Notice
{
    QString event; // trigger | acknowledge | resolve | test
    QJsonObject alert; // AlertBook's JSON
    QString clinic;
    QString health; // HEALTHY | DEGRADED | CRITICAL
    int critical = 0; // open alerts that page
    int warnings = 0;
    QString instance; // the core's instance id
};

// The exact bodies each channel sends; pure functions, so the tests can hold them to the letter.
namespace ChannelPayloads {

// The seed's Slack message: "🚨 System Alert: <clinic>", health, totals, the alert and its
// action; a resolve says what cleared. {"text": …}.
QByteArray slack(const Notice &notice);
// PagerDuty Events API v2: trigger, acknowledge or resolve with dedup_key = the fingerprint.
QByteArray pagerDuty(const Notice &notice, const QString &routingKey);
// {"version": 1, "event", "alert", "clinic", "health", "instance"}.
QByteArray webhook(const Notice &notice);
// A complete RFC 5322 message (headers and a plain-text UTF-8 body) for SMTP.
QByteArray email(const Notice &notice, const QString &from, const QStringList &to,
                 const QDateTime &now);
// Twilio's Messages resource, form-encoded: To, From, Body (at most 320 characters).
QByteArray twilioForm(const Notice &notice, const QString &from, const QString &to);

// The one-line text of the notice, used by the e-mail subject and the SMS.
QString summaryLine(const Notice &notice);

} // namespace ChannelPayloads
} // namespace Switchboard
