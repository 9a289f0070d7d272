#include "notify/notifier.h"

#include "alerts/alertbook.h"
#include "audit/audittrail.h"
#include "common/clock.h"
#include "common/logging.h"
#include "notify/smtpsender.h"
#include "secrets/secretstore.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Switchboard {

namespace {

constexpr int MaxDelayMs = 60000;
constexpr int HttpTimeoutMs = 15000;

// Words for a network failure that never carry the URL (a Slack URL is a secret).
QString networkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the receiver closed the connection");
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("host not found");
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return QStringLiteral("no answer in time");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("TLS handshake failed");
    default:
        return QStringLiteral("network error %1").arg(int(error));
    }
}

} // namespace

Notifier::Notifier(Database &db, AlertBook &book, SecretStore &secrets, const Clock &clock,
                   QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_book(book)
    , m_outbox(db, clock)
    , m_secrets(secrets)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
    , m_smtp(new SmtpSender(this))
{
    m_elapsed.start();
    connect(&m_book, &AlertBook::noticesQueued, this, &Notifier::dispatch);
}

Notifier::~Notifier() = default;

Status Notifier::load()
{
    auto rows = m_db.exec(QStringLiteral("SELECT id, definition FROM notification_channels"));
    if (!rows)
        return rows.error();
    while (rows->next()) {
        const QJsonObject json = QJsonDocument::fromJson(rows->value(1).toByteArray()).object();
        auto config = ChannelConfig::fromJson(json);
        if (!config) {
            qCWarning(lcNotify) << "skipping stored channel" << rows->value(0).toString() << ":"
                                << config.error().toString();
            continue;
        }
        Channel ch;
        ch.config = *config;
        ch.hasSecret = json.value(QLatin1String("has_secret")).toBool();
        ch.timer = new QTimer(this);
        ch.timer->setSingleShot(true);
        const QString id = config->id;
        connect(ch.timer, &QTimer::timeout, this, [this, id] { pump(id); });
        m_channels.insert(id, ch);
    }
    return Ok {};
}

Status Notifier::startSending()
{
    m_sending = true;
    // Deliveries a stop cut short go out now, each once, in the order they were decided.
    auto unfinished = m_outbox.unfinished();
    if (!unfinished)
        return unfinished.error();
    for (const NotificationOutbox::Delivery &d : std::as_const(*unfinished)) {
        if (!m_channels.contains(d.channel)) {
            m_book.updateDelivery(d.id, QStringLiteral("failed"), d.attempts, 0,
                                  QStringLiteral("the channel was removed"));
            continue;
        }
        Job job;
        job.deliveryId = d.id;
        job.notice = {d.notice.event, d.notice.alert, d.context};
        job.attempts = d.attempts;
        enqueue(d.channel, std::move(job));
    }
    QTimer::singleShot(0, this, &Notifier::dispatch);
    if (m_db.isPostgres()) {
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, &Notifier::dispatch);
        poll->start(PollMs);
    }
    return Ok {};
}

Notice Notifier::notice(const QJsonObject &alert, const QString &event) const
{
    return {event, alert,
            NoticeContext {m_clinic, m_instance, m_health ? m_health() : QString(),
                           m_dashboardUrl ? m_dashboardUrl() : QString(), m_book.pagingAlerts()}};
}

void Notifier::dispatch()
{
    if (!m_sending || m_channels.isEmpty() || m_preparing)
        return; // they wait for the first channel, or for the report they will link to
    if (m_prepare) {
        auto waiting = m_outbox.waiting(1);
        if (waiting && waiting->isEmpty())
            return;
        m_preparing = true;
        return m_prepare([this] {
            m_preparing = false;
            dispatchWaiting();
        });
    }
    dispatchWaiting();
}

