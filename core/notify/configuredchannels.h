#pragma once

#include <QJsonObject>
#include <QList>

namespace Switchboard {

struct CoreConfig;

// The notification channels the configuration asks for (SLACK_WEBHOOK_URL,
// PAGERDUTY_ROUTING_KEY, OPSGENIE_API_KEY, ALERT_EMAIL and SUPPORT_EMAIL through SMTP_*), each
// with the variable it comes from and its secret. Saved like any channel on every start, so
// the configuration wins over edits in the console.
namespace ConfiguredChannels {

struct Channel
{
    QString variable; // what names it in the configuration
    QJsonObject definition; // ChannelConfig's JSON
    QString secret; // empty: none (e-mail without a password)
};

QList<Channel> from(const CoreConfig &config);

} // namespace ConfiguredChannels
} // namespace Switchboard
