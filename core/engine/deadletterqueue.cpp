#include "engine/deadletterqueue.h"

#include "audit/audittrail.h"
#include "engine/executionjson.h"
#include "store/database.h"

#include <QPointer>

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

Result<QJsonArray> DeadLetterQueue::list(const QString &status)
{
    const QString columns =
        QStringLiteral("id, execution_id, node, module, action, payload, error, attempts, status, "
                       "created_at, updated_at, result");
    auto q = status.isEmpty()
        ? m_db.exec(
            QStringLiteral("SELECT %1 FROM dead_letters ORDER BY created_at DESC LIMIT 1000")
                .arg(columns))
        : m_db.exec(
            QStringLiteral(
                "SELECT %1 FROM dead_letters WHERE status = ? ORDER BY created_at DESC LIMIT 1000")
                .arg(columns),
            {status});
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
                         {QStringLiteral("result"), parse(q->value(11))}});
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

Status DeadLetterQueue::discard(const QString &id, const QString &actor)
{
    return m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("UPDATE dead_letters SET status = 'discarded', "
                                         "updated_at = ? WHERE id = ? AND status = 'pending'"),
                          {m_clock.nowMs(), id});
        if (!r)
            return r.error();
        if (*r == 0)
            return notFound(QStringLiteral("no pending dead letter has the id \"%1\"").arg(id),
                            QStringLiteral("id"));
        return audit(m_audit, QStringLiteral("dead_letter.discarded"), actor,
                     {{QStringLiteral("dead_letter_id"), id}});
    });
}

void DeadLetterQueue::replay(const QString &id, const QJsonObject &editedPayload,
                             const QString &actor, std::function<void(Result<QJsonObject>)> done)
{
    auto q = m_db.exec(QStringLiteral("SELECT module, action, payload, idempotency_key, attempts "
                                      "FROM dead_letters WHERE id = ? AND status = 'pending'"),
                       {id});
    if (!q || !q->next()) {
        done(notFound(QStringLiteral("no pending dead letter has the id \"%1\"").arg(id),
                      QStringLiteral("id")));
        return;
    }
    const QString module = q->value(0).toString();
    const int attempts = q->value(4).toInt();
    ModuleCallRequest request;
    request.module = module;
    request.url = m_endpoints.value(module);
    request.body = editedPayload.isEmpty() ? parse(q->value(2)) : editedPayload;
    request.body.insert(QStringLiteral("action"), q->value(1).toString());
    // The same payload keeps its key, so a module that did act on a lost answer acts once;
    // an edited payload is a new request.
    request.idempotencyKey = (editedPayload.isEmpty() ? q->value(3).toString()
                                                      : q->value(3).toString()
                                      + QStringLiteral(":replay%1").arg(attempts))
                                 .toLatin1();
    request.traceId = randomHex(16);
    request.spanId = randomHex(8);
    if (request.url.isEmpty()) {
        done(makeError(QStringLiteral("module %1 has no endpoint configured").arg(module),
                       QStringLiteral("module")));
        return;
    }
    QPointer<DeadLetterQueue> self(this);
    const bool edited = !editedPayload.isEmpty();
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
                        QStringLiteral("UPDATE dead_letters SET error = ?, updated_at = "
                                       "?, attempts = ? WHERE id = ?"),
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
            if (!st) {
                done(st.error());
                return;
            }
            if (!result.ok()) {
                done(conflict(QStringLiteral("the replay failed too: %1").arg(result.error),
                              QStringLiteral("status")));
                return;
            }
            done(QJsonObject {{QStringLiteral("id"), id},
                              {QStringLiteral("status"), QStringLiteral("replayed")},
                              {QStringLiteral("result"), result.body}});
        });
}

} // namespace Switchboard
