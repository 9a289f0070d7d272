#include "engine/inboundrequests.h"

#include "engine/executionjson.h"
#include "store/database.h"

#include <QCryptographicHash>

namespace Switchboard {

using namespace ExecutionJson;

InboundRequests::InboundRequests(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<std::optional<InboundRequests::Answer>>
InboundRequests::find(const QString &key, const QString &route, const QString &fingerprint)
{
    if (key.isEmpty() || key.size() > MaxKeyLength)
        return makeError(
            QStringLiteral("an Idempotency-Key has 1 to %1 characters").arg(MaxKeyLength),
            QStringLiteral("Idempotency-Key"));
    auto q = m_db.exec(QStringLiteral("SELECT fingerprint, status, answer FROM inbound_requests "
                                      "WHERE key = ? AND route = ? AND created_at >= ?"),
                       {key, route, m_clock.nowMs() - KeptMs});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<Answer>();
    if (q->value(0).toString() != fingerprint)
        return conflict(QStringLiteral("this Idempotency-Key was used for a different request; "
                                       "use a new key for new work"),
                        QStringLiteral("Idempotency-Key"));
    return std::optional<Answer>(Answer {q->value(1).toInt(), parse(q->value(2))});
}

Result<std::optional<QJsonObject>> InboundRequests::replay(const QString &key, const QString &route,
                                                           const QString &fingerprint)
{
    auto seen = find(key, route, fingerprint);
    if (!seen)
        return seen.error();
    if (!*seen)
        return std::optional<QJsonObject>();
    QJsonObject answer = (*seen)->body;
    answer.insert(QStringLiteral("replayed"), true);
    return std::optional<QJsonObject>(answer);
}

QString InboundRequests::fingerprint(const QJsonObject &request)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(compact(request).toUtf8(), QCryptographicHash::Sha256).toHex());
}

Status InboundRequests::remember(const QString &key, const QString &route,
                                 const QString &fingerprint, const Answer &answer)
{
    // REPLACE: an expired entry for the same key gives way.
    auto r =
        m_db.run(QStringLiteral("INSERT INTO inbound_requests (key, route, fingerprint, "
                                "status, answer, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                                "ON CONFLICT (key, route) DO UPDATE SET fingerprint = "
                                "excluded.fingerprint, status = excluded.status, answer = "
                                "excluded.answer, created_at = excluded.created_at"),
                 {key, route, fingerprint, answer.status, compact(answer.body), m_clock.nowMs()});
    return r ? Status(Ok {}) : Status(r.error());
}

Status InboundRequests::prune()
{
    return m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("DELETE FROM inbound_requests WHERE created_at < ?"),
                          {m_clock.nowMs() - KeptMs});
        return r ? Status(Ok {}) : Status(r.error());
    });
}

} // namespace Switchboard
