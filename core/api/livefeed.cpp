#include "api/livefeed.h"

#include <QUuid>

namespace Switchboard {

LiveFeed::LiveFeed(qsizetype keep, QObject *parent)
    : QObject(parent)
    , m_epoch(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8))
    , m_keep(std::max<qsizetype>(keep, 1))
{
}

void LiveFeed::publish(const QString &kind, const QJsonObject &data)
{
    m_events.push_back({++m_seq, kind, data});
    while (qsizetype(m_events.size()) > m_keep)
        m_events.pop_front();
    Q_EMIT published(m_events.back());
}

std::optional<QList<LiveFeed::Event>> LiveFeed::after(const QString &epoch, quint64 seq) const
{
    if (epoch != m_epoch || seq > m_seq)
        return std::nullopt;
    // Everything after seq must still be here: the oldest kept follows it directly or earlier.
    if (seq < m_seq && (m_events.empty() || m_events.front().seq > seq + 1))
        return std::nullopt;
    QList<Event> out;
    for (const Event &e : m_events) {
        if (e.seq > seq)
            out.append(e);
    }
    return out;
}

} // namespace Switchboard
