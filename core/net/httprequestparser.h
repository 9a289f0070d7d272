#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <functional>

namespace Switchboard {

// What one request may be, each refused with its own status when passed.
struct HttpLimits
{
    qsizetype maxHeaderBytes = 32LL * 1024; // the request line and headers together (431)
    int maxHeaders = 100; // (431)
    qsizetype maxTargetBytes = 8LL * 1024; // the request target (414)
    qsizetype maxBodyBytes = 16LL * 1024 * 1024; // unless bodyLimit says otherwise (413)
};

// One request as it came off the wire, before routing.
struct HttpMessage
{
    QByteArray method;
    QByteArray target; // origin-form ("/path?query"), or "*"
    int minorVersion = 1; // HTTP/1.<minor>
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray rawHead; // the request line and headers as they came, CRLFs included

    QByteArray header(const QByteArray &name) const;
    // HTTP/1.1 without "Connection: close". HTTP/1.0 connections are always closed.
    bool keepAlive() const;
    // A WebSocket handshake: GET with "Upgrade: websocket" and "Connection: upgrade".
    bool isWebSocketUpgrade() const;
};

// An HTTP/1.1 request parser (RFC 9112), fed as bytes arrive, strict where leniency lets one
// request be read as another: one Content-Length or chunked, never both; no line folding; no
// bare CR; a Host on every HTTP/1.1 request; a body only with a length (411 otherwise).
// Pipelined requests come out one by one, in order. It holds no socket: the fuzz target and
// the tests drive it directly.
class HttpRequestParser
{
public:
    enum class State {
        NeedMore, // feed more bytes
        Complete, // takeMessage()
        Failed, // status() and error(); answer them and close the connection
    };

    // bodyLimit: the largest body the request's route takes, called once the head is read
    // (unset: limits.maxBodyBytes).
    explicit HttpRequestParser(HttpLimits limits = {},
                               std::function<qsizetype(const HttpMessage &)> bodyLimit = {});

    void feed(const QByteArray &bytes);
    // Parses as far as the bytes fed allow.
    State next();
    HttpMessage takeMessage();

    // True between a head that asked "Expect: 100-continue" and the first byte of its body;
    // the connection answers "100 Continue" once and calls continueSent().
    bool wantsContinue() const { return m_wantsContinue; }
    void continueSent() { m_wantsContinue = false; }
    // A request has begun (some of it is buffered) but is not complete.
    bool inRequest() const;
    bool headDone() const { return m_phase > Phase::Head; }
    // Bytes fed but not yet consumed (the start of the next request, or a WebSocket's first
    // frame after its handshake).
    QByteArray unconsumed() const { return m_buffer.mid(m_pos); }

    int status() const { return m_status; }
    QString error() const { return m_error; }

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, Done, Failed };

    State fail(int status, QString message);
    State parseHead();
    // After the head: checks framing and limits and picks the body's phase.
    State startBody();
    State parseChunks();
    // The next line (CRLF or LF) from m_pos, without its end; false when incomplete.
    bool takeLine(QByteArray &line, qsizetype maxLength, bool &tooLong);
    void compact();

    HttpLimits m_limits;
    std::function<qsizetype(const HttpMessage &)> m_bodyLimit;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // consumed up to here
    Phase m_phase = Phase::Head;
    HttpMessage m_message;
    qsizetype m_remaining = 0; // of the body or the current chunk
    qsizetype m_allowedBody = 0;
    qsizetype m_trailerBytes = 0;
    int m_leadingLines = 0; // empty lines skipped before the current request
    // The head's end, or the next line end, is searched for from here on (-1: from m_pos).
    qsizetype m_scanFrom = -1;
    qsizetype m_firstLineEnd = -1; // where the request line ends, once seen
    bool m_wantsContinue = false;
    int m_status = 0;
    QString m_error;
};

} // namespace Switchboard
