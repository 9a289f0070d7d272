#include "health/healthchecker.h"

#include "common/logging.h"
#include "modules/modulecredentials.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Switchboard {

HealthChecker::HealthChecker(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void HealthChecker::probe(const ModuleConfig &module, const HealthSettings &settings)
{
    attempt(module.id, module.healthUrl(), settings, 1);
}

void HealthChecker::attempt(const QString &moduleId, const QUrl &url,
                            const HealthSettings &settings, int attemptNumber)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(settings.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("X-Service-Name", "switchboard-health");
    if (m_credentials) {
        if (const auto [name, value] = m_credentials->header(moduleId); !name.isEmpty())
            request.setRawHeader(name, value);
    }
    auto *timer = new QElapsedTimer;
    timer->start();
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [=, this] {
        const int elapsed = int(timer->elapsed());
        delete timer;
        reply->deleteLater();
        const int httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        HealthProbe result;
        if (httpStatus > 0) {
            result = parseAnswer(httpStatus, reply->readAll(), elapsed);
        } else {
            result.outcome = HealthProbe::Outcome::NoAnswer;
            const bool timedOut = reply->error() == QNetworkReply::OperationCanceledError
                || reply->error() == QNetworkReply::TimeoutError;
            result.error = timedOut
                ? QStringLiteral("timed out after %1 ms").arg(settings.timeoutMs)
                : reply->errorString();
        }
        if (result.outcome == HealthProbe::Outcome::NoAnswer && attemptNumber <= settings.retries) {
            qCDebug(lcHealth) << moduleId << "no answer, retrying:" << result.error;
            QTimer::singleShot(settings.retryDelayMs, this,
                               [=, this] { attempt(moduleId, url, settings, attemptNumber + 1); });
            return;
        }
        Q_EMIT probed(moduleId, result);
    });
}

HealthProbe HealthChecker::parseAnswer(int httpStatus, const QByteArray &body, int responseMs)
{
    HealthProbe probe;
    probe.responseMs = responseMs;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const QJsonObject obj = doc.object();
    bool known = false;
    const ModuleStatus reported =
        moduleStatusFromWire(obj.value(QLatin1String("status")).toString(), &known);
    if (error.error != QJsonParseError::NoError || !doc.isObject() || !known) {
        // A server error page is no answer from the module; a 200 with garbage is a module
        // that answers but cannot be read.
        probe.outcome = httpStatus >= 200 && httpStatus < 300 ? HealthProbe::Outcome::Malformed
                                                              : HealthProbe::Outcome::NoAnswer;
        probe.error = httpStatus >= 200 && httpStatus < 300
            ? QStringLiteral("unreadable health answer")
            : QStringLiteral("HTTP %1").arg(httpStatus);
        return probe;
    }
    probe.outcome = HealthProbe::Outcome::Answered;
    probe.reported = reported;
    probe.errors24h = qMax(0, obj.value(QLatin1String("errors_24h")).toInt());
    probe.lastRun =
        QDateTime::fromString(obj.value(QLatin1String("last_run")).toString(), Qt::ISODateWithMs);
    probe.uptimeSeconds = qint64(obj.value(QLatin1String("uptime_seconds")).toDouble());
    probe.version = obj.value(QLatin1String("version")).toString().left(32);
    return probe;
}

} // namespace Switchboard
