#pragma once

#include "net/httprequestparser.h"

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <deque>

class QTcpSocket;

namespace Switchboard {

class HttpService;

// How long a connection may take and hold (HttpService::setTimeouts).
struct HttpTimeouts
{
    int headerMs = 10000; // from a request's first byte to the end of its head (slowloris)
    int bodyMs = 60000; // from a request's first byte to the end of its body
    int idleMs = 60000; // a kept-alive connection with nothing to do
    int lingerMs = 10000; // a closing connection whose client does not read its answer
};

// One client connection: parses its requests (HttpRequestParser), hands each to the service,
// and writes the answers in the order the requests came, whenever each is ready (pipelining).
// Times out slow heads and bodies with 408 and idle connections silently. Stops reading while
// too many answers are outstanding or the client does not read what was written.
class HttpConnection final : public QObject
{
    Q_OBJECT

public:
    HttpConnection(QTcpSocket *socket, HttpService &service, const HttpLimits &limits,
                   const HttpTimeouts &timeouts);
    ~HttpConnection() override;

    // Called by HttpReply: the answer to request seq, written once those before it are and
    // what was stored before it is durable (HttpService::setDurability).
    void answer(quint64 seq, QByteArray bytes, bool close);
    bool isIdle() const { return m_slots.empty() && !m_parser.inRequest(); }
    // Aborts the connection (HttpService::closeAll, or to make room for a new one).
    void drop();

    static constexpr int MaxPipelined = 16;
    static constexpr qint64 WriteBacklogBytes = 4LL * 1024 * 1024;

Q_SIGNALS:
    void closed(Switchboard::HttpConnection *connection);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    struct Slot
    {
        quint64 seq = 0;
        QByteArray bytes;
        bool ready = false;
        bool close = false;
    };

    // The answer to request seq is ready to be written.
    void deliver(quint64 seq, QByteArray bytes, bool close);
    void onReadyRead();
    // Takes requests off the parser while the pipeline has room.
    void process();
    void flush();
    // A 4xx answer of the connection's own (a malformed request, a timeout), then close.
    void refuse(int status, const QString &message);
    void updateDeadline();
    bool paused() const;

    QPointer<QTcpSocket> m_socket;
    HttpService &m_service;
    HttpTimeouts m_timeouts;
    HttpRequestParser m_parser;
    std::deque<Slot> m_slots;
    quint64 m_nextSeq = 0;
    bool m_closing = false; // no more requests are read
    bool m_processing = false;
    QElapsedTimer m_requestStarted; // the current request's first byte
    QElapsedTimer m_lastActivity;
    QBasicTimer m_deadline;
};

} // namespace Switchboard
