#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QStringList>

namespace Switchboard {

// One notification channel: where alerts go, which ones, and how fast. Its secret (the Slack or
// webhook URL, the PagerDuty routing key, the SMTP password, the Twilio auth token) is not
// part of it: that lives in the keychain under secretKey().
struct ChannelConfig
{
    QString id; // [a-z0-9-], chosen by the admin
    QString type; // slack | pagerduty | opsgenie | webhook | email | sms
    QString name; // for people: "Front desk Slack"
    bool enabled = true;
    QStringList severities; // empty: all; PagerDuty, OpsGenie and SMS: critical unless set
    QStringList categories; // empty: all
    bool sendResolved = true;
    int perMinute = 0; // rate limit; 0: the type's default (Slack: 60)
    QJsonObject settings; // the type's non-secret settings, see docs/alerts.md

    static const QStringList &types();
    // Checks everything a channel of its type needs; each problem names its field.
    static Result<ChannelConfig> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;

    QString secretKey() const { return QStringLiteral("channel.") + id; }
    // Whether the type needs a secret to send at all (e-mail can do without a password).
    bool needsSecret() const { return type != QLatin1String("email"); }
    int effectivePerMinute() const;
    // A Slack or webhook secret is the URL to send to: https, or http to this machine.
    Status checkSecret(const QString &secret) const;
    // Whether alert (the AlertBook's JSON) goes here, and event with it.
    bool routes(const QJsonObject &alert, const QString &event) const;
};

} // namespace Switchboard
