#pragma once

#include "common/result.h"
#include "net/httpconnection.h"
#include "net/httprequestparser.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>
#include <functional>
#include <memory>

class QSslConfiguration;
class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace Switchboard {

struct HttpRequest
{
    QByteArray method; // "GET", "POST", … (HEAD is routed as GET)
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString role; // set by an authenticating filter: "admin", "manager", "support", "viewer"
    QString actor; // who the token stands for (audit entries, task claims)
    QStringList queues; // the review queues a person is limited to; empty: all
    // Set by the authenticating filter: notes a request its role may not make (the audit).
    std::function<void(const HttpRequest &request, const QString &needed)> refused;

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
    // The body as a JSON object; an empty body is an empty object.
    Result<QJsonObject> jsonBody() const;
};

// A handle to answer one request, now or later. Copies share the same answer; the first
// send wins. Answers go out in the order their requests came (HttpConnection), and a reply
// whose client has gone is dropped.
class HttpReply
{
public:
    HttpReply() = default;
    // head: a HEAD request, answered without the body (its Content-Length kept).
    HttpReply(HttpConnection *connection, quint64 seq, bool closeAfter, bool head);

    void send(int status, const QByteArray &body,
              const QByteArray &contentType = "application/json",
              const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    void sendJson(int status, const QJsonObject &object,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    // errorBody(status, message, field)
    void sendError(int status, const QString &message, const QString &field = {}) const;
    // The same, with the status that the error's kind calls for (statusFor).
    void sendError(const Error &error) const;
    // invalid 400, not found 404, conflict 409, unavailable 503 (with Retry-After), internal 500.
    static int statusFor(ErrorKind kind);
    // {"success": false, "error", "field"?}; a 5xx also carries the seed's error_type, stage,
    // trace_id, timestamp and metadata.
    static QJsonObject errorBody(int status, const QString &message, const QString &field = {});
    // A header every answer to this request carries (X-Correlation-ID).
    void addHeader(const QByteArray &name, const QByteArray &value) const;
    // Drops the connection without an answer.
    void abort() const;
    bool isPending() const;

private:
    struct State
    {
        QPointer<HttpConnection> connection;
        quint64 seq = 0;
        bool closeAfter = false;
        bool head = false;
        bool done = false;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    std::shared_ptr<State> m_state;
};

// A small HTTP/1.1 server: a route table with {param} segments and a body limit per route, JSON
// errors for unknown routes and wrong methods, WebSocket upgrades on the paths that serve them
// handed to QWebSocketServer, a bound on connections, and listen/close that can be repeated
// (the simulator's "down"). Written on QTcpServer because QAbstractHttpServer in Qt 6.4 does
// not recognise WebSocket upgrades and cannot answer after its handler returns.
class HttpService : public QObject
{
    Q_OBJECT

public:
    using Handler =
        std::function<void(const HttpRequest &, const HttpReply &, const QStringList &params)>;

    explicit HttpService(QObject *parent = nullptr);
    ~HttpService() override;

    // maxBody: the largest request body the route takes (-1: the service's limit).
    void route(const QByteArray &method, const QString &pattern, Handler handler,
               qsizetype maxBody = -1);
    // The path upgrades to a WebSocket (after filter() lets the handshake through); an upgrade
    // anywhere else is served as a plain request.
    void webSocketRoute(const QString &path);

    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    const HttpLimits &limits() const { return m_limits; }
    // For connections accepted from now on.
    void setTimeouts(const HttpTimeouts &timeouts);
    // Open connections at most; at the bound the oldest idle one makes room, and without an
    // idle one a newcomer gets 503. Also kept under the process's descriptor limit.
    void setMaxConnections(int connections);
    int maxConnections() const { return m_maxConnections; }
    void setMaxWebSockets(int sockets) { m_maxWebSockets = sockets; }
    int connectionCount() const { return int(m_connections.size()); }
    int webSocketCount() const { return int(m_openWebSockets.size()); }

    // Answers wait until what was stored before them is durable: whenDurable(fn) runs fn then
    // (the core passes its database's). Without one, answers go out when they are ready.
    void setDurability(std::function<void(std::function<void()>)> whenDurable)
    {
        m_whenDurable = std::move(whenDurable);
    }
    void whenDurable(std::function<void()> fn) const
    {
        m_whenDurable ? m_whenDurable(std::move(fn)) : fn();
    }

    // Port 0 picks a free port; the result is the port listened on.
    // Serve HTTPS (QSslServer) from the next listenOn on; a null configuration: plain HTTP.
    void setTls(const QSslConfiguration &tls);
    Result<quint16> listenOn(const QHostAddress &address, quint16 port);
    // Stops listening and drops every open connection, WebSockets included.
    void closeAll();
    bool isListening() const;
    quint16 port() const;

    // For HttpConnection:
    // The body limit of the route the request goes to.
    qsizetype bodyLimit(const HttpMessage &message) const;
    void handle(const HttpMessage &message, const HttpReply &reply);
    bool servesWebSocket(const HttpMessage &message) const;
    // Runs filter() on a handshake and checks the bound; false when it answered (refused).
    bool admitWebSocket(const HttpMessage &message, const HttpReply &reply);
    void handOverWebSocket(QTcpSocket *socket);

Q_SIGNALS:
    // A WebSocket client connected; the receiver takes ownership of socket.
    void webSocketConnected(QWebSocket *socket);

protected:
    // Runs before routing; returns false when it has answered the request itself.
    virtual bool filter(HttpRequest &request, const HttpReply &reply);

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Handler handler;
        qsizetype maxBody = -1;
    };

    void onNewConnection();
    void dispatch(HttpRequest &request, const HttpReply &reply);
    // The route for method and path, with its parameters; null when none. allowed: the methods
    // the path takes.
    const Route *match(const QByteArray &method, const QString &path, QStringList *params,
                       QByteArrayList *allowed) const;
    static HttpRequest toRequest(const HttpMessage &message);

    QTcpServer *m_tcp = nullptr;
    std::unique_ptr<QSslConfiguration> m_tls;
    QWebSocketServer *m_webSockets;
    QList<Route> m_routes;
    QStringList m_webSocketPaths;
    HttpLimits m_limits;
    HttpTimeouts m_timeouts;
    std::function<void(std::function<void()>)> m_whenDurable;
    int m_maxConnections = 1000;
    int m_maxWebSockets = 256;
    QList<QWebSocket *> m_openWebSockets; // handed out, until destroyed
    std::deque<HttpConnection *> m_connections; // oldest first
};

QByteArray httpReasonPhrase(int status);

} // namespace Switchboard
