#include "net/httpservice.h"

#include "tracing/tracecontext.h"

#include <QJsonDocument>
#include <QMetaMethod>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>
#include <QWebSocketServer>
#include <sys/resource.h>

namespace Switchboard {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Result<QJsonObject> HttpRequest::jsonBody() const
{
    if (body.trimmed().isEmpty())
        return QJsonObject();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(QStringLiteral("the request body is not valid JSON (offset %1: %2)")
                             .arg(error.offset)
                             .arg(error.errorString()));
    if (!doc.isObject())
        return makeError(QStringLiteral("the request body must be a JSON object"));
    return doc.object();
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        break;
    }
    // RFC 9110 15: an unknown status is understood by its class.
    switch (status / 100) {
    case 1:
        return "Informational";
    case 2:
        return "Success";
    case 3:
        return "Redirection";
    case 4:
        return "Client Error";
    default:
        return "Server Error";
    }
}

HttpReply::HttpReply(HttpConnection *connection, quint64 seq, bool closeAfter, bool head)
    : m_state(std::make_shared<State>(State {connection, seq, closeAfter, head, false, {}}))
{
}

void HttpReply::send(int status, const QByteArray &body, const QByteArray &contentType,
                     const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    if (!m_state || m_state->done)
        return;
    m_state->done = true;
    HttpConnection *connection = m_state->connection.data();
    if (!connection)
        return;
    QByteArray bytes =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    bytes += "Content-Type: " + contentType + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[key, value] : headers)
        bytes += key + ": " + value + "\r\n";
    for (const auto &[key, value] : std::as_const(m_state->headers))
        bytes += key + ": " + value + "\r\n";
    bytes += m_state->closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    if (!m_state->head)
        bytes += body;
    connection->answer(m_state->seq, std::move(bytes), m_state->closeAfter);
}

void HttpReply::addHeader(const QByteArray &name, const QByteArray &value) const
{
    if (m_state)
        m_state->headers.append({name, value});
}

void HttpReply::sendJson(int status, const QJsonObject &object,
                         const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    send(status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", headers);
}

QJsonObject HttpReply::errorBody(int status, const QString &message, const QString &field)
{
    QJsonObject body {{QStringLiteral("success"), false}, {QStringLiteral("error"), message}};
    if (!field.isEmpty())
        body[QStringLiteral("field")] = field;
    if (status < 500)
        return body;
    // A failure of the core, in the primary specification's error document ("Error Response
    // (500)"), with the trace it happened in.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QByteArray trace = TraceContext::current().traceId;
    body[QStringLiteral("error_type")] =
        status == 503 ? QStringLiteral("UnavailableError") : QStringLiteral("OrchestrationError");
    body[QStringLiteral("stage")] = field.isEmpty() ? QStringLiteral("request") : field;
    body[QStringLiteral("trace_id")] = trace.isEmpty()
        ? QStringLiteral("MANAGER-%1").arg(now.toMSecsSinceEpoch())
        : QString::fromLatin1(trace);
    body[QStringLiteral("timestamp")] = now.toString(Qt::ISODateWithMs);
    body[QStringLiteral("metadata")] =
        QJsonObject {{QStringLiteral("module"), QStringLiteral("10_System_Orchestration_Manager")},
                     {QStringLiteral("version"), QStringLiteral(SWITCHBOARD_VERSION)},
                     {QStringLiteral("handler"), QStringLiteral("error_handler")}};
    return body;
}

void HttpReply::sendError(int status, const QString &message, const QString &field) const
{
    sendJson(status, errorBody(status, message, field));
}

int HttpReply::statusFor(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Invalid:
        return 400;
    case ErrorKind::NotFound:
        return 404;
    case ErrorKind::Conflict:
        return 409;
    case ErrorKind::Unavailable:
        return 503;
    case ErrorKind::Internal:
        return 500;
    }
    return 500;
}

void HttpReply::sendError(const Error &error) const
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (error.kind == ErrorKind::Unavailable)
        headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    const int status = statusFor(error.kind);
    sendJson(status, errorBody(status, error.message, error.field), headers);
}

void HttpReply::abort() const
{
    if (!m_state || m_state->done)
        return;
    m_state->done = true;
    if (HttpConnection *connection = m_state->connection.data())
        connection->drop();
}

bool HttpReply::isPending() const
{
    return m_state && !m_state->done && m_state->connection;
}