void Notifier::dispatchWaiting()
{
    if (!m_sending || m_channels.isEmpty())
        return;
    for (;;) {
        auto waiting = m_outbox.waiting();
        if (!waiting) {
            qCWarning(lcNotify) << "the outbox cannot be read:" << waiting.error().message;
            QTimer::singleShot(5000, this, &Notifier::dispatchWaiting);
            return;
        }
        if (waiting->isEmpty())
            return;
        for (const NotificationOutbox::Notice &n : std::as_const(*waiting)) {
            QStringList routed;
            for (auto it = m_channels.cbegin(); it != m_channels.cend(); ++it) {
                if (it->config.routes(n.alert, n.event))
                    routed.append(it.key());
            }
            const Notice told = notice(n.alert, n.event);
            auto deliveries = m_outbox.dispatch(n, routed, told.context);
            if (!deliveries) {
                qCWarning(lcNotify)
                    << "notice" << n.id << "not dispatched:" << deliveries.error().message;
                QTimer::singleShot(5000, this, &Notifier::dispatchWaiting);
                return;
            }
            for (qsizetype i = 0; i < routed.size(); ++i) {
                Job job;
                job.deliveryId = deliveries->at(i);
                job.notice = told;
                enqueue(routed.at(i), std::move(job));
            }
        }
    }
}

void Notifier::setContext(const QString &clinic, const QString &instance,
                          std::function<QString()> health)
{
    m_clinic = clinic;
    m_instance = instance;
    m_health = std::move(health);
}

void Notifier::setDashboardUrl(std::function<QString()> url,
                               std::function<void(std::function<void()>)> prepare)
{
    m_dashboardUrl = std::move(url);
    m_prepare = std::move(prepare);
}

void Notifier::setRetryPolicy(int attempts, int baseDelayMs)
{
    m_attempts = std::max(1, attempts);
    m_baseDelayMs = std::max(1, baseDelayMs);
}

QJsonArray Notifier::channels() const
{
    QStringList ids = m_channels.keys();
    ids.sort();
    QJsonArray out;
    for (const QString &id : std::as_const(ids)) {
        const Channel &ch = m_channels[id];
        QJsonObject json = ch.config.toJson();
        json.insert(QStringLiteral("has_secret"), ch.hasSecret);
        json.insert(QStringLiteral("last_status"), ch.lastStatus);
        json.insert(QStringLiteral("last_error"), ch.lastError);
        json.insert(QStringLiteral("last_at"), ch.lastAt);
        json.insert(QStringLiteral("failing"), ch.failing);
        json.insert(QStringLiteral("queued"), int(ch.queue.size()) + (ch.current ? 1 : 0));
        out.append(json);
    }
    return out;
}

