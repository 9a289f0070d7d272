#pragma once

// A loopback HTTP receiver for the notification tests: it records every request and answers
// with the statuses it is told to, in turn (then 200).

#include "net/httpservice.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QList>
#include <QSignalSpy>
#include <QTest>

class CaptureServer : public Switchboard::HttpService
{
public:
    struct Captured
    {
        QByteArray method;
        QString path;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        qint64 atMs = 0; // since the server started
        QString query;
        QByteArray header(const QByteArray &name) const
        {
            for (const auto &[k, v] : headers) {
                if (k.compare(name, Qt::CaseInsensitive) == 0)
                    return v;
            }
            return {};
        }
        QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    };

    CaptureServer()
    {
        m_clock.start();
        if (!listenOn(QHostAddress::LocalHost, 0))
            qFatal("capture server could not listen");
    }

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path);
    }
    // The next requests get these statuses, one each; after them, okStatus.
    void failNext(const QList<int> &statuses) { m_script = statuses; }
    int okStatus = 200;

    QList<Captured> requests;

    // Waits (on the event loop) until at least n requests arrived.
    bool waitFor(int n, int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (requests.size() < n && t.elapsed() < timeoutMs)
            QTest::qWait(10);
        return requests.size() >= n;
    }

protected:
    bool filter(Switchboard::HttpRequest &request, const Switchboard::HttpReply &reply) override
    {
        requests.append({request.method, request.path, request.body, request.headers,
                         m_clock.elapsed(), request.query.toString(QUrl::FullyDecoded)});
        const int status = m_script.isEmpty() ? okStatus : m_script.takeFirst();
        reply.send(status, status < 300 ? QByteArray("ok") : QByteArray("receiver trouble"),
                   "text/plain");
        return false;
    }

private:
    QList<int> m_script;
    QElapsedTimer m_clock;
};
