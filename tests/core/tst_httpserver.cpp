// The HTTP server over real loopback sockets: answers in request order when pipelined, HEAD,
// 100-continue, HTTP/1.0, 405 with Allow, the head/idle timeouts, the connection bound, and
// WebSocket upgrades only where a route serves them and its filter lets them through; answers
// that wait for an execution's end (WebhookWaits) get it, or 504 at their bound.

#include "api/webhookwaits.h"
#include "common/manualclock.h"
#include "net/httpservice.h"
#include "tracing/tracecontext.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

using namespace Switchboard;

namespace {

// A server with a fast route, a route that answers 100 ms later, an echo, a WebSocket path
// that wants "Authorization: Bearer ok", and answers that wait for /finish/{id} within 300 ms.
class TestServer : public HttpService
{
public:
    ManualClock clock;
    WebhookWaits waits {clock, 300};

    TestServer()
    {
        route("GET", QStringLiteral("/wait/{id}"),
              [this](const HttpRequest &, const HttpReply &reply, const QStringList &params) {
                  waits.wait(params.at(0), reply);
              });
        route("GET", QStringLiteral("/finish/{id}"),
              [this](const HttpRequest &, const HttpReply &reply, const QStringList &params) {
                  waits.finish(params.at(0), QStringLiteral("completed"),
                               {{QStringLiteral("done"), params.at(0)}}, {});
                  waits.finish(params.at(0) + QStringLiteral("-failed"), QStringLiteral("failed"),
                               {}, QStringLiteral("it broke"));
                  reply.send(204, {});
              });
        route("GET", QStringLiteral("/fast"),
              [](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                  reply.send(200, "fast", "text/plain");
              });
        route("GET", QStringLiteral("/slow"),
              [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                  QTimer::singleShot(100, this, [reply] { reply.send(200, "slow", "text/plain"); });
              });
        route("POST", QStringLiteral("/echo"),
              [](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                  reply.send(200, req.body, "text/plain");
              });
        webSocketRoute(QStringLiteral("/live"));
    }

protected:
    bool filter(HttpRequest &request, const HttpReply &reply) override
    {
        if (request.path == QLatin1String("/live")
            && request.header("Authorization") != "Bearer ok") {
            reply.sendError(401, QStringLiteral("a token is needed"));
            return false;
        }
        return true;
    }
};

// A raw client: writes bytes, reads everything until the server closes or timeoutMs passes.
struct RawClient
{
    QTcpSocket socket;
    QByteArray received;

    bool connectTo(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        return socket.waitForConnected(5000);
    }
    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }
    // Reads until the server closes the connection (true) or timeoutMs passes (false).
    bool readUntilClosed(int timeoutMs = 5000)
    {
        if (socket.state() == QAbstractSocket::ConnectedState) {
            QSignalSpy closed(&socket, &QTcpSocket::disconnected);
            closed.wait(timeoutMs);
        }
        received += socket.readAll();
        return socket.state() != QAbstractSocket::ConnectedState;
    }
    // Reads until `count` answers have fully arrived or timeoutMs passes.
    bool readAnswers(int count, int timeoutMs = 5000)
    {
        QSignalSpy arrived(&socket, &QTcpSocket::readyRead);
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            received += socket.readAll();
            if (statusLines().size() >= count && lastAnswerComplete())
                return true;
            const qint64 left = timeoutMs - timer.elapsed();
            if (left <= 0 || !arrived.wait(int(left)))
                return false;
        }
    }
    QByteArrayList statusLines() const
    {
        // Bodies carry no line end here, so answers are found by their status line's start.
        QByteArrayList out;
        for (qsizetype at = received.indexOf("HTTP/1.1 "); at >= 0;
             at = received.indexOf("HTTP/1.1 ", at + 1))
            out << received.mid(at, received.indexOf("\r\n", at) - at);
        return out;
    }
    // The last answer's body has all the bytes its Content-Length announced.
    bool lastAnswerComplete() const
    {
        const qsizetype head = received.lastIndexOf("HTTP/1.1 ");
        const qsizetype length = received.indexOf("Content-Length: ", head);
        const qsizetype end = received.indexOf("\r\n\r\n", head);
        if (length < 0 || end < 0)
            return end >= 0 && received.mid(head, end - head).startsWith("HTTP/1.1 100");
        const qsizetype lineEnd = received.indexOf("\r\n", length);
        return received.size() - (end + 4)
            >= received.mid(length + 16, lineEnd - length - 16).toLongLong();
    }
    QByteArray lastBody() const { return received.mid(received.lastIndexOf("\r\n\r\n") + 4); }
};

QByteArray get(const QByteArray &path, const QByteArray &extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: t\r\n" + extra + "\r\n";
}

} // namespace

