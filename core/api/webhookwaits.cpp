#include "api/webhookwaits.h"

#include <QTimer>

namespace Switchboard {

WebhookWaits::WebhookWaits(int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_timeoutMs(timeoutMs)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &WebhookWaits::expire);
}

void WebhookWaits::wait(const QString &executionId, const HttpReply &reply)
{
    m_waiting.insert(executionId, reply);
    m_bounds.emplace_back(QDeadlineTimer(m_timeoutMs), executionId);
    if (!m_timer->isActive())
        m_timer->start(m_timeoutMs);
}

void WebhookWaits::finish(const QString &executionId, const QString &status,
                          const QJsonObject &output, const QString &error)
{
    const auto it = m_waiting.constFind(executionId);
    if (it == m_waiting.constEnd())
        return;
    const HttpReply reply = it.value();
    m_waiting.erase(it);
    answer(reply, executionId, status, output, error);
}

void WebhookWaits::answer(const HttpReply &reply, const QString &executionId, const QString &status,
                          const QJsonObject &output, const QString &error)
{
    if (status == QLatin1String("completed"))
        reply.sendJson(200, output);
    else
        reply.sendJson(
            500, {{QStringLiteral("error"), error}, {QStringLiteral("execution_id"), executionId}});
}

void WebhookWaits::expire()
{
    while (!m_bounds.empty()) {
        const auto &[deadline, executionId] = m_bounds.front();
        const auto it = m_waiting.constFind(executionId);
        if (it != m_waiting.constEnd()) {
            if (!deadline.hasExpired())
                break;
            it.value().sendJson(
                504,
                {{QStringLiteral("error"),
                  QStringLiteral("the workflow did not finish within %1 s; it goes on")
                      .arg(m_timeoutMs / 1000.0)},
                 {QStringLiteral("execution_id"), executionId}});
            m_waiting.erase(it);
        }
        m_bounds.pop_front();
    }
    if (!m_bounds.empty())
        m_timer->start(int(std::max<qint64>(0, m_bounds.front().first.remainingTime())));
}

} // namespace Switchboard
