#include "net/httpconnection.h"

#include "net/httpservice.h"

#include <QTcpSocket>
#include <QTimerEvent>

namespace Switchboard {

HttpConnection::HttpConnection(QTcpSocket *socket, HttpService &service, const HttpLimits &limits,
                               const HttpTimeouts &timeouts)
    : QObject(&service)
    , m_socket(socket)
    , m_service(service)
    , m_timeouts(timeouts)
    , m_parser(limits,
               [&service](const HttpMessage &message) { return service.bodyLimit(message); })
{
    // Qt reads no more from the kernel than this while the connection is paused, so a client
    // that floods it meets TCP's own flow control.
    socket->setReadBufferSize(64LL * 1024);
    m_lastActivity.start();
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (!paused())
            process();
    });
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        m_closing = true;
        Q_EMIT closed(this);
        deleteLater();
    });
    updateDeadline();
}

HttpConnection::~HttpConnection()
{
    if (m_socket)
        m_socket->deleteLater();
}

bool HttpConnection::paused() const
{
    return m_slots.size() >= MaxPipelined
        || (m_socket && m_socket->bytesToWrite() > WriteBacklogBytes);
}

void HttpConnection::onReadyRead()
{
    if (!m_socket || m_closing)
        return;
    m_lastActivity.start();
    if (paused())
        return; // the bytes wait in the socket (and the kernel) until answers go out
    if (!m_parser.inRequest())
        m_requestStarted.start();
    m_parser.feed(m_socket->readAll());
    process();
}

void HttpConnection::process()
{
    if (m_processing || !m_socket)
        return;
    m_processing = true;
    while (!m_closing && !paused()) {
        if (m_socket->bytesAvailable() > 0) {
            if (!m_parser.inRequest())
                m_requestStarted.start();
            m_parser.feed(m_socket->readAll());
        }
        const HttpRequestParser::State state = m_parser.next();
        if (state == HttpRequestParser::State::NeedMore) {
            // Asked for, and only when no earlier answer is still to come before it.
            if (m_parser.wantsContinue() && m_slots.empty()) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_parser.continueSent();
            }
            break;
        }
        if (state == HttpRequestParser::State::Failed) {
            refuse(m_parser.status(), m_parser.error());
            break;
        }
        HttpMessage message = m_parser.takeMessage();
        if (m_parser.inRequest())
            m_requestStarted.start(); // the next pipelined request has begun
        const bool keepAlive = message.keepAlive();
        const quint64 seq = m_nextSeq++;
        m_slots.push_back(Slot {seq, {}, false, !keepAlive});
        if (!keepAlive)
            m_closing = true;
        const HttpReply reply(this, seq, !keepAlive, message.method == "HEAD");
        if (message.isWebSocketUpgrade() && m_service.servesWebSocket(message)) {
            if (m_slots.size() > 1) {
                reply.sendError(400, QStringLiteral("a WebSocket handshake must not be pipelined"));
                m_closing = true;
                break;
            }
            if (!m_service.admitWebSocket(message, reply))
                continue; // answered: refused
            // Handed over with the handshake put back, unread, for QWebSocketServer.
            m_slots.clear();
            QTcpSocket *socket = m_socket.data();
            disconnect(socket, nullptr, this, nullptr);
            m_socket = nullptr;
            const QByteArray unread = message.rawHead + m_parser.unconsumed();
            for (qsizetype i = unread.size() - 1; i >= 0; --i)
                socket->ungetChar(unread.at(i));
            m_closing = true;
            m_service.handOverWebSocket(socket);
            Q_EMIT closed(this);
            deleteLater();
            m_processing = false;
            return;
        }
        m_service.handle(message, reply);
    }
    m_processing = false;
    flush();
    updateDeadline();
}

void HttpConnection::answer(quint64 seq, QByteArray bytes, bool close)
{
    m_service.whenDurable(
        [self = QPointer<HttpConnection>(this), seq, bytes = std::move(bytes), close]() mutable {
            if (self)
                self->deliver(seq, std::move(bytes), close);
        });
}

void HttpConnection::deliver(quint64 seq, QByteArray bytes, bool close)
{
    for (Slot &slot : m_slots) {
        if (slot.seq == seq) {
            slot.bytes = std::move(bytes);
            slot.ready = true;
            slot.close = slot.close || close;
            break;
        }
    }
    if (m_processing)
        return; // process() flushes when it is done
    flush();
    if (!m_closing)
        process();
    updateDeadline();
}

void HttpConnection::flush()
{
    while (!m_slots.empty() && m_slots.front().ready && m_socket) {
        Slot slot = std::move(m_slots.front());
        m_slots.pop_front();
        m_socket->write(slot.bytes);
        m_lastActivity.start();
        if (slot.close) {
            m_closing = true;
            m_slots.clear();
            m_socket->disconnectFromHost();
            return;
        }
    }
    // A request that ended the connection was read, and everything before it is answered.
    if (m_closing && m_slots.empty() && m_socket
        && m_socket->state() == QAbstractSocket::ConnectedState && !m_parser.inRequest()) {
        m_socket->disconnectFromHost();
    }
}

void HttpConnection::refuse(int status, const QString &message)
{
    m_closing = true;
    const quint64 seq = m_nextSeq++;
    m_slots.push_back(Slot {seq, {}, false, true});
    HttpReply(this, seq, true, false).sendError(status, message);
}

void HttpConnection::drop()
{
    m_closing = true;
    m_slots.clear();
    if (m_socket)
        m_socket->abort();
}

void HttpConnection::updateDeadline()
{
    if (!m_socket)
        return;
    qint64 remaining = -1;
    if (m_closing) {
        remaining = m_timeouts.lingerMs - m_lastActivity.elapsed();
    } else if (m_parser.inRequest()) {
        const int limit = m_parser.headDone() ? m_timeouts.bodyMs : m_timeouts.headerMs;
        remaining = limit - m_requestStarted.elapsed();
    } else if (m_slots.empty()) {
        remaining = m_timeouts.idleMs - m_lastActivity.elapsed();
    } else {
        m_deadline.stop(); // waiting for the service's own answers, which have their bounds
        return;
    }
    m_deadline.start(int(std::max<qint64>(remaining, 0)), Qt::CoarseTimer, this);
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_deadline.timerId())
        return QObject::timerEvent(event);
    m_deadline.stop();
    if (!m_socket)
        return;
    if (m_closing) {
        m_socket->abort(); // the client did not take its answer
    } else if (m_parser.inRequest()) {
        // Only when nothing is owed before it; otherwise the answers go first.
        refuse(408,
               m_parser.headDone() ? QStringLiteral("the request body came too slowly")
                                   : QStringLiteral("the request head came too slowly"));
        flush();
        updateDeadline();
    } else if (m_slots.empty()) {
        m_socket->disconnectFromHost(); // idle
        m_closing = true;
        updateDeadline();
    }
}

} // namespace Switchboard