class TstHttpServer : public QObject
{
    Q_OBJECT

    TestServer m_server;
    quint16 m_port = 0;

private Q_SLOTS:
    // A refusal says what and where; a failure of the core comes in the seed's error document,
    // in the trace of the request that met it.
    void errorsComeInTheSeedsShape()
    {
        QCOMPARE(HttpReply::errorBody(400, QStringLiteral("bad"), QStringLiteral("action")),
                 (QJsonObject {{QStringLiteral("success"), false},
                               {QStringLiteral("error"), QStringLiteral("bad")},
                               {QStringLiteral("field"), QStringLiteral("action")}}));
        QJsonObject failure;
        {
            const TraceContext::Scope trace(
                TraceContext::fromHeaders({{"X-Trace-ID", "4bf92f3577b34da6a3ce929d0e0e4736"}}));
            failure = HttpReply::errorBody(500, QStringLiteral("Failed to fetch KPI data"),
                                           QStringLiteral("kpi_aggregation"));
        }
        QCOMPARE(failure.value(QLatin1String("success")).toBool(true), false);
        QCOMPARE(failure.value(QLatin1String("error_type")).toString(),
                 QStringLiteral("OrchestrationError"));
        QCOMPARE(failure.value(QLatin1String("stage")).toString(),
                 QStringLiteral("kpi_aggregation"));
        QCOMPARE(failure.value(QLatin1String("trace_id")).toString(),
                 QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));
        QVERIFY(QDateTime::fromString(failure.value(QLatin1String("timestamp")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        QCOMPARE(
            failure.value(QLatin1String("metadata")).toObject().value(QLatin1String("handler")),
            QJsonValue(QStringLiteral("error_handler")));
        // Outside a request's trace, the seed's own id form.
        QVERIFY(HttpReply::errorBody(503, QStringLiteral("busy"))
                    .value(QLatin1String("trace_id"))
                    .toString()
                    .startsWith(QLatin1String("MANAGER-")));
        QCOMPARE(HttpReply::errorBody(503, QStringLiteral("busy"))
                     .value(QLatin1String("error_type"))
                     .toString(),
                 QStringLiteral("UnavailableError"));
    }

    void initTestCase()
    {
        m_server.setTimeouts({300, 1000, 500, 1000});
        auto port = m_server.listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        m_port = *port;
    }

    void pipelinedAnswersComeInRequestOrder()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        // The slow answer is ready last but goes first; the close on the last request loses
        // nothing before it.
        c.send(get("/slow") + get("/fast") + get("/slow") + get("/fast", "Connection: close\r\n"));
        QVERIFY(c.readUntilClosed());
        const QList<QByteArray> bodies = {"slow", "fast", "slow", "fast"};
        qsizetype at = 0;
        for (const QByteArray &body : bodies) {
            const qsizetype found = c.received.indexOf("\r\n\r\n" + body, at);
            QVERIFY2(found >= 0, c.received.constData());
            at = found + 4 + body.size();
        }
        QCOMPARE(c.statusLines().size(), 4);
        QVERIFY(c.received.contains("Connection: close"));
    }

    // An answer waits until what it reports stored is durable (the core passes its database's
    // whenDurable); pipelined answers still go out in order.
    void answersWaitUntilTheStoreIsDurable()
    {
        std::vector<std::function<void()>> held;
        m_server.setDurability([&](std::function<void()> fn) { held.push_back(std::move(fn)); });
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/fast") + get("/fast"));
        QTRY_COMPARE(held.size(), size_t(2));
        QCoreApplication::processEvents();
        c.received += c.socket.readAll();
        QVERIFY2(c.received.isEmpty(), c.received.constData());
        held.back()(); // the second is durable first: it waits for the first anyway
        QCoreApplication::processEvents();
        c.received += c.socket.readAll();
        QVERIFY(c.received.isEmpty());
        held.front()();
        QVERIFY(c.readAnswers(2));
        QCOMPARE(c.statusLines(), QByteArrayList({"HTTP/1.1 200 OK", "HTTP/1.1 200 OK"}));
        m_server.setDurability({});
    }

    void waitingAnswersGetTheEndOrA504AtTheirBound()
    {
        RawClient early, finished, again, failed, late;
        for (RawClient *c : {&early, &finished, &again, &failed, &late})
            QVERIFY(c->connectTo(m_port));
        early.send(get("/wait/early"));
        finished.send(get("/wait/x"));
        again.send(get("/wait/x")); // a retry waiting for the same execution
        failed.send(get("/wait/x-failed"));
        QTRY_COMPARE(m_server.waits.waiting(), 4);
        // One that came later expires later: the shared timer moves on to it.
        m_server.clock.advance(150);
        late.send(get("/wait/late"));
        QTRY_COMPARE(m_server.waits.waiting(), 5);

        RawClient finisher;
        QVERIFY(finisher.connectTo(m_port));
        finisher.send(get("/finish/x"));
        QVERIFY(finished.readAnswers(1));
        QCOMPARE(finished.statusLines().value(0), QByteArray("HTTP/1.1 200 OK"));
        QCOMPARE(finished.lastBody(), QByteArray(R"({"done":"x"})"));
        QVERIFY(again.readAnswers(1));
        QCOMPARE(again.lastBody(), QByteArray(R"({"done":"x"})"));
        QVERIFY(failed.readAnswers(1));
        QCOMPARE(failed.statusLines().value(0), QByteArray("HTTP/1.1 500 Internal Server Error"));
        QVERIFY(failed.lastBody().contains("it broke"));
        QCOMPARE(m_server.waits.waiting(), 2);

        m_server.clock.advance(150); // the first ones' bound
        m_server.waits.expireDue();
        QVERIFY(early.readAnswers(1));
        QCOMPARE(early.statusLines().value(0), QByteArray("HTTP/1.1 504 Gateway Timeout"));
        QVERIFY(early.lastBody().contains(R"("execution_id":"early")"));
        QCOMPARE(m_server.waits.waiting(), 1);
        m_server.clock.advance(149);
        m_server.waits.expireDue();
        QCOMPARE(m_server.waits.waiting(), 1); // a millisecond before its own bound
        // At its bound the timer answers it, unasked.
        m_server.clock.advance(1);
        QVERIFY(late.readAnswers(1));
        QCOMPARE(late.statusLines().value(0), QByteArray("HTTP/1.1 504 Gateway Timeout"));
        QCOMPARE(m_server.waits.waiting(), 0);
        // A finish after the bound answers nothing twice.
        finisher.send(get("/finish/late"));
        QVERIFY(finisher.readAnswers(2));
        QCOMPARE(late.statusLines().size(), 1);
    }

    void headAnswersWithoutTheBody()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("HEAD /fast HTTP/1.1\r\nHost: t\r\n\r\n" + get("/fast", "Connection: close\r\n"));
        QVERIFY(c.readUntilClosed());
        QCOMPARE(c.statusLines(), QByteArrayList({"HTTP/1.1 200 OK", "HTTP/1.1 200 OK"}));
        // One body only, and the HEAD answer announced its length.
        QCOMPARE(c.received.count("fast"), 1);
        QVERIFY(c.received.startsWith("HTTP/1.1 200 OK"));
        QVERIFY(c.received.contains("Content-Length: 4"));
    }