Status Notifier::store(const Channel &ch)
{
    QJsonObject json = ch.config.toJson();
    json.insert(QStringLiteral("has_secret"), ch.hasSecret);
    auto r = m_db.run(
        QStringLiteral("INSERT INTO notification_channels (id, definition, updated_at) "
                       "VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                       "definition = excluded.definition, updated_at = excluded.updated_at"),
        {ch.config.id, QJsonDocument(json).toJson(QJsonDocument::Compact), m_clock.nowMs()});
    if (!r)
        return r.error();
    return Ok {};
}

void Notifier::saveChannel(const QJsonObject &definition, const QString &secret,
                           const QString &actor, Saved done)
{
    save(definition, secret, actor, false, std::move(done));
}

void Notifier::adoptChannel(const QJsonObject &definition, const QString &secret, Saved done)
{
    save(definition, secret, QStringLiteral("configuration"), true, std::move(done));
}

void Notifier::save(const QJsonObject &definition, const QString &secret, const QString &actor,
                    bool keepUnstored, Saved done)
{
    auto config = ChannelConfig::fromJson(definition);
    if (!config)
        return done(config.error());
    const QString id = config->id;
    const bool had = m_channels.contains(id) && m_channels[id].hasSecret
        && m_channels[id].config.type == config->type;
    if (secret.isEmpty() && config->needsSecret() && !had)
        return done(makeError(
            QStringLiteral("a new %1 channel needs its secret (%2)")
                .arg(config->type,
                     config->type == QLatin1String("pagerduty") ? QStringLiteral("the routing key")
                         : config->type == QLatin1String("opsgenie") ? QStringLiteral("the API key")
                         : config->type == QLatin1String("sms")
                         ? QStringLiteral("the Twilio auth token")
                         : QStringLiteral("the webhook URL")),
            QStringLiteral("secret")));
    if (Status st = config->checkSecret(secret); !st)
        return done(st.error());
    const auto commit = [this, config = *config, done, actor, secretChanged = !secret.isEmpty(),
                         hasSecret = had || !secret.isEmpty()](const QString &unstored) {
        Channel &ch = m_channels[config.id];
        ch.config = config;
        ch.hasSecret = hasSecret;
        if (!ch.timer) {
            ch.timer = new QTimer(this);
            ch.timer->setSingleShot(true);
            const QString id = config.id;
            connect(ch.timer, &QTimer::timeout, this, [this, id] { pump(id); });
        }
        Status st = m_db.transaction([&]() -> Status {
            if (Status stored = store(ch); !stored)
                return stored;
            // The secret itself never: only that it changed.
            return audit(m_audit, QStringLiteral("channel.saved"), actor,
                         {{QStringLiteral("channel_id"), config.id},
                          {QStringLiteral("type"), config.type},
                          {QStringLiteral("secret_changed"), secretChanged}});
        });
        if (!st)
            return done(st.error());
        qCInfo(lcNotify) << "channel" << config.id << "saved," << config.type;
        Q_EMIT channelsChanged();
        // Notices that waited for a channel (the first start) go now.
        QTimer::singleShot(0, this, &Notifier::dispatch);
        QJsonObject json = ch.config.toJson();
        json.insert(QStringLiteral("has_secret"), ch.hasSecret);
        if (!unstored.isEmpty())
            json.insert(QStringLiteral("secret_not_stored"), unstored);
        done(json);
    };
    if (secret.isEmpty())
        return commit({});
    m_secrets.write(config->secretKey(), secret,
                    [this, id, secret, commit, done, keepUnstored](Status st) {
                        if (!st && !keepUnstored)
                            return done(makeError(QStringLiteral("the secret could not be "
                                                                 "stored: ")
                                                      + st.error().message,
                                                  QStringLiteral("secret")));
                        // Stored, or (from the configuration) held for this run only.
                        m_secretCache.insert(id, secret);
                        commit(st ? QString() : st.error().message);
                    });
}

void Notifier::removeChannel(const QString &id, const QString &actor, Done done)
{
    Channel *ch = channel(id);
    if (!ch)
        return done(notFound(QStringLiteral("no channel \"%1\"").arg(id), QStringLiteral("id")));
    const QString key = ch->config.secretKey();
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("DELETE FROM notification_channels WHERE id = ?"), {id});
        if (!r)
            return r.error();
        return audit(m_audit, QStringLiteral("channel.removed"), actor,
                     {{QStringLiteral("channel_id"), id}});
    });
    if (!st)
        return done(st.error());
    delete ch->timer;
    m_channels.remove(id);
    m_secretCache.remove(id);
    Q_EMIT channelsChanged();
    Q_EMIT failingChanged();
    m_secrets.remove(key, [done](Status) { done(Ok {}); });
}

void Notifier::sendTest(const QString &id, Done done)
{
    if (!channel(id))
        return done(notFound(QStringLiteral("no channel \"%1\"").arg(id), QStringLiteral("id")));
    Job job;
    job.notice = notice({}, QStringLiteral("test"));
    job.done = std::move(done);
    enqueue(id, std::move(job));
}

QJsonObject Notifier::summary() const
{
    int notified = 0;
    int unnotified = 0;
    for (const auto &v : m_book.pagingAlerts()) {
        if (v.toObject().value(QLatin1String("notified")).toBool())
            ++notified;
        else
            ++unnotified;
    }
    QJsonObject channels;
    for (const Channel &ch : m_channels) {
        channels.insert(ch.config.id,
                        QJsonObject {{QStringLiteral("type"), ch.config.type},
                                     {QStringLiteral("enabled"), ch.config.enabled},
                                     {QStringLiteral("last_status"), ch.lastStatus},
                                     {QStringLiteral("last_at"), ch.lastAt},
                                     {QStringLiteral("failing"), ch.failing}});
    }
    return {{QStringLiteral("sent"), notified > 0 && unnotified == 0},
            {QStringLiteral("alerts_notified"), notified},
            {QStringLiteral("alerts_not_notified"), unnotified},
            {QStringLiteral("channels"), channels}};
}

