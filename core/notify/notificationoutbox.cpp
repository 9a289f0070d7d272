#include "notify/notificationoutbox.h"

#include "common/clock.h"
#include "store/database.h"

#include <QJsonDocument>

namespace Switchboard {

namespace {

QJsonObject parse(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toByteArray()).object();
}

} // namespace

NotificationOutbox::NotificationOutbox(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<QList<NotificationOutbox::Notice>> NotificationOutbox::waiting(int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT id, alert_id, event, alert FROM notification_outbox "
                                      "WHERE dispatched_at IS NULL ORDER BY id LIMIT ?"),
                       {limit});
    if (!q)
        return q.error();
    QList<Notice> out;
    while (q->next())
        out.append({q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                    parse(q->value(3))});
    return out;
}

Result<QList<qint64>> NotificationOutbox::dispatch(const Notice &notice,
                                                   const QStringList &channels,
                                                   const Context &context)
{
    QList<qint64> ids;
    const qint64 now = m_clock.nowMs();
    const QString contextJson =
        QString::fromUtf8(QJsonDocument(context.toJson()).toJson(QJsonDocument::Compact));
    Status st = m_db.transaction([&]() -> Status {
        for (const QString &channel : channels) {
            auto r = m_db.insert(
                QStringLiteral("INSERT INTO alert_deliveries (alert_id, channel, event, status, "
                               "attempts, http_status, error, created_at, updated_at, outbox_id, "
                               "context) VALUES (?, ?, ?, 'queued', 0, 0, '', ?, ?, ?, ?)"),
                {notice.alertId, channel, notice.event, now, now, notice.id, contextJson});
            if (!r)
                return r.error();
            ids.append(*r);
        }
        auto done = m_db.run(
            QStringLiteral("UPDATE notification_outbox SET dispatched_at = ? WHERE id = ?"),
            {now, notice.id});
        if (!done)
            return done.error();
        return Ok {};
    });
    if (!st)
        return st.error();
    return ids;
}

Result<QList<NotificationOutbox::Delivery>> NotificationOutbox::unfinished()
{
    if (auto r = m_db.run(QStringLiteral("UPDATE alert_deliveries SET status = 'failed', error = "
                                         "'the core stopped before it was sent' WHERE status IN "
                                         "('queued', 'retrying') AND outbox_id IS NULL"));
        !r)
        return r.error();
    auto q = m_db.exec(QStringLiteral(
        "SELECT d.id, d.channel, d.attempts, o.id, o.alert_id, o.event, o.alert, d.context FROM "
        "alert_deliveries d JOIN notification_outbox o ON o.id = d.outbox_id WHERE d.status IN "
        "('queued', 'retrying') ORDER BY d.id"));
    if (!q)
        return q.error();
    QList<Delivery> out;
    while (q->next()) {
        const QJsonObject c = parse(q->value(7));
        out.append({q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toInt(),
                    Notice {q->value(3).toLongLong(), q->value(4).toLongLong(),
                            q->value(5).toString(), parse(q->value(6))},
                    NoticeContext::fromJson(c)});
    }
    return out;
}

} // namespace Switchboard
