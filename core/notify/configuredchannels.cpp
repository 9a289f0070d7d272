#include "notify/configuredchannels.h"

#include "common/logging.h"
#include "config/coreconfig.h"
#include "notify/notifier.h"

#include <QJsonArray>

namespace Switchboard::ConfiguredChannels {

namespace {

QJsonObject channel(const char *id, const char *type, const QString &name)
{
    return {{QStringLiteral("id"), QLatin1String(id)},
            {QStringLiteral("type"), QLatin1String(type)},
            {QStringLiteral("name"), name}};
}

QJsonObject email(const EmailAlertSettings &mail, const char *id, const QString &name,
                  const QStringList &to, const QStringList &categories)
{
    QJsonObject c = channel(id, "email", name);
    c.insert(QStringLiteral("severities"),
             QJsonArray {QStringLiteral("critical"), QStringLiteral("warning")});
    c.insert(QStringLiteral("categories"), QJsonArray::fromStringList(categories));
    c.insert(QStringLiteral("settings"),
             QJsonObject {{QStringLiteral("smtp_url"), mail.smtpUrl.toString()},
                          {QStringLiteral("username"), mail.username},
                          {QStringLiteral("from"), mail.from.isEmpty() ? to.value(0) : mail.from},
                          {QStringLiteral("to"), QJsonArray::fromStringList(to)}});
    return c;
}

} // namespace

QList<Channel> from(const CoreConfig &config)
{
    QList<Channel> out;
    if (!config.slackWebhookUrl.isEmpty())
        out.append({QStringLiteral("SLACK_WEBHOOK_URL"),
                    channel("slack", "slack", QStringLiteral("Slack")), config.slackWebhookUrl});
    if (!config.pagerDutyRoutingKey.isEmpty())
        out.append({QStringLiteral("PAGERDUTY_ROUTING_KEY"),
                    channel("pagerduty", "pagerduty", QStringLiteral("PagerDuty")),
                    config.pagerDutyRoutingKey});
    if (!config.opsGenieApiKey.isEmpty()) {
        QJsonObject genie = channel("opsgenie", "opsgenie", QStringLiteral("OpsGenie"));
        if (!config.opsGenieUrl.isEmpty())
            genie.insert(QStringLiteral("settings"),
                         QJsonObject {{QStringLiteral("url"), config.opsGenieUrl.toString()}});
        out.append({QStringLiteral("OPSGENIE_API_KEY"), genie, config.opsGenieApiKey});
    }
    const EmailAlertSettings &mail = config.email;
    if (mail.smtpUrl.isEmpty())
        return out; // reported as a missing setting (CoreConfig::missingRequired)
    // ALERT_EMAIL hears every alert; SUPPORT_EMAIL what support staff act on: review queues,
    // dead letters, circuits and retries.
    if (!mail.alertTo.isEmpty())
        out.append({QStringLiteral("ALERT_EMAIL"),
                    email(mail, "alert-email", QStringLiteral("Alert e-mail"), mail.alertTo, {}),
                    mail.password});
    if (!mail.supportTo.isEmpty())
        out.append({QStringLiteral("SUPPORT_EMAIL"),
                    email(mail, "support-email", QStringLiteral("Support e-mail"), mail.supportTo,
                          {QStringLiteral("review"), QStringLiteral("resilience"),
                           QStringLiteral("dead_letters")}),
                    mail.password});
    return out;
}

void adopt(Notifier &notifier, const CoreConfig &config,
           std::function<void(const QString &, const QString &)> done)
{
    for (const Channel &c : from(config)) {
        const QString id = c.definition.value(QLatin1String("id")).toString();
        notifier.adoptChannel(
            c.definition, c.secret, [done, variable = c.variable, id](Result<QJsonObject> saved) {
                if (!saved) {
                    qCWarning(lcService).noquote()
                        << variable << "not taken:" << saved.error().message;
                    return done(variable, saved.error().message);
                }
                const QString why = saved->value(QLatin1String("secret_not_stored")).toString();
                if (!why.isEmpty())
                    qCWarning(lcService).noquote()
                        << variable << "is used from memory for this run only:" << why;
                else
                    qCInfo(lcService).noquote()
                        << variable << "is kept with the secrets as the" << id << "channel";
                done(variable, why);
            });
    }
}

} // namespace Switchboard::ConfiguredChannels
