#include "net/httpservice.h"

#include <QJsonDocument>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QWebSocketServer>

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
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
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
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

HttpReply::HttpReply(QTcpSocket *socket, bool closeAfter)
    : m_state(std::make_shared<State>(State {socket, closeAfter, false}))
{
}

void HttpReply::send(int status, const QByteArray &body, const QByteArray &contentType,
                     const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    if (!m_state || m_state->done)
        return;
    m_state->done = true;
    QTcpSocket *socket = m_state->socket.data();
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    head += "Content-Type: " + contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[key, value] : headers)
        head += key + ": " + value + "\r\n";
    head += m_state->closeAfter ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    socket->write(head + body);
    if (m_state->closeAfter)
        socket->disconnectFromHost();
}

void HttpReply::sendJson(int status, const QJsonObject &object,
                         const QList<QPair<QByteArray, QByteArray>> &headers) const
{
    send(status, QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", headers);
}

void HttpReply::sendError(int status, const QString &message, const QString &field) const
{
    QJsonObject error {{QStringLiteral("error"), message}};
    if (!field.isEmpty())
        error[QStringLiteral("field")] = field;
    sendJson(status, error);
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
    QJsonObject body {{QStringLiteral("error"), error.message}};
    if (!error.field.isEmpty())
        body[QStringLiteral("field")] = error.field;
    QList<QPair<QByteArray, QByteArray>> headers;
    if (error.kind == ErrorKind::Unavailable)
        headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
    sendJson(statusFor(error.kind), body, headers);
}

void HttpReply::abort() const
{
    if (!m_state || m_state->done)
        return;
    m_state->done = true;
    if (QTcpSocket *socket = m_state->socket.data())
        socket->abort();
}

bool HttpReply::isPending() const
{
    return m_state && !m_state->done && m_state->socket;
}

HttpService::HttpService(QObject *parent)
    : QObject(parent)
    , m_webSockets(new QWebSocketServer(QStringLiteral("switchboard"),
                                        QWebSocketServer::NonSecureMode, this))
{
    connect(m_webSockets, &QWebSocketServer::newConnection, this, [this] {
        while (m_webSockets->hasPendingConnections())
            Q_EMIT webSocketConnected(m_webSockets->nextPendingConnection());
    });
}

HttpService::~HttpService() = default;

void HttpService::route(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.append(
        {method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler)});
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
            m_tcp = ssl;
        } else {
            m_tcp = new QTcpServer(this);
        }
        connect(m_tcp, &QTcpServer::pendingConnectionAvailable, this,
                &HttpService::onNewConnection);
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
    const auto sockets = m_sockets;
    m_sockets.clear();
    for (const QPointer<QTcpSocket> &socket : sockets) {
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
        m_sockets.removeAll(nullptr);
        m_sockets.append(socket);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void HttpService::onReadyRead(QTcpSocket *socket)
{
    // Requests are taken from the socket only once complete; until then the bytes wait there.
    while (socket->state() == QAbstractSocket::ConnectedState) {
        const QByteArray available =
            socket->peek(qMin<qint64>(socket->bytesAvailable(), MaxHeaderBytes + 4));
        const qsizetype headerEnd = available.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (available.size() > MaxHeaderBytes) {
                HttpReply(socket, true)
                    .sendError(431, QStringLiteral("the request headers are too large"));
            }
            return;
        }
        const QList<QByteArray> lines = available.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            HttpReply(socket, true).sendError(400, QStringLiteral("malformed HTTP request line"));
            return;
        }
        HttpRequest request;
        request.method = requestLine.at(0);
        const QUrl url = QUrl::fromEncoded(requestLine.at(1));
        request.path = url.path();
        request.query = QUrlQuery(url);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }

        if (request.header("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0) {
            // The handshake is still unread in the socket; QWebSocketServer takes it from here.
            disconnect(socket, &QTcpSocket::readyRead, this, nullptr);
            m_sockets.removeAll(socket);
            m_webSockets->handleConnection(socket);
            Q_EMIT socket->readyRead();
            return;
        }

        bool lengthOk = true;
        const QByteArray lengthHeader = request.header("Content-Length");
        const qint64 length = lengthHeader.isEmpty() ? 0 : lengthHeader.toLongLong(&lengthOk);
        if (!lengthOk || length < 0 || !request.header("Transfer-Encoding").isEmpty()) {
            HttpReply(socket, true)
                .sendError(400, QStringLiteral("send the body with a Content-Length"));
            return;
        }
        if (length > MaxBodyBytes) {
            HttpReply(socket, true)
                .sendError(
                    413,
                    QStringLiteral("the request body is larger than %1 bytes").arg(MaxBodyBytes));
            return;
        }
        if (socket->bytesAvailable() < headerEnd + 4 + length)
            return; // the body is still arriving
        socket->skip(headerEnd + 4);
        request.body = socket->read(length);

        const bool close = request.header("Connection").compare("close", Qt::CaseInsensitive) == 0;
        dispatch(request, HttpReply(socket, close));
        if (close)
            return;
    }
}

void HttpService::dispatch(HttpRequest &req, const HttpReply &reply)
{
    if (!filter(req, reply))
        return;
    const QStringList segments = req.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    bool pathMatched = false;
    for (const Route &route : std::as_const(m_routes)) {
        if (route.segments.size() != segments.size())
            continue;
        QStringList params;
        bool match = true;
        for (int i = 0; i < segments.size() && match; ++i) {
            const QString &p = route.segments.at(i);
            if (p.startsWith(QLatin1Char('{')))
                params.append(segments.at(i));
            else
                match = p == segments.at(i);
        }
        if (!match)
            continue;
        pathMatched = true;
        if (route.method != req.method)
            continue;
        route.handler(req, reply, params);
        return;
    }
    if (pathMatched)
        reply.sendError(405,
                        QStringLiteral("method %1 is not allowed on %2")
                            .arg(QString::fromLatin1(req.method), req.path));
    else
        reply.sendError(404, QStringLiteral("no such resource: %1").arg(req.path));
}

} // namespace Switchboard
