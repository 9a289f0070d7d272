// switchboard-core's HTTP face under attack, as a real process with a small descriptor limit
// (prlimit): idle connections past the limit, slowloris, a WebSocket upgrade storm, oversized
// and deeply nested bodies. Each time the core must keep answering /healthz, answer the
// attackers correctly, not spin, and keep its memory bounded.

#include "testsupport.h"

#include <QDir>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {

const QByteArray Token = "attack-test-token-0123456789";
constexpr int FileLimit = 256;

// The process's resident memory in KiB, from /proc.
qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// CPU time the process used so far, in clock ticks (user + system).
qint64 cpuTicks(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toLongLong() + fields.value(12).toLongLong();
}

// One raw exchange over a blocking socket (the core is another process): sends bytes and reads
// until the core closes or timeoutMs passes. Returns the first status line.
QByteArray exchange(quint16 port, const QByteArray &bytes, QByteArray *all = nullptr,
                    int timeoutMs = 5000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(bytes);
    socket.waitForBytesWritten(timeoutMs);
    QByteArray received;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        if (socket.waitForReadyRead(100))
            received += socket.readAll();
        if (received.contains("\r\n\r\n") && !bytes.contains("Connection: close"))
            break;
    }
    received += socket.readAll();
    if (all)
        *all = received;
    return received.left(received.indexOf("\r\n"));
}

} // namespace