    void expectContinueIsAnswered()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send(
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        QTRY_VERIFY((c.received += c.socket.readAll()).size() > 0);
        QCOMPARE(c.received, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        c.send("hello");
        QVERIFY(c.readAnswers(2));
        QCOMPARE(c.lastBody(), QByteArray("hello"));
    }

    void http10IsClosedAfterItsAnswer()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /fast HTTP/1.0\r\n\r\n");
        QVERIFY(c.readUntilClosed());
        QVERIFY(c.received.startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(c.received.contains("Connection: close"));
    }

    void wrongMethodNamesTheAllowedOnes()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("DELETE /fast HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        QVERIFY(c.readUntilClosed());
        QVERIFY(c.received.startsWith("HTTP/1.1 405 Method Not Allowed\r\n"));
        QVERIFY(c.received.contains("Allow: GET, HEAD\r\n"));
    }

    void bodyWithoutLengthIsRefusedNotReadAsTheNextRequest()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("POST /echo HTTP/1.1\r\nHost: t\r\n\r\nGET /fast HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(c.readUntilClosed());
        QCOMPARE(c.statusLines(), QByteArrayList({"HTTP/1.1 411 Length Required"}));
    }

    void malformedRequestsAreAnsweredAndClosed()
    {
        const QList<QPair<QByteArray, QByteArray>> cases = {
            {"GET /fast HTTP/2.0\r\nHost: t\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported"},
            {"GET /fast HTTP/1.1\r\n\r\n", "HTTP/1.1 400 Bad Request"},
            {"GET /fast HTTP/1.1\r\nHost: t\r\nX: " + QByteArray(40000, 'x') + "\r\n\r\n",
             "HTTP/1.1 431 Request Header Fields Too Large"},
            {"POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n",
             "HTTP/1.1 501 Not Implemented"},
        };
        for (const auto &[bytes, status] : cases) {
            RawClient c;
            QVERIFY(c.connectTo(m_port));
            c.send(bytes);
            QVERIFY(c.readUntilClosed());
            QCOMPARE(c.statusLines().value(0), status);
            QVERIFY(c.received.contains("\"error\""));
        }
    }

    void aSlowHeadGets408AndTheConnectionCloses()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send("GET /fast HTTP/1.1\r\nHost: t\r\n");
        // A header line every 100 ms keeps bytes coming, but the head never ends: slowloris.
        QElapsedTimer timer;
        timer.start();
        while (c.socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
            c.send("X-Slow: 1\r\n");
            QTest::qWait(100);
            c.received += c.socket.readAll();
        }
        c.readUntilClosed(1000);
        QCOMPARE(c.statusLines(), QByteArrayList({"HTTP/1.1 408 Request Timeout"}));
    }