QList<AlertRules::ChannelFailure> Notifier::failing() const
{
    QList<AlertRules::ChannelFailure> out;
    for (const Channel &ch : m_channels) {
        if (ch.failing)
            out.append({ch.config.id, ch.config.name, ch.lastError});
    }
    std::sort(out.begin(), out.end(),
              [](const AlertRules::ChannelFailure &a, const AlertRules::ChannelFailure &b) {
                  return a.id < b.id;
              });
    return out;
}

Notifier::Channel *Notifier::channel(const QString &id)
{
    auto it = m_channels.find(id);
    return it == m_channels.end() ? nullptr : &it.value();
}

void Notifier::enqueue(const QString &id, Job job)
{
    channel(id)->queue.append(std::move(job)); // QQueue::enqueue has no move overload
    pump(id);
}

void Notifier::pump(const QString &id)
{
    Channel *ch = channel(id);
    if (!ch || ch->current || ch->queue.isEmpty())
        return;
    const qint64 wait = ch->nextAllowedMs - m_elapsed.elapsed();
    if (wait > 0) {
        // The rate limit: the next message goes out when the channel may take it.
        if (!ch->timer->isActive())
            ch->timer->start(int(wait));
        return;
    }
    ch->current = ch->queue.dequeue();
    attempt(id);
}

void Notifier::attempt(const QString &id)
{
    Channel *ch = channel(id);
    if (!ch || !ch->current)
        return;
    ++ch->current->attempts;
    if (const auto cached = m_secretCache.constFind(id); cached != m_secretCache.constEnd())
        return send(id, *cached);
    if (!ch->config.needsSecret() && !ch->hasSecret)
        return send(id, QString());
    m_secrets.read(ch->config.secretKey(), [this, id](Result<QString> secret) {
        if (!secret)
            return outcome(id, 0,
                           QStringLiteral("the secret is not in the keychain: ")
                               + secret.error().message,
                           true, 0);
        m_secretCache.insert(id, *secret);
        send(id, *secret);
    });
}

QNetworkReply *Notifier::post(const QUrl &url, const QByteArray &body,
                              const QByteArray &contentType, const QByteArray &authorization)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("Switchboard/" SWITCHBOARD_VERSION));
    request.setTransferTimeout(HttpTimeoutMs);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    return m_network->post(request, body);
}

void Notifier::send(const QString &id, const QString &secret)
{
    Channel *ch = channel(id);
    if (!ch || !ch->current)
        return;
    const ChannelConfig &c = ch->config;
    const Notice &notice = ch->current->notice;
    ch->nextAllowedMs = m_elapsed.elapsed() + 60000 / c.effectivePerMinute();
    const QByteArray json = QByteArrayLiteral("application/json");
    if (c.type == QLatin1String("slack")) {
        watch(id, post(QUrl(secret), ChannelPayloads::slack(notice), json));
    } else if (c.type == QLatin1String("webhook")) {
        watch(id, post(QUrl(secret), ChannelPayloads::webhook(notice), json));
    } else if (c.type == QLatin1String("pagerduty")) {
        watch(id,
              post(QUrl(c.settings.value(QLatin1String("url")).toString()),
                   ChannelPayloads::pagerDuty(notice, secret), json));
    } else if (c.type == QLatin1String("opsgenie")) {
        const ChannelPayloads::Request r = ChannelPayloads::opsGenie(
            notice, QUrl(c.settings.value(QLatin1String("url")).toString()));
        watch(id, post(r.url, r.body, json, "GenieKey " + secret.toUtf8()));
    } else if (c.type == QLatin1String("sms")) {
        const QString sid = c.settings.value(QLatin1String("account_sid")).toString();
        const QJsonArray to = c.settings.value(QLatin1String("to")).toArray();
        QUrl url(c.settings.value(QLatin1String("api_url")).toString());
        url.setPath(QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(sid));
        watch(id,
              post(url,
                   ChannelPayloads::twilioForm(notice,
                                               c.settings.value(QLatin1String("from")).toString(),
                                               to.at(ch->current->recipient).toString()),
                   QByteArrayLiteral("application/x-www-form-urlencoded"),
                   "Basic " + (sid + QLatin1Char(':') + secret).toUtf8().toBase64()));
    } else {
        SmtpSender::Mail mail;
        mail.server = QUrl(c.settings.value(QLatin1String("smtp_url")).toString());
        mail.username = c.settings.value(QLatin1String("username")).toString();
        mail.password = secret;
        mail.from = c.settings.value(QLatin1String("from")).toString();
        for (const auto &v : c.settings.value(QLatin1String("to")).toArray())
            mail.to << v.toString();
        mail.message = ChannelPayloads::email(notice, mail.from, mail.to, m_clock.now());
        m_smtp->send(mail, [this, id](Status st) {
            if (st)
                return outcome(id, 250, QString(), false, 0);
            // A refused sender or recipient (5xx) will not get better by itself.
            const bool permanent = st.error().message.startsWith(QLatin1String("SMTP 5"));
            outcome(id, 0, st.error().message, !permanent, 0);
        });
    }
}

