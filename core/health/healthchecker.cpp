#include "health/healthchecker.h"

#include "common/clock.h"
#include "common/logging.h"
#include "modules/modulecredentials.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Switchboard {

HealthChecker::HealthChecker(const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

void HealthChecker::probe(const ModuleConfig &module, const HealthSettings &settings)
{
    if (m_n8n.enabled() && !module.n8nWorkflowId.isEmpty()) {
        QUrl url = m_n8n.apiBase;
        QString base = url.path();
        if (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        url.setPath(base + QStringLiteral("/executions"));
        url.setQuery(QStringLiteral("workflowId=%1&limit=%2")
                         .arg(module.n8nWorkflowId)
                         .arg(N8nExecutionsRead));
        return attempt(module.id, url, settings, 1, true);
    }
    attempt(module.id, module.healthUrl(), settings, 1, false);
}

void HealthChecker::attempt(const QString &moduleId, const QUrl &url,
                            const HealthSettings &settings, int attemptNumber, bool n8n)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(settings.timeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("X-Service-Name", "switchboard-health");
    if (n8n && !m_n8n.token.isEmpty())
        request.setRawHeader("X-N8N-API-KEY", m_n8n.token.toUtf8());
    if (m_credentials && !n8n) {
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
            result = n8n ? parseN8nExecutions(httpStatus, reply->readAll(), elapsed, m_clock.now())
                         : parseAnswer(httpStatus, reply->readAll(), elapsed);
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
            QTimer::singleShot(settings.retryDelayMs, this, [=, this] {
                attempt(moduleId, url, settings, attemptNumber + 1, n8n);
            });
            return;
        }
        Q_EMIT probed(moduleId, result);
    });
}

HealthProbe HealthChecker::parseAnswer(int httpStatus, const QByteArray &body, int responseMs)
{
    HealthProbe probe;
    probe.responseMs = responseMs;
    if (httpStatus == 401 || httpStatus == 403) {
        // The module answers, but not to this credential: its state is unknown, and ours to fix.
        probe.outcome = HealthProbe::Outcome::Refused;
        probe.error = QStringLiteral("the module refused the health check's credential (HTTP %1)")
                          .arg(httpStatus);
        return probe;
    }
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

HealthProbe HealthChecker::parseN8nExecutions(int httpStatus, const QByteArray &body,
                                              int responseMs, const QDateTime &now)
{
    HealthProbe probe;
    probe.responseMs = responseMs;
    if (httpStatus == 401 || httpStatus == 403) {
        // n8n answers, but not to us: the module's state is unknown, and the reason is ours.
        probe.outcome = HealthProbe::Outcome::Refused;
        probe.error = QStringLiteral("the n8n API refused N8N_API_TOKEN (HTTP %1)").arg(httpStatus);
        return probe;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const QJsonValue data = doc.object().value(QLatin1String("data"));
    if (httpStatus < 200 || httpStatus >= 300 || error.error != QJsonParseError::NoError
        || !data.isArray()) {
        probe.outcome = httpStatus >= 200 && httpStatus < 300 ? HealthProbe::Outcome::Malformed
                                                              : HealthProbe::Outcome::NoAnswer;
        probe.error = httpStatus >= 200 && httpStatus < 300
            ? QStringLiteral("unreadable answer from the n8n API")
            : QStringLiteral("the n8n API answered HTTP %1").arg(httpStatus);
        return probe;
    }
    probe.outcome = HealthProbe::Outcome::Answered;
    // n8n answers for the workflow; how healthy it is the rules decide from its runs.
    probe.reported = ModuleStatus::Healthy;
    const QDateTime since = now.addSecs(-24LL * 3600);
    for (const auto &v : data.toArray()) {
        const QJsonObject e = v.toObject();
        const QDateTime started = QDateTime::fromString(
            e.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
        if (!started.isValid())
            continue;
        if (!probe.lastRun.isValid() || started > probe.lastRun)
            probe.lastRun = started;
        const QString status = e.value(QLatin1String("status")).toString();
        if (started >= since
            && (status == QLatin1String("error") || status == QLatin1String("crashed")))
            ++probe.errors24h;
    }
    return probe;
}

} // namespace Switchboard
