#include "engine/deadletterqueue.h"

#include "audit/audittrail.h"
#include "engine/executionjson.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QPointer>
#include <memory>

namespace Switchboard {

using namespace ExecutionJson;

DeadLetterQueue::DeadLetterQueue(Database &db, ModuleClient &modules, const Clock &clock,
                                 QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_modules(modules)
    , m_clock(clock)
{
}

Status DeadLetterQueue::add(const Entry &e)
{
    const qint64 now = m_clock.nowMs();
    auto r = m_db.run(
        QStringLiteral("INSERT INTO dead_letters (id, execution_id, node, module, action, payload, "
                       "idempotency_key, error, attempts, status, created_at, updated_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"),
        {e.id, e.executionId, e.node, e.module, e.action, compact(e.payload), e.idempotencyKey,
         e.error, e.attempts, now, now});
    return r ? Status(Ok {}) : Status(r.error());
}

Status DeadLetterQueue::prune()
{
    return m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("DELETE FROM dead_letters WHERE status IN "
                                         "('replayed', 'discarded') AND updated_at < ?"),
                          {m_clock.nowMs() - m_ttlMs});
        return r ? Status(Ok {}) : Status(r.error());
    });
}

Result<QJsonArray> DeadLetterQueue::list(const Filter &filter)
{
    QStringList where;
    QVariantList values;
    for (const auto &[column, value] :
         {std::pair {"status", filter.status}, std::pair {"module", filter.module},
          std::pair {"execution_id", filter.executionId}}) {
        if (value.isEmpty())
            continue;
        where << QStringLiteral("%1 = ?").arg(QLatin1String(column));
        values << value;
    }
    auto q = m_db.exec(
        QStringLiteral("SELECT id, execution_id, node, module, action, payload, error, attempts, "
                       "status, created_at, updated_at, result, reason, idempotency_key "
                       "FROM dead_letters %1 ORDER BY created_at DESC LIMIT 1000")
            .arg(where.isEmpty() ? QString()
                                 : QStringLiteral("WHERE ") + where.join(QLatin1String(" AND "))),
        values);
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next()) {
        out.append(
            QJsonObject {{QStringLiteral("id"), q->value(0).toString()},
                         {QStringLiteral("execution_id"), q->value(1).toString()},
                         {QStringLiteral("node"), q->value(2).toString()},
                         {QStringLiteral("module"), q->value(3).toString()},
                         {QStringLiteral("action"), q->value(4).toString()},
                         {QStringLiteral("payload"), parse(q->value(5))},
                         {QStringLiteral("error"), q->value(6).toString()},
                         {QStringLiteral("attempts"), q->value(7).toInt()},
                         {QStringLiteral("status"), q->value(8).toString()},
                         {QStringLiteral("created_at"), isoOrNull(q->value(9).toLongLong())},
                         {QStringLiteral("updated_at"), isoOrNull(q->value(10).toLongLong())},
                         {QStringLiteral("result"), parse(q->value(11))},
                         {QStringLiteral("reason"),
                          q->value(12).isNull() ? QJsonValue(QJsonValue::Null)
                                                : QJsonValue(q->value(12).toString())},
                         {QStringLiteral("idempotency_key"), q->value(13).toString()}});
    }
    return out;
}

Result<int> DeadLetterQueue::pendingCount()
{
    auto q =
        m_db.exec(QStringLiteral("SELECT COUNT(*) FROM dead_letters WHERE status = 'pending'"));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toInt() : 0;
}

Status DeadLetterQueue::discard(const QString &id, const QString &reason, const QString &actor)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(QStringLiteral("say why the dead letter is discarded"),
                         QStringLiteral("reason"));
    return m_db.transaction([&]() -> Status {
        auto r =
            m_db.run(QStringLiteral("UPDATE dead_letters SET status = 'discarded', reason = ?, "
                                    "updated_at = ? WHERE id = ? AND status = 'pending'"),
                     {why, m_clock.nowMs(), id});
        if (!r)
            return r.error();
        if (*r == 0)
            return notFound(QStringLiteral("no pending dead letter has the id \"%1\"").arg(id),
                            QStringLiteral("id"));
        return audit(m_audit, QStringLiteral("dead_letter.discarded"), actor,
                     {{QStringLiteral("dead_letter_id"), id}, {QStringLiteral("reason"), why}});
    });
}

Status DeadLetterQueue::recoverInterrupted()
{
    // Read first: a start with nothing to recover writes nothing.
    auto q =
        m_db.exec(QStringLiteral("SELECT 1 FROM dead_letters WHERE status = 'replaying' LIMIT 1"));
    if (!q)
        return q.error();
    if (!q->next())
        return Ok {};
    q->finish();
    return m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("UPDATE dead_letters SET status = 'pending' "
                                         "WHERE status = 'replaying'"));
        return r ? Status(Ok {}) : Status(r.error());
    });
}

