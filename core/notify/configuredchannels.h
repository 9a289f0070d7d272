#pragma once

#include <QJsonObject>
#include <QList>
#include <functional>

namespace Switchboard {

class Notifier;
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
// Saves each of them on notifier. done(variable, why) follows each: why is empty when its
// secret was stored, else why it is used from memory for this run only (or not taken).
void adopt(Notifier &notifier, const CoreConfig &config,
           std::function<void(const QString &variable, const QString &why)> done);

} // namespace ConfiguredChannels
} // namespace Switchboard
