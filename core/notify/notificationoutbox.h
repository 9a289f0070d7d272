#pragma once

#include "common/result.h"
#include "notify/channelpayloads.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Switchboard {

class Clock;
class Database;

// The notifications decided but not yet sent. The alert book puts a notice in the outbox in the
// transaction that changes the alert; here it becomes one delivery per channel that routes it,
// in one transaction, and each delivery is kept until it is sent or given up. After a crash,
// whatever was decided is still here: nothing is lost between "notify" and "sent".
class NotificationOutbox
{
public:
    NotificationOutbox(Database &db, const Clock &clock);

    struct Notice
    {
        qint64 id = 0;
        qint64 alertId = 0;
        QString event; // trigger | acknowledge | resolve
        QJsonObject alert; // the alert as it was when the notice was decided
    };
    using Context = NoticeContext;
    // Notices not yet turned into deliveries, oldest first.
    Result<QList<Notice>> waiting(int limit = 200);
    // The notice becomes a queued delivery for each of channels (none: nobody takes it), all
    // in one transaction; returns the deliveries' ids in the order of channels.
    Result<QList<qint64>> dispatch(const Notice &notice, const QStringList &channels,
                                   const Context &context);

    struct Delivery
    {
        qint64 id = 0;
        QString channel;
        int attempts = 0;
        Notice notice;
        Context context;
    };
    // Deliveries a stop cut short (queued or retrying), oldest first. Those from before the
    // outbox existed, which cannot be sent again, are marked failed.
    Result<QList<Delivery>> unfinished();

private:
    Database &m_db;
    const Clock &m_clock;
};

} // namespace Switchboard
