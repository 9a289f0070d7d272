#include "api/webhookwaits.h"

#include "common/clock.h"

#include <QTimer>
#include <algorithm>

namespace Switchboard {

WebhookWaits::WebhookWaits(const Clock &clock, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timeoutMs(timeoutMs)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &WebhookWaits::expireDue);
}

void WebhookWaits::wait(const QString &executionId, const HttpReply &reply)
{
    const quint64 serial = ++m_serial;
    m_waiting[executionId].append({serial, reply});
    m_bounds.push_back({m_clock.nowMs() + m_timeoutMs, executionId, serial});
    ++m_count;
    if (!m_timer->isActive())
        m_timer->start(m_timeoutMs);
}

void WebhookWaits::finish(const QString &executionId, const QString &status,
                          const QJsonObject &output, const QString &error)
{
    const auto replies = m_waiting.take(executionId);
    m_count -= int(replies.size());
    for (const auto &[serial, reply] : replies)
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

void WebhookWaits::expireDue()
{
    const qint64 now = m_clock.nowMs();
    while (!m_bounds.empty()) {
        const Bound &bound = m_bounds.front();
        const auto it = m_waiting.find(bound.executionId);
        if (it != m_waiting.end()) {
            auto &replies = it.value();
            const auto mine = std::find_if(replies.begin(), replies.end(),
                                           [&](const auto &r) { return r.first == bound.serial; });
            if (mine != replies.end()) {
                if (bound.dueMs > now)
                    break;
                mine->second.sendJson(
                    504,
                    {{QStringLiteral("error"),
                      QStringLiteral("the workflow did not finish within %1 s; it goes on")
                          .arg(m_timeoutMs / 1000.0)},
                     {QStringLiteral("execution_id"), bound.executionId}});
                replies.erase(mine);
                --m_count;
                if (replies.isEmpty())
                    m_waiting.erase(it);
            }
        }
        m_bounds.pop_front();
    }
    if (!m_bounds.empty())
        m_timer->start(int(std::max<qint64>(0, m_bounds.front().dueMs - now)));
}

} // namespace Switchboard
