#include "kpis/kpicollector.h"

#include "common/logging.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace Switchboard {

KpiCollector::KpiCollector(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
}

QUrl KpiCollector::urlFor(const QUrl &endpoint)
{
    if (endpoint.isEmpty())
        return {};
    QUrl url = endpoint;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/kpis"));
    return url;
}

void KpiCollector::fetch(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll(), &error);
        const QJsonObject kpis = doc.object();
        if (reply->error() != QNetworkReply::NoError || error.error != QJsonParseError::NoError
            || !kpis.value(QLatin1String("leads_24h")).isDouble()) {
            const QString why = reply->error() != QNetworkReply::NoError
                ? reply->errorString()
                : QStringLiteral("the answer is not a KPI document");
            qCInfo(lcHealth) << "KPIs not read from 07_analytics:" << why;
            // The last answer is no longer today's figures.
            m_latest = {};
            m_fetchedAt = {};
            Q_EMIT failed(why);
            return;
        }
        m_latest = kpis;
        m_fetchedAt = m_clock.now();
        Q_EMIT updated(kpis);
    });
}

} // namespace Switchboard
