#pragma once

#include "common/result.h"

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
    QByteArray method; // "GET", "POST", …
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString role; // set by an authenticating filter: "admin", "manager", "support", "viewer"
    QString actor; // who the token stands for (audit entries, task claims)

    // Case-insensitive header lookup; empty when absent.
    QByteArray header(const QByteArray &name) const;
    // The body as a JSON object; an empty body is an empty object.
    Result<QJsonObject> jsonBody() const;
};

// A handle to answer one request, now or later. Copies share the same answer; the first
// send wins. The socket is checked before every write, since a client may have gone.
class HttpReply
{
public:
    HttpReply() = default;
    HttpReply(QTcpSocket *socket, bool closeAfter);

    void send(int status, const QByteArray &body,
              const QByteArray &contentType = "application/json",
              const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    void sendJson(int status, const QJsonObject &object,
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}) const;
    // {"error": message, "field": field}
    void sendError(int status, const QString &message, const QString &field = {}) const;
    // The same, with the status that the error's kind calls for (statusFor).
    void sendError(const Error &error) const;
    // invalid 400, not found 404, conflict 409, unavailable 503 (with Retry-After), internal 500.
    static int statusFor(ErrorKind kind);
    // Drops the connection without an answer.
    void abort() const;
    bool isPending() const;

private:
    struct State
    {
        QPointer<QTcpSocket> socket;
        bool closeAfter = false;
        bool done = false;
    };
    std::shared_ptr<State> m_state;
};

// A small HTTP/1.1 server: a route table with {param} segments, JSON errors for unknown routes
// and wrong methods, WebSocket upgrades handed to QWebSocketServer, and listen/close that can
// be repeated (the simulator's "down"). Written on QTcpServer because QAbstractHttpServer in
// Qt 6.4 does not recognise WebSocket upgrades and cannot answer after its handler returns.
class HttpService : public QObject
{
    Q_OBJECT

public:
    using Handler =
        std::function<void(const HttpRequest &, const HttpReply &, const QStringList &params)>;

    explicit HttpService(QObject *parent = nullptr);
    ~HttpService() override;

    void route(const QByteArray &method, const QString &pattern, Handler handler);

    // Port 0 picks a free port; the result is the port listened on.
    // Serve HTTPS (QSslServer) from the next listenOn on; a null configuration: plain HTTP.
    void setTls(const QSslConfiguration &tls);
    Result<quint16> listenOn(const QHostAddress &address, quint16 port);
    // Stops listening and drops every open connection.
    void closeAll();
    bool isListening() const;
    quint16 port() const;

    static constexpr qsizetype MaxHeaderBytes = 64LL * 1024;
    static constexpr qsizetype MaxBodyBytes = 16LL * 1024 * 1024;

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
    };

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void dispatch(HttpRequest &request, const HttpReply &reply);

    QTcpServer *m_tcp = nullptr;
    std::unique_ptr<QSslConfiguration> m_tls;
    QWebSocketServer *m_webSockets;
    QList<Route> m_routes;
    QList<QPointer<QTcpSocket>> m_sockets; // open connections, for closeAll()
};

QByteArray httpReasonPhrase(int status);

} // namespace Switchboard
