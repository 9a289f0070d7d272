#pragma once

#include "api/livefeed.h"
#include "net/httpservice.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <functional>
#include <optional>

class QWebSocket;

namespace Switchboard {

// GET /api/v1/live: a WebSocket a remote console keeps open. It says hello with the epoch and
// the number of the latest change, then pushes each change (LiveFeed) as a JSON text message
// {seq, kind, data}, shaped for whoever holds the token: patient data masked for a viewer, the
// review tasks of other queues left out for support staff limited to some. ?epoch=&since=
// (after a reconnect) first sends what followed since, or {kind: "reload"} when that is gone.
// A console so far behind that LiveRoute::MaxBacklogBytes wait for it is closed (it catches up
// when it reconnects); a token that expires or is revoked closes the socket within
// RecheckMs.
class LiveRoute final : public QObject
{
    Q_OBJECT

public:
    // Who a bearer token stands for (role, actor, queues set); nullopt when not valid.
    using Identify = std::function<std::optional<HttpRequest>(const QByteArray &token)>;
    LiveRoute(LiveFeed &feed, Identify identify, QObject *parent = nullptr);

    static QString path() { return QStringLiteral("/api/v1/live"); }
    // Takes the socket (HttpService::webSocketConnected).
    void accept(QWebSocket *socket);
    int subscribers() const { return int(m_subscribers.size()); }
    // Checks every token now (tests; otherwise every RecheckMs).
    void recheck();

    static constexpr qint64 MaxBacklogBytes = 4LL * 1024 * 1024;
    static constexpr int RecheckMs = 30000;
    static constexpr int CloseTokenEnded = 4401;
    static constexpr int CloseTooSlow = 4408;

private:
    struct Subscriber
    {
        QByteArray token;
        HttpRequest caller;
    };
    void deliver(QWebSocket *socket, const Subscriber &subscriber, const LiveFeed::Event &event);
    // The event as this caller may see it; nullopt when it is not theirs to see.
    static std::optional<QJsonObject> shaped(const HttpRequest &caller,
                                             const LiveFeed::Event &event);

    LiveFeed &m_feed;
    Identify m_identify;
    QHash<QWebSocket *, Subscriber> m_subscribers;
    QTimer m_recheck;
};

} // namespace Switchboard