HttpService::HttpService(QObject *parent)
    : QObject(parent)
    , m_webSockets(new QWebSocketServer(QStringLiteral("switchboard"),
                                        QWebSocketServer::NonSecureMode, this))
{
    setTimeouts(m_timeouts);
    connect(m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (m_webSockets->hasPendingConnections()) {
            QWebSocket *socket = m_webSockets->nextPendingConnection();
            m_openWebSockets.append(socket);
            connect(socket, &QObject::destroyed, this,
                    [this, socket] { m_openWebSockets.removeOne(socket); });
            if (isSignalConnected(QMetaMethod::fromSignal(&HttpService::webSocketConnected))) {
                Q_EMIT webSocketConnected(socket); // the receiver owns it
            } else {
                socket->close(QWebSocketProtocol::CloseCodeGoingAway);
                socket->deleteLater();
            }
        }
    });
    setMaxConnections(m_maxConnections);
}

HttpService::~HttpService()
{
    for (HttpConnection *connection : m_connections)
        disconnect(connection, nullptr, this, nullptr);
}

void HttpService::route(const QByteArray &method, const QString &pattern, Handler handler,
                        qsizetype maxBody)
{
    m_routes.append(
        {method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler), maxBody});
}

void HttpService::setTimeouts(const HttpTimeouts &timeouts)
{
    m_timeouts = timeouts;
    m_webSockets->setHandshakeTimeout(std::chrono::milliseconds(timeouts.headerMs));
}

void HttpService::webSocketRoute(const QString &path)
{
    m_webSocketPaths.append(path);
}

void HttpService::setMaxConnections(int connections)
{
    // Room for the database, the log, the module calls and the listening socket itself.
    rlimit files {};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY)
        connections = int(
            std::min<rlim_t>(rlim_t(connections), files.rlim_cur > 128 ? files.rlim_cur - 96 : 32));
    m_maxConnections = std::max(connections, 1);
}

void HttpService::setTls(const QSslConfiguration &tls)
{
    m_tls = tls.isNull() ? nullptr : std::make_unique<QSslConfiguration>(tls);
}

Result<quint16> HttpService::listenOn(const QHostAddress &address, quint16 port)
{
    if (!m_tcp) {
        if (m_tls) {
            // Connections come out of it once their TLS handshake is done.
            auto *ssl = new QSslServer(this);
            ssl->setSslConfiguration(*m_tls);
            ssl->setHandshakeTimeout(m_timeouts.headerMs); // a stalled handshake is slowloris too
            m_tcp = ssl;
        } else {
            m_tcp = new QTcpServer(this);
        }
        connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this,
                &HttpService::onNewConnection);
        // Out of descriptors: accepting pauses and tries again shortly, instead of spinning.
        connect(m_tcp, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
            m_tcp->pauseAccepting();
            QTimer::singleShot(250, this, [this] {
                if (m_tcp && m_tcp->isListening())
                    m_tcp->resumeAccepting();
            });
        });
    }
    if (!m_tcp->isListening() && !m_tcp->listen(address, port)) {
        return makeError(QStringLiteral("cannot listen on %1:%2: %3")
                             .arg(address.toString())
                             .arg(port)
                             .arg(m_tcp->errorString()));
    }
    return m_tcp->serverPort();
}

void HttpService::closeAll()
{
    if (m_tcp)
        m_tcp->close();
    const auto connections = m_connections;
    m_connections.clear();
    for (HttpConnection *connection : connections) {
        disconnect(connection, nullptr, this, nullptr);
        connection->drop();
    }
    // Over guarded copies: whoever owns a socket may delete it when it drops.
    QList<QPointer<QWebSocket>> sockets;
    for (QWebSocket *socket : std::as_const(m_openWebSockets))
        sockets.append(socket);
    for (const QPointer<QWebSocket> &socket : std::as_const(sockets)) {
        if (socket)
            socket->abort();
    }
}

bool HttpService::isListening() const
{
    return m_tcp && m_tcp->isListening();
}

quint16 HttpService::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

bool HttpService::filter(HttpRequest &, const HttpReply &)
{
    return true;
}