void Notifier::watch(const QString &id, QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status >= 200 && status < 300)
            return outcome(id, status, QString(), false, 0);
        if (status == 0)
            return outcome(id, 0, networkError(reply->error()), true, 0);
        const int retryAfter = reply->rawHeader("Retry-After").toInt() * 1000;
        const QString body = QString::fromUtf8(reply->read(200)).simplified();
        outcome(id, status,
                QStringLiteral("HTTP %1%2")
                    .arg(status)
                    .arg(body.isEmpty() ? QString() : QStringLiteral(": ") + body),
                status == 429 || status >= 500, retryAfter);
    });
}

void Notifier::outcome(const QString &id, int httpStatus, const QString &error, bool transient,
                       int retryAfterMs)
{
    Channel *ch = channel(id);
    if (!ch || !ch->current)
        return;
    Job &job = *ch->current;
    if (error.isEmpty()) {
        // SMS goes to each number in turn.
        const int numbers = int(ch->config.settings.value(QLatin1String("to")).toArray().size());
        if (ch->config.type == QLatin1String("sms") && job.recipient + 1 < numbers) {
            ++job.recipient;
            return attempt(id);
        }
        return settle(*ch, QStringLiteral("sent"), httpStatus, QString());
    }
    qCWarning(lcNotify) << "channel" << id << "delivery attempt" << job.attempts
                        << "failed:" << error;
    if (!transient || job.attempts >= m_attempts)
        return settle(*ch, QStringLiteral("failed"), httpStatus, error);
    if (job.deliveryId)
        m_book.updateDelivery(job.deliveryId, QStringLiteral("retrying"), job.attempts, httpStatus,
                              error);
    const int delay = std::min(
        MaxDelayMs, std::max(retryAfterMs, m_baseDelayMs << std::min(job.attempts - 1, 10)));
    QTimer::singleShot(delay, this, [this, id] { attempt(id); });
}

void Notifier::settle(Channel &ch, const QString &status, int httpStatus, const QString &error)
{
    Job job = std::move(*ch.current);
    ch.current.reset();
    if (job.deliveryId) {
        m_book.updateDelivery(job.deliveryId, status, job.attempts, httpStatus, error);
        // Someone was told only once a channel took it.
        if (status == QLatin1String("sent"))
            m_book.markDelivered(job.notice.alert.value(QLatin1String("id")).toInteger());
    }
    const bool failing = status != QLatin1String("sent");
    ch.lastStatus = status;
    ch.lastError = error;
    ch.lastAt = m_clock.now().toString(Qt::ISODateWithMs);
    const QString id = ch.config.id;
    if (failing != ch.failing) {
        ch.failing = failing;
        Q_EMIT failingChanged();
    }
    qCInfo(lcNotify) << "channel" << id << job.notice.event << status << "after" << job.attempts
                     << (job.attempts == 1 ? "attempt" : "attempts");
    Q_EMIT channelsChanged();
    if (job.done)
        job.done(failing ? Status(makeError(error)) : Status(Ok {}));
    pump(id);
}

} // namespace Switchboard