    void anIdleConnectionIsClosedQuietly()
    {
        RawClient c;
        QVERIFY(c.connectTo(m_port));
        c.send(get("/fast"));
        QVERIFY(c.readAnswers(1));
        QVERIFY(c.readUntilClosed(5000)); // the idle timeout is 500 ms
        QCOMPARE(c.statusLines().size(), 1);
    }

    void theConnectionBoundEvictsIdleOnesAndRefusesWhenAllAreBusy()
    {
        TestServer server;
        server.setMaxConnections(4);
        QCOMPARE(server.maxConnections(), 4);
        auto port = server.listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        // Four idle connections: a fifth client is served, the oldest idle one goes.
        std::vector<std::unique_ptr<RawClient>> idle;
        for (int i = 0; i < 4; ++i) {
            idle.push_back(std::make_unique<RawClient>());
            QVERIFY(idle.back()->connectTo(*port));
        }
        QTRY_COMPARE(server.connectionCount(), 4);
        RawClient fifth;
        QVERIFY(fifth.connectTo(*port));
        fifth.send(get("/fast", "Connection: close\r\n"));
        QVERIFY(fifth.readUntilClosed());
        QCOMPARE(fifth.statusLines().value(0), QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(idle.front()->readUntilClosed(2000));

        // Four connections each in the middle of a request: the next one is told to come back.
        TestServer busy;
        busy.setMaxConnections(4);
        auto busyPort = busy.listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(busyPort.ok());
        std::vector<std::unique_ptr<RawClient>> working;
        for (int i = 0; i < 4; ++i) {
            working.push_back(std::make_unique<RawClient>());
            QVERIFY(working.back()->connectTo(*busyPort));
            working.back()->send("GET /fast HTTP/1.1\r\n");
        }
        QTRY_COMPARE(busy.connectionCount(), 4);
        RawClient refused;
        QVERIFY(refused.connectTo(*busyPort));
        QVERIFY(refused.readUntilClosed());
        QCOMPARE(refused.statusLines().value(0), QByteArray("HTTP/1.1 503 Service Unavailable"));
        QVERIFY(refused.received.contains("Retry-After"));
    }

    void upgradesHappenOnlyOnWebSocketRoutesAndOnlyWithTheFilter()
    {
        const QByteArray handshake = "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                     "Sec-WebSocket-Version: 13\r\n";
        {
            // Elsewhere the upgrade is ignored and the request served as it is.
            RawClient c;
            QVERIFY(c.connectTo(m_port));
            c.send(get("/fast", handshake + "Connection: close\r\n"));
            QVERIFY(c.readUntilClosed());
            QCOMPARE(c.statusLines().value(0), QByteArray("HTTP/1.1 200 OK"));
        }
        {
            // Without the token: 401, no 101.
            RawClient c;
            QVERIFY(c.connectTo(m_port));
            c.send(get("/live", handshake));
            QVERIFY(c.readAnswers(1));
            QCOMPARE(c.statusLines().value(0), QByteArray("HTTP/1.1 401 Unauthorized"));
        }
        // With it, a real WebSocket client connects and the server hands the socket over.
        QWebSocket *server = nullptr;
        connect(&m_server, &HttpService::webSocketConnected, this,
                [&server](QWebSocket *socket) { server = socket; });
        QWebSocket client;
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/live").arg(m_port)));
        request.setRawHeader("Authorization", "Bearer ok");
        client.open(request);
        QTRY_COMPARE(client.state(), QAbstractSocket::ConnectedState);
        QTRY_VERIFY(server != nullptr);
        QSignalSpy message(&client, &QWebSocket::textMessageReceived);
        server->sendTextMessage(QStringLiteral("hello"));
        QTRY_COMPARE(message.size(), 1);
        QCOMPARE(m_server.webSocketCount(), 1);
        client.close();
        delete server;
        QTRY_COMPARE(m_server.webSocketCount(), 0);
        disconnect(&m_server, &HttpService::webSocketConnected, this, nullptr);
    }
};

QTEST_GUILESS_MAIN(TstHttpServer)
#include "tst_httpserver.moc"