class TstApiAttacks : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_core;
    quint16 m_port = 0;

    qint64 pid() const { return m_core.processId(); }

    bool healthy()
    {
        return exchange(m_port, "GET /healthz HTTP/1.1\r\nHost: core\r\nConnection: close\r\n\r\n")
            == "HTTP/1.1 200 OK";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(Token));
        env.insert(QStringLiteral("API_HEADER_TIMEOUT_MS"), QStringLiteral("1000"));
        env.insert(QStringLiteral("API_IDLE_TIMEOUT_MS"), QStringLiteral("30s"));
        // Under AddressSanitizer freed memory waits in a quarantine of 256 MiB by default, which
        // would read as growth: the core gets a small one, so its memory can be measured.
        if (qEnvironmentVariableIsSet("ASAN_OPTIONS"))
            env.insert(
                QStringLiteral("ASAN_OPTIONS"),
                qEnvironmentVariable("ASAN_OPTIONS")
                    + QStringLiteral(":quarantine_size_mb=1:thread_local_quarantine_size_kb=64"));
        m_core.setProcessEnvironment(env);
        m_core.setProcessChannelMode(QProcess::MergedChannels);
        // The usual service limit, made small: what 1,024 descriptors are to a busy clinic.
        m_core.start(QStringLiteral("prlimit"),
                     {QStringLiteral("--nofile=%1:%1").arg(FileLimit), binary("switchboard-core"),
                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--data"), m_dir.filePath(QStringLiteral("data"))});
        QString log;
        m_port = waitForApiPort(m_core, log);
        QVERIFY2(m_port, qPrintable(log));
        QVERIFY(healthy());
    }

    void cleanupTestCase()
    {
        m_core.terminate();
        if (!m_core.waitForFinished(5000))
            m_core.kill();
    }

    void idleConnectionsPastTheDescriptorLimitNeitherLockOutNorSpin()
    {
        // Twice the descriptor limit in idle connections: the oldest idle ones make room.
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 2 * FileLimit; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(socket->waitForConnected(5000));
            idle.push_back(std::move(socket));
        }
        QVERIFY(healthy());
        // Quiet for a second: a core spinning on accept() would use all of it.
        const qint64 before = cpuTicks(pid());
        QTest::qWait(1000);
        const qint64 used = cpuTicks(pid()) - before;
        QVERIFY2(used < 30, qPrintable(QStringLiteral("%1 ticks of CPU while idle").arg(used)));
        QVERIFY(healthy());
    }

    void slowlorisIsCutOffWith408()
    {
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        for (int i = 0; i < 100; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, m_port);
            QVERIFY(socket->waitForConnected(5000));
            socket->write("GET /healthz HTTP/1.1\r\nHost: core\r\n");
            slow.push_back(std::move(socket));
        }
        // A header line each 200 ms from every one of them, for up to 5 s; the head timeout is
        // one second.
        QElapsedTimer timer;
        timer.start();
        int open = int(slow.size());
        while (open > 0 && timer.elapsed() < 5000) {
            open = 0;
            for (auto &s : slow) {
                if (s->state() != QAbstractSocket::ConnectedState)
                    continue;
                ++open;
                s->write("X-Slow: 1\r\n");
                s->waitForBytesWritten(100);
            }
            QVERIFY(healthy()); // served all along
            QTest::qWait(200);
        }
        int timedOut = 0;
        for (auto &s : slow) {
            if (s->state() == QAbstractSocket::ConnectedState)
                s->waitForDisconnected(2000);
            if (s->readAll().startsWith("HTTP/1.1 408 Request Timeout"))
                ++timedOut;
        }
        QCOMPARE(timedOut, int(slow.size()));
    }

    void anUpgradeStormGetsNo101AndGivesItsMemoryBack()
    {
        const QByteArray handshake =
            "GET /api/v1/status HTTP/1.1\r\nHost: core\r\nUpgrade: websocket\r\nConnection: "
            "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
            "13\r\n\r\n";
        const auto storm = [&](int cycles) {
            int switched = 0;
            for (int i = 0; i < cycles; ++i) {
                const QByteArray status = exchange(m_port, handshake);
                if (status.startsWith("HTTP/1.1 101"))
                    ++switched;
                else if (!status.startsWith("HTTP/1.1 401"))
                    return -1;
            }
            return switched;
        };
        QCOMPARE(storm(1000), 0); // warmed up
        const qint64 baseline = rssKiB(pid());
        QCOMPARE(storm(20000), 0);
        const qint64 after = rssKiB(pid());
        QVERIFY2(after - baseline < 16 * 1024,
                 qPrintable(QStringLiteral("RSS %1 -> %2 KiB").arg(baseline).arg(after)));
        QVERIFY(healthy());
    }

    void oversizedAndDeepBodiesAreRefused()
    {
        const qint64 baseline = rssKiB(pid());
        for (int i = 0; i < 4; ++i) {
            // Refused from the head: the 11 MiB are never read.
            const QByteArray status = exchange(
                m_port,
                "POST /api/v1/workflows/w/executions HTTP/1.1\r\nHost: core\r\n"
                "Authorization: Bearer "
                    + Token + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + QByteArray::number(11 * 1024 * 1024) + "\r\n\r\n{\"input\":{\"x\":\"");
            QCOMPARE(status, QByteArray("HTTP/1.1 413 Content Too Large"));
        }
        // Chunked, it is counted as it comes and refused at the limit.
        QByteArray chunked = "POST /api/v1/events HTTP/1.1\r\nHost: core\r\nAuthorization: Bearer "
            + Token + "\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 40; ++i)
            chunked += "10000\r\n" + QByteArray(0x10000, 'x') + "\r\n";
        QCOMPARE(exchange(m_port, chunked), QByteArray("HTTP/1.1 413 Content Too Large"));
        // Nesting deeper than any parser should follow: a clear 400, and the core lives on.
        const QByteArray deep = QByteArray(500000, '[');
        QByteArray all;
        QCOMPARE(exchange(m_port,
                          "POST /api/v1/events HTTP/1.1\r\nHost: core\r\nAuthorization: Bearer "
                              + Token + "\r\nContent-Type: application/json\r\nContent-Length: "
                              + QByteArray::number(deep.size()) + "\r\nConnection: close\r\n\r\n"
                              + deep,
                          &all),
                 QByteArray("HTTP/1.1 400 Bad Request"));
        QVERIFY(all.contains("not valid JSON"));
        QVERIFY(healthy());
        QVERIFY(rssKiB(pid()) - baseline < 32 * 1024);
    }
};

QTEST_GUILESS_MAIN(TstApiAttacks)
#include "tst_api_attacks.moc"