void HttpService::onNewConnection()
{
    while (QTcpSocket *socket = m_tcp->nextPendingConnection()) {
        if (int(m_connections.size()) >= m_maxConnections) {
            // The oldest connection with nothing to do makes room; without one, the newcomer
            // is told to come back.
            const auto idle = std::find_if(m_connections.begin(), m_connections.end(),
                                           [](HttpConnection *c) { return c->isIdle(); });
            if (idle == m_connections.end()) {
                socket->write(
                    "HTTP/1.1 503 Service Unavailable\r\nContent-Type: "
                    "application/json\r\nContent-Length: 37\r\nRetry-After: "
                    "1\r\nConnection: close\r\n\r\n{\"error\":\"too many open connections\"}");
                socket->disconnectFromHost();
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QTimer::singleShot(m_timeouts.lingerMs, socket, &QTcpSocket::abort);
                continue;
            }
            HttpConnection *oldest = *idle;
            m_connections.erase(idle);
            disconnect(oldest, nullptr, this, nullptr);
            oldest->drop();
        }
        auto *connection = new HttpConnection(socket, *this, m_limits, m_timeouts);
        m_connections.push_back(connection);
        connect(connection, &HttpConnection::closed, this, [this](HttpConnection *c) {
            m_connections.erase(std::remove(m_connections.begin(), m_connections.end(), c),
                                m_connections.end());
        });
    }
}

HttpRequest HttpService::toRequest(const HttpMessage &message)
{
    HttpRequest request;
    request.method = message.method;
    const QUrl url = QUrl::fromEncoded(message.target);
    request.path = url.path();
    request.query = QUrlQuery(url);
    request.headers = message.headers;
    request.body = message.body;
    return request;
}

const HttpService::Route *HttpService::match(const QByteArray &method, const QString &path,
                                             QStringList *params, QByteArrayList *allowed) const
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArray routed = method == "HEAD" ? QByteArray("GET") : method;
    for (const Route &route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList found;
        bool same = true;
        for (qsizetype i = 0; i < segments.size() && same; ++i) {
            const QString &p = route.segments.at(i);
            if (p.startsWith(QLatin1Char('{')))
                found.append(segments.at(i));
            else
                same = p == segments.at(i);
        }
        if (!same)
            continue;
        if (route.method != routed) {
            if (allowed && !allowed->contains(route.method))
                allowed->append(route.method);
            continue;
        }
        if (params)
            *params = found;
        return &route;
    }
    return nullptr;
}

qsizetype HttpService::bodyLimit(const HttpMessage &message) const
{
    const Route *route =
        match(message.method, QUrl::fromEncoded(message.target).path(), nullptr, nullptr);
    return route && route->maxBody >= 0 ? route->maxBody : m_limits.maxBodyBytes;
}

void HttpService::handle(const HttpMessage &message, const HttpReply &reply)
{
    HttpRequest request = toRequest(message);
    dispatch(request, reply);
}

bool HttpService::servesWebSocket(const HttpMessage &message) const
{
    return m_webSocketPaths.contains(QUrl::fromEncoded(message.target).path());
}

bool HttpService::admitWebSocket(const HttpMessage &message, const HttpReply &reply)
{
    HttpRequest request = toRequest(message);
    if (!filter(request, reply))
        return false;
    if (webSocketCount() >= m_maxWebSockets) {
        reply.send(503, R"({"error":"too many open WebSockets"})", "application/json",
                   {{"Retry-After", "5"}});
        return false;
    }
    return true;
}

void HttpService::handOverWebSocket(QTcpSocket *socket)
{
    m_webSockets->handleConnection(socket);
    if (socket->bytesAvailable() > 0)
        Q_EMIT socket->readyRead();
}

void HttpService::dispatch(HttpRequest &req, const HttpReply &reply)
{
    // What the request starts continues its trace; its correlation id comes back with the
    // answer, whatever the answer is.
    const TraceContext::Scope trace(TraceContext::fromHeaders(req.headers));
    if (!TraceContext::current().correlationId.isEmpty())
        reply.addHeader("X-Correlation-ID", TraceContext::current().correlationId.toLatin1());
    if (!filter(req, reply))
        return;
    QStringList params;
    QByteArrayList allowed;
    if (const Route *route = match(req.method, req.path, &params, &allowed)) {
        route->handler(req, reply, params);
        return;
    }
    if (!allowed.isEmpty()) {
        if (allowed.contains("GET"))
            allowed.append("HEAD");
        reply.send(
            405,
            QJsonDocument(QJsonObject {{QStringLiteral("error"),
                                        QStringLiteral("method %1 is not allowed on %2")
                                            .arg(QString::fromLatin1(req.method), req.path)}})
                .toJson(QJsonDocument::Compact),
            "application/json", {{"Allow", allowed.join(", ")}});
        return;
    }
    reply.sendError(404, QStringLiteral("no such resource: %1").arg(req.path));
}

} // namespace Switchboard
