// The module client over real loopback HTTP: connections to a module are kept and reused,
// including after the calls in flight fall from many to few and rise again (the issue's
// finding was a new connection for most calls).

#include "engine/curlmoduleclient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Switchboard;

namespace {

// A keep-alive HTTP responder that counts the connections it accepts and answers each
// request with {"ok": true}. Requests here carry Content-Length and no Expect.
class CountingModule : public QObject
{
public:
    int accepted = 0;
    int answered = 0;

    CountingModule()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++accepted;
                QObject::connect(socket, &QTcpSocket::readyRead, socket,
                                 [this, socket] { serve(socket); });
            }
        });
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen");
    }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/m").arg(m_server.serverPort()));
    }

private:
    void serve(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype head = buffer.indexOf("\r\n\r\n");
            if (head < 0)
                return;
            const qsizetype at = buffer.toLower().indexOf("content-length:");
            const qsizetype length = at >= 0 && at < head
                ? buffer.mid(at + 15, buffer.indexOf("\r\n", at) - at - 15).trimmed().toLongLong()
                : 0;
            if (buffer.size() < head + 4 + length)
                return;
            buffer.remove(0, head + 4 + length);
            ++answered;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 11\r\n\r\n{\"ok\":true}");
        }
    }

    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace

class TstCurlModuleClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void connectionsAreReusedAcrossBursts()
    {
        CountingModule module;
        CurlModuleClient client;
        int done = 0;
        int ok = 0;
        const auto burst = [&](int calls) {
            const int target = done + calls;
            for (int i = 0; i < calls; ++i) {
                ModuleCallRequest request;
                request.module = QStringLiteral("09_compliance");
                request.url = module.url();
                request.body = {{QStringLiteral("action"), QStringLiteral("log_event")}};
                request.idempotencyKey = "k" + QByteArray::number(done + i);
                request.traceId = QByteArray(32, 'a');
                request.spanId = QByteArray(16, 'b');
                client.call(request, [&](const ModuleCallResult &r) {
                    ++done;
                    ok += r.ok() ? 1 : 0;
                });
            }
            QTRY_COMPARE_WITH_TIMEOUT(done, target, 10000);
        };
        burst(32);
        const int afterFirst = module.accepted;
        QVERIFY(afterFirst >= 1 && afterFirst <= 32);
        // Few at a time, then many again: the connections of the first burst serve them all.
        for (int i = 0; i < 5; ++i)
            burst(1);
        burst(32);
        burst(32);
        QCOMPARE(ok, done);
        QCOMPARE(module.answered, done);
        QCOMPARE(module.accepted, afterFirst);
    }
};

QTEST_GUILESS_MAIN(TstCurlModuleClient)
#include "tst_curlmoduleclient.moc"