void DeadLetterQueue::replay(const QString &id, const QJsonObject &editedPayload,
                             const QString &actor, std::function<void(Result<QJsonObject>)> done)
{
    auto q = m_db.exec(QStringLiteral("SELECT module, action, payload, idempotency_key, attempts, "
                                      "status FROM dead_letters WHERE id = ?"),
                       {id});
    if (!q)
        return done(q.error());
    if (!q->next())
        return done(notFound(QStringLiteral("no dead letter has the id \"%1\"").arg(id),
                             QStringLiteral("id")));
    const QString status = q->value(5).toString();
    if (status != QLatin1String("pending"))
        return done(
            conflict(status == QLatin1String("replaying")
                         ? QStringLiteral("dead letter \"%1\" is being replayed already").arg(id)
                         : QStringLiteral("dead letter \"%1\" was %2 already").arg(id, status),
                     QStringLiteral("status")));
    const QString module = q->value(0).toString();
    const int attempts = q->value(4).toInt();
    const bool edited = !editedPayload.isEmpty();
    ModuleCallRequest request;
    request.module = module;
    request.url = m_endpoints.value(module);
    request.body = edited ? editedPayload : parse(q->value(2));
    request.body.insert(QStringLiteral("action"), q->value(1).toString());
    // The same payload keeps its key; an edited one is a new request, keyed by what it says, so
    // the same edit sent again is still one effect.
    request.idempotencyKey = q->value(3).toString().toLatin1();
    if (edited)
        request.idempotencyKey += ":edit-"
            + QCryptographicHash::hash(compact(request.body).toUtf8(), QCryptographicHash::Sha256)
                  .toHex()
                  .left(16);
    request.traceId = randomHex(16);
    request.spanId = randomHex(8);
    q->finish();
    if (request.url.isEmpty())
        return done(makeError(QStringLiteral("module %1 has no endpoint configured").arg(module),
                              QStringLiteral("module")));
    Status claimed = m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("UPDATE dead_letters SET status = 'replaying', "
                                         "updated_at = ? WHERE id = ? AND status = 'pending'"),
                          {m_clock.nowMs(), id});
        if (!r)
            return r.error();
        if (*r == 0)
            return conflict(QStringLiteral("dead letter \"%1\" is being replayed already").arg(id),
                            QStringLiteral("status"));
        return Ok {};
    });
    if (!claimed)
        return done(claimed.error());
    QPointer<DeadLetterQueue> self(this);
    m_modules.call(
        request, [self, id, attempts, actor, edited, done](const ModuleCallResult &result) {
            if (!self)
                return;
            const qint64 now = self->m_clock.nowMs();
            Status st = self->m_db.transaction([&]() -> Status {
                auto r = result.ok()
                    ? self->m_db.run(
                        QStringLiteral(
                            "UPDATE dead_letters SET status = 'replayed', updated_at = ?, "
                            "result = ?, attempts = ? WHERE id = ?"),
                        {now, compact(result.body), attempts + 1, id})
                    : self->m_db.run(
                        QStringLiteral("UPDATE dead_letters SET status = 'pending', error = ?, "
                                       "updated_at = ?, attempts = ? WHERE id = ?"),
                        {result.error, now, attempts + 1, id});
                if (!r)
                    return r.error();
                return audit(
                    self->m_audit, QStringLiteral("dead_letter.replayed"), actor,
                    {{QStringLiteral("dead_letter_id"), id},
                     {QStringLiteral("edited"), edited},
                     {QStringLiteral("outcome"),
                      result.ok() ? QStringLiteral("succeeded") : QStringLiteral("failed")}});
            });
            if (!st)
                return done(st.error());
            if (!result.ok())
                return done(conflict(QStringLiteral("the replay failed too: %1").arg(result.error),
                                     QStringLiteral("status")));
            done(QJsonObject {{QStringLiteral("id"), id},
                              {QStringLiteral("status"), QStringLiteral("replayed")},
                              {QStringLiteral("result"), result.body}});
        });
}

QJsonObject DeadLetterQueue::outcomeOf(const QString &id, const Result<QJsonObject> &result)
{
    QJsonObject outcome {
        {QStringLiteral("id"), id},
        {QStringLiteral("status"), result ? QStringLiteral("replayed") : QStringLiteral("failed")}};
    if (!result)
        outcome.insert(QStringLiteral("error"), result.error().message);
    return outcome;
}

void DeadLetterQueue::replayAll(const QStringList &ids, const QString &actor,
                                std::function<void(QJsonArray)> done)
{
    struct Pending
    {
        QJsonArray outcomes;
        int left = 0;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(ids.size());
    for (int i = 0; i < ids.size(); ++i)
        pending->outcomes.append(QJsonValue());
    if (ids.isEmpty())
        return done({});
    for (int i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        replay(id, {}, actor, [pending, i, id, done](Result<QJsonObject> result) {
            const QJsonObject outcome = outcomeOf(id, result);
            pending->outcomes.replace(i, outcome);
            if (--pending->left == 0)
                done(pending->outcomes);
        });
    }
}

} // namespace Switchboard
