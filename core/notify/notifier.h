#pragma once

#include "alerts/alertrules.h"
#include "notify/channelconfig.h"
#include "notify/channelpayloads.h"
#include "notify/notificationoutbox.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QQueue>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Switchboard {

class AlertBook;
class AuditTrail;
class Clock;
class Database;
class SecretStore;
class SmtpSender;

// Sends the alert book's notifications to the channels (Slack, PagerDuty, OpsGenie, webhook,
// e-mail, SMS): each channel in order, under its rate limit, retrying with backoff when the
// receiver fails or is away (not when it refuses the request), every delivery recorded on its
// alert. Channel settings live in the database; their secrets only in the keychain, read when
// needed and never logged, nor shown in an error.
class Notifier final : public QObject
{
    Q_OBJECT

public:
    Notifier(Database &db, AlertBook &book, SecretStore &secrets, const Clock &clock,
             QObject *parent = nullptr);
    ~Notifier() override;

    // The channels.
    Status load();
    // From now on this core sends: the deliveries a stop cut short, and every notice queued
    // from here on (with a shared store, only the core holding the alert duty sends; a notice
    // queued by another core is picked up within PollMs).
    Status startSending();
    static constexpr int PollMs = 5000;
    // What every notice says about the clinic.
    void setContext(const QString &clinic, const QString &instance,
                    std::function<QString()> health);
    // Where the published dashboard is, for the messages that link to it (empty: none), and
    // what to do before notices go out (publish a report that shows them); it calls its
    // argument when done, whether or not it succeeded.
    void setDashboardUrl(std::function<QString()> url,
                         std::function<void(std::function<void()>)> prepare = {});
    // attempts: how many sends before a delivery fails; the delay doubles from baseDelayMs
    // up to a minute.
    void setRetryPolicy(int attempts, int baseDelayMs);
    // Where channel changes are recorded (never their secrets).
    void setAudit(AuditTrail *audit) { m_audit = audit; }

    // Each channel's settings and how its last delivery went; never its secret.
    QJsonArray channels() const;
    using Saved = std::function<void(Result<QJsonObject>)>;
    using Done = std::function<void(Status)>;
    // Creates or replaces a channel. secret: the webhook URL, routing key, password or token;
    // empty keeps the one stored.
    void saveChannel(const QJsonObject &definition, const QString &secret, const QString &actor,
                     Saved done);
    // A channel from the configuration (SLACK_WEBHOOK_URL …), saved like any other. When no
    // secret store takes its secret, the channel still works for this run with the secret held
    // in memory, and the answer says why in "secret_not_stored".
    void adoptChannel(const QJsonObject &definition, const QString &secret, Saved done);
    void removeChannel(const QString &id, const QString &actor, Done done);
    // Sends a test notice through the channel now (in its queue, with its retries).
    void sendTest(const QString &id, Done done);
    // The status document's "notifications": "sent" when every open alert that pages reached
    // someone through a channel (false with none, or with one that reached no one), the counts,
    // and each channel's last delivery.
    QJsonObject summary() const;
    // Channels whose last delivery failed for good.
    QList<AlertRules::ChannelFailure> failing() const;

    // Turns the outbox's waiting notices into deliveries on the channels that route them and
    // sends them. While no channel exists at all, notices wait (an alert raised before the
    // first channel is delivered once there is one).
    void dispatch();

Q_SIGNALS:
    void channelsChanged();
    void failingChanged();

private:
    struct Job
    {
        qint64 deliveryId = 0; // 0: a test, not recorded on an alert
        Notice notice;
        int attempts = 0;
        int recipient = 0; // SMS: the next number to text
        Done done;
    };
    struct Channel
    {
        ChannelConfig config;
        bool hasSecret = false;
        QQueue<Job> queue;
        std::optional<Job> current;
        qint64 nextAllowedMs = 0;
        QString lastStatus; // sent | failed | retrying | empty
        QString lastError;
        QString lastAt;
        bool failing = false;
        QTimer *timer = nullptr;
    };

    void dispatchWaiting();
    Channel *channel(const QString &id);
    void save(const QJsonObject &definition, const QString &secret, const QString &actor,
              bool keepUnstored, Saved done);
    void enqueue(const QString &id, Job job);
    void pump(const QString &id);
    void attempt(const QString &id);
    void send(const QString &id, const QString &secret);
    // transient: worth another try; retryAfterMs: what the receiver asked for (0: unknown).
    void outcome(const QString &id, int httpStatus, const QString &error, bool transient,
                 int retryAfterMs);
    void settle(Channel &ch, const QString &status, int httpStatus, const QString &error);
    QNetworkReply *post(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                        const QByteArray &authorization = {});
    void watch(const QString &id, QNetworkReply *reply);
    Status store(const Channel &ch);
    Notice notice(const QJsonObject &alert, const QString &event) const;

    Database &m_db;
    AuditTrail *m_audit = nullptr;
    AlertBook &m_book;
    NotificationOutbox m_outbox;
    SecretStore &m_secrets;
    const Clock &m_clock;
    QNetworkAccessManager *m_network;
    SmtpSender *m_smtp;
    QElapsedTimer m_elapsed;
    QHash<QString, Channel> m_channels;
    QHash<QString, QString> m_secretCache; // in memory only
    QString m_clinic;
    QString m_instance;
    std::function<QString()> m_health;
    std::function<QString()> m_dashboardUrl;
    std::function<void(std::function<void()>)> m_prepare;
    bool m_preparing = false;
    bool m_sending = false;
    int m_attempts = 5;
    int m_baseDelayMs = 2000;
};

} // namespace Switchboard
