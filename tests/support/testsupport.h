#pragma once

// Helpers shared by the tests: a blocking HTTP client over the event loop (waits on signals,
// never sleeps) and a simulated fleet on free loopback ports.

#include "common/result.h"
#include "sim/simfleet.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

namespace TestSupport {

// Waits for a call that hands its result to a callback on this thread's event loop.
inline Switchboard::Result<QJsonObject>
awaited(const std::function<void(std::function<void(Switchboard::Result<QJsonObject>)>)> &call)
{
    std::optional<Switchboard::Result<QJsonObject>> out;
    QEventLoop loop;
    call([&](Switchboard::Result<QJsonObject> r) {
        out = std::move(r);
        loop.quit();
    });
    if (!out)
        loop.exec();
    return std::move(*out);
}

struct HttpResult
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline HttpResult request(const QByteArray &method, const QString &url, const QByteArray &body = {},
                          const QList<QPair<QByteArray, QByteArray>> &headers = {},
                          int timeoutMs = 10000)
{
    static QNetworkAccessManager *network = new QNetworkAccessManager;
    QNetworkRequest req {QUrl(url)};
    req.setTransferTimeout(timeoutMs);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    QNetworkReply *reply = network->sendCustomRequest(req, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(timeoutMs + 2000);
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.error = reply->error();
    reply->deleteLater();
    return result;
}

inline HttpResult get(const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                      int timeoutMs = 10000)
{
    return request("GET", url, {}, headers, timeoutMs);
}

inline HttpResult post(const QString &url, const QByteArray &body,
                       const QList<QPair<QByteArray, QByteArray>> &headers = {},
                       int timeoutMs = 10000)
{
    return request("POST", url, body, headers, timeoutMs);
}

// A random base port with ten free ports above it; tests run in parallel, so retry on clash.
inline quint16 startFleet(Switchboard::SimFleet &fleet)
{
    for (int attempt = 0; attempt < 30; ++attempt) {
        const auto base = Switchboard::SimFleet::randomBasePort();
        if (fleet.start(QHostAddress::LocalHost, base))
            return base;
    }
    return 0;
}

// A built executable of this project.
// Reads a starting switchboard-core's output into log until it says where its API listens;
// the port, or 0 when it stopped or timeoutMs passed first.
inline quint16 waitForApiPort(QProcess &core, QString &log, int timeoutMs = 20000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && core.state() != QProcess::NotRunning) {
        core.waitForReadyRead(200);
        log += QString::fromUtf8(core.readAll());
        const qsizetype at = log.indexOf(QLatin1String("listening on http://127.0.0.1:"));
        if (at >= 0) {
            const QString rest = log.mid(at + 30);
            return quint16(rest.left(rest.indexOf(QLatin1Char('\n'))).toUInt());
        }
    }
    return 0;
}

inline QString binary(const char *name)
{
    return QStringLiteral(SWITCHBOARD_BIN_DIR "/") + QLatin1String(name);
}

// Waits for a line of the process's output that contains marker, and returns it.
inline QString waitForLine(QProcess &process, const QString &marker, int timeoutMs = 15000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && process.state() != QProcess::NotRunning) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine());
            if (line.contains(marker))
                return line.trimmed();
        }
        process.waitForReadyRead(200);
    }
    return {};
}

// MODULE_0N_ENDPOINT lines of an env file that point the nine modules at a simulator whose
// control API is on base.
inline QString simEndpointsEnv(quint16 base)
{
    const char *const paths[] = {"intake-lead",         "consult-booking",   "telehealth-session",
                                 "billing-payment",     "followup-campaign", "document-capture",
                                 "07-analytics-ingest", "messaging-hub-v1",  "aigent-audit-log"};
    QString text;
    for (int n = 1; n <= 9; ++n)
        text += QStringLiteral("MODULE_0%1_ENDPOINT=\"http://127.0.0.1:%2/webhook/%3\"\n")
                    .arg(n)
                    .arg(base + n)
                    .arg(QLatin1String(paths[n - 1]));
    return text;
}

// Starts switchboard-sim on a free base port; returns the port, 0 when it would not start.
inline quint16 startSimProcess(QProcess &sim, const QString &eventRate)
{
    for (int attempt = 0; attempt < 10; ++attempt) {
        const quint16 base = Switchboard::SimFleet::randomBasePort();
        sim.start(binary("switchboard-sim"),
                  {QStringLiteral("--base-port"), QString::number(base),
                   QStringLiteral("--event-rate"), eventRate});
        if (!waitForLine(sim, QStringLiteral("control on")).isEmpty())
            return base;
        sim.waitForFinished(3000);
    }
    return 0;
}

// switchboard-sim as a separate process for one test, stopped when the test ends.
class SimProcess
{
public:
    ~SimProcess()
    {
        m_process.kill();
        m_process.waitForFinished(3000);
    }
    // Starts it on a free base port; false when it would not start.
    bool start(const QString &eventRate = QStringLiteral("0"))
    {
        m_base = startSimProcess(m_process, eventRate);
        return m_base != 0;
    }
    quint16 base() const { return m_base; }
    // A URL of its control API, e.g. control("/stats").
    QString control(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_base).arg(path);
    }
    // The last webhook bodies one module received (its "recent_requests").
    QJsonArray recentRequests(const QString &module) const
    {
        return get(control(QStringLiteral("/stats")))
            .json()
            .value(QLatin1String("modules"))
            .toObject()
            .value(module)
            .toObject()
            .value(QLatin1String("recent_requests"))
            .toArray();
    }

private:
    QProcess m_process;
    quint16 m_base = 0;
};

// switchboard-core as a separate process for one test: an env file written into dir, an admin
// token, a data folder of its own, the API on a free loopback port. Stopped when it goes.
class CoreProcess
{
public:
    explicit CoreProcess(const QString &dir, QByteArray token)
        : m_dir(dir)
        , m_token(std::move(token))
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
    }
    ~CoreProcess() { stop(); }

    // Starts it with env as its env file (a running one is stopped first); false when it did
    // not come up (log() says why).
    bool start(const QByteArray &env)
    {
        stop();
        QFile file(m_dir + QStringLiteral("/clinic.env"));
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(env);
        file.close();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"), QString::fromLatin1(m_token));
        m_process.setProcessEnvironment(environment);
        m_process.start(binary("switchboard-core"),
                        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--env-file"), file.fileName(), QStringLiteral("--data"),
                         m_dir + QStringLiteral("/data")});
        m_log.clear();
        m_port = waitForApiPort(m_process, m_log);
        return m_port != 0;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_log += QString::fromUtf8(m_process.readAll());
    }
    // A URL of its API, e.g. api("/api/v1/status").
    QString api(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path);
    }
    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_token}};
    }
    // Everything it printed so far.
    QString log()
    {
        m_log += QString::fromUtf8(m_process.readAll());
        return m_log;
    }

private:
    QString m_dir;
    QByteArray m_token;
    QProcess m_process;
    QString m_log;
    quint16 m_port = 0;
};

} // namespace TestSupport
