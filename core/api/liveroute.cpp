#include "api/liveroute.h"

#include "api/taskroutes.h"
#include "api/tokenstore.h"
#include "review/reviewdesk.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QWebSocket>

namespace Switchboard {

namespace {

void sendJson(QWebSocket *socket, const QJsonObject &message)
{
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace

LiveRoute::LiveRoute(LiveFeed &feed, Identify identify, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_identify(std::move(identify))
{
    connect(&m_feed, &LiveFeed::published, this, [this](const LiveFeed::Event &event) {
        // Over a copy: a socket closed on the way may leave the list.
        const QHash<QWebSocket *, Subscriber> subscribers = m_subscribers;
        for (auto it = subscribers.cbegin(); it != subscribers.cend(); ++it) {
            if (m_subscribers.contains(it.key()))
                deliver(it.key(), it.value(), event);
        }
    });
    m_recheck.setInterval(RecheckMs);
    connect(&m_recheck, &QTimer::timeout, this, &LiveRoute::recheck);
    m_recheck.start();
}

void LiveRoute::accept(QWebSocket *socket)
{
    socket->setParent(this);
    const QByteArray auth = socket->request().rawHeader("Authorization");
    const QByteArray token = auth.startsWith("Bearer ") ? auth.mid(7).trimmed() : QByteArray();
    const auto caller = m_identify(token);
    if (!caller) { // the handshake was let through a moment ago; the token ended since
        socket->close(QWebSocketProtocol::CloseCode(CloseTokenEnded),
                      QStringLiteral("log in again"));
        socket->deleteLater();
        return;
    }
    connect(socket, &QWebSocket::disconnected, this, [this, socket] {
        m_subscribers.remove(socket);
        socket->deleteLater();
    });
    // What the console sends is not read; the feed only speaks.
    const Subscriber subscriber {token, *caller};
    sendJson(socket,
             {{QStringLiteral("kind"), QStringLiteral("hello")},
              {QStringLiteral("epoch"), m_feed.epoch()},
              {QStringLiteral("seq"), double(m_feed.lastSeq())},
              {QStringLiteral("role"), caller->role},
              {QStringLiteral("name"), caller->actor}});
    const QUrlQuery query(socket->requestUrl());
    if (query.hasQueryItem(QStringLiteral("since"))) {
        bool number = false;
        const quint64 since = query.queryItemValue(QStringLiteral("since")).toULongLong(&number);
        const auto missed = number
            ? m_feed.after(query.queryItemValue(QStringLiteral("epoch")), since)
            : std::nullopt;
        if (!missed) {
            sendJson(socket,
                     {{QStringLiteral("kind"), QStringLiteral("reload")},
                      {QStringLiteral("epoch"), m_feed.epoch()},
                      {QStringLiteral("seq"), double(m_feed.lastSeq())}});
        } else {
            for (const LiveFeed::Event &event : *missed)
                deliver(socket, subscriber, event);
        }
    }
    m_subscribers.insert(socket, subscriber);
}

void LiveRoute::deliver(QWebSocket *socket, const Subscriber &subscriber,
                        const LiveFeed::Event &event)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return;
    if (socket->bytesToWrite() > MaxBacklogBytes) {
        socket->close(QWebSocketProtocol::CloseCode(CloseTooSlow),
                      QStringLiteral("too far behind; reconnect to catch up"));
        return;
    }
    if (const auto message = shaped(subscriber.caller, event))
        sendJson(socket, *message);
}

std::optional<QJsonObject> LiveRoute::shaped(const HttpRequest &caller,
                                             const LiveFeed::Event &event)
{
    QJsonObject data = event.data;
    if (event.kind == QLatin1String("task")) {
        if (!TaskRoutes::mayWorkQueue(caller, data.value(QLatin1String("queue")).toString()))
            return std::nullopt;
        const auto role = roleFromWire(caller.role);
        if (!role || !TokenStore::mayReadPhi(*role))
            data = ReviewDesk::masked(data);
    }
    return QJsonObject {{QStringLiteral("seq"), double(event.seq)},
                        {QStringLiteral("kind"), event.kind},
                        {QStringLiteral("data"), data}};
}

void LiveRoute::recheck()
{
    QList<QWebSocket *> ended;
    for (auto it = m_subscribers.begin(); it != m_subscribers.end(); ++it) {
        if (auto caller = m_identify(it->token))
            it->caller = *caller;
        else
            ended.append(it.key());
    }
    for (QWebSocket *socket : std::as_const(ended))
        socket->close(QWebSocketProtocol::CloseCode(CloseTokenEnded),
                      QStringLiteral("the session has ended; log in again"));
}

} // namespace Switchboard
