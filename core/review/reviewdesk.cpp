#include "review/reviewdesk.h"

#include "audit/audittrail.h"
#include "common/logging.h"
#include "engine/workflowengine.h"
#include "store/database.h"

#include <QTimer>

namespace Switchboard {

ReviewDesk::ReviewDesk(WorkflowEngine &engine, Database &db, AuditTrail &audit, const Clock &clock,
                       QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_db(db)
    , m_audit(audit)
    , m_clock(clock)
{
    connect(&engine, &WorkflowEngine::taskChanged, this, &ReviewDesk::tasksChanged);
    auto *sla = new QTimer(this);
    sla->setInterval(30000);
    connect(sla, &QTimer::timeout, this, [this] { escalateOverdue(); });
    sla->start();
}

QJsonObject ReviewDesk::masked(QJsonObject task)
{
    QJsonObject form = task.value(QLatin1String("form")).toObject();
    QJsonArray fields;
    bool any = false;
    for (const auto &v : form.value(QLatin1String("fields")).toArray()) {
        QJsonObject f = v.toObject();
        if (f.value(QLatin1String("phi")).toBool()) {
            f.insert(QStringLiteral("value"), QStringLiteral("•••"));
            f.insert(QStringLiteral("masked"), true);
            any = true;
        }
        fields.append(f);
    }
    form.insert(QStringLiteral("fields"), fields);
    task.insert(QStringLiteral("form"), form);
    // A decision's corrected values may be PHI as well.
    if (any && task.value(QLatin1String("decision")).isObject()) {
        QJsonObject decision = task.value(QLatin1String("decision")).toObject();
        decision.remove(QStringLiteral("fields"));
        task.insert(QStringLiteral("decision"), decision);
    }
    return task;
}

QJsonObject ReviewDesk::named(QJsonObject task) const
{
    const auto name = [this](const QJsonValue &actor) {
        return actor.isString() && m_names ? QJsonValue(m_names(actor.toString())) : actor;
    };
    if (task.contains(QLatin1String("claimed_by")))
        task.insert(QStringLiteral("claimed_by_name"),
                    name(task.value(QLatin1String("claimed_by"))));
    if (task.value(QLatin1String("decision")).isObject()) {
        QJsonObject decision = task.value(QLatin1String("decision")).toObject();
        decision.insert(QStringLiteral("decided_by_name"),
                        name(decision.value(QLatin1String("decided_by"))));
        task.insert(QStringLiteral("decision"), decision);
    }
    return task;
}

Result<QJsonArray> ReviewDesk::openTasks(const QString &queue, bool mayReadPhi)
{
    auto all = m_engine.tasks(queue, QStringLiteral("open"));
    if (!all)
        return all;
    QJsonArray out;
    for (const auto &t : *all)
        out.append(named(mayReadPhi ? t.toObject() : masked(t.toObject())));
    return out;
}

Result<QJsonObject> ReviewDesk::task(const QString &taskId, bool mayReadPhi)
{
    auto t = m_engine.task(taskId);
    if (!t)
        return t.error();
    return named(mayReadPhi ? *t : masked(*t));
}

QJsonArray ReviewDesk::queues()
{
    // Counts from task_counts (kept by triggers); per queue, the overdue ones and the oldest
    // through the (queue, status, due_at) and (queue, status, created_at) indexes: the cost
    // grows with the queues and the overdue tasks, not with the open ones.
    auto q = m_db.exec(
        QStringLiteral(
            "SELECT c.queue, SUM(c.n), SUM(CASE WHEN c.status = 'claimed' THEN c.n ELSE 0 END), "
            "(SELECT COUNT(*) FROM tasks t WHERE t.queue = c.queue AND t.status IN ('pending', "
            "'claimed', 'escalated') AND t.due_at IS NOT NULL AND t.due_at <= ?), "
            "(SELECT MIN(m) FROM ("
            "SELECT MIN(created_at) AS m FROM tasks WHERE queue = c.queue AND status = 'pending' "
            "UNION ALL SELECT MIN(created_at) FROM tasks WHERE queue = c.queue AND status = "
            "'claimed' UNION ALL SELECT MIN(created_at) FROM tasks WHERE queue = c.queue AND "
            "status = 'escalated') oldest) "
            "FROM task_counts c WHERE c.status IN ('pending', 'claimed', 'escalated') "
            "GROUP BY c.queue HAVING SUM(c.n) > 0 ORDER BY SUM(c.n) DESC, c.queue"),
        {m_clock.nowMs()});
    QJsonArray out;
    if (!q) {
        qCWarning(lcStore) << "cannot count the review queues:" << q.error().message;
        return out;
    }
    while (q->next()) {
        out.append(QJsonObject {{QStringLiteral("queue"), q->value(0).toString()},
                                {QStringLiteral("open"), q->value(1).toInt()},
                                {QStringLiteral("claimed"), q->value(2).toInt()},
                                {QStringLiteral("overdue"), q->value(3).toInt()},
                                {QStringLiteral("oldest_created_at"),
                                 QDateTime::fromMSecsSinceEpoch(q->value(4).toLongLong(), Qt::UTC)
                                     .toString(Qt::ISODate)}});
    }
    return out;
}

Status ReviewDesk::claim(const QString &taskId, const QString &who)
{
    return m_engine.claim(taskId, who);
}

Status ReviewDesk::release(const QString &taskId, const QString &who)
{
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.run(
            QStringLiteral("UPDATE tasks SET status = CASE WHEN escalated_from IS NULL THEN "
                           "'pending' ELSE 'escalated' END, claimed_by = NULL WHERE id = ? AND "
                           "status = 'claimed' AND claimed_by = ?"),
            {taskId, who});
        if (!r)
            return r.error();
        if (*r == 1)
            return m_audit.record(QStringLiteral("review.released"), who,
                                  {{QStringLiteral("task_id"), taskId}});
        auto t = m_engine.task(taskId);
        if (!t)
            return t.error();
        return conflict(t->value(QLatin1String("status")).toString() == QLatin1String("claimed")
                            ? QStringLiteral("the task was claimed by %1; only they can release it")
                                  .arg(t->value(QLatin1String("claimed_by")).toString())
                            : QStringLiteral("the task is %1, not claimed")
                                  .arg(t->value(QLatin1String("status")).toString()),
                        QStringLiteral("status"));
    });
    if (!st)
        return st;
    Q_EMIT tasksChanged();
    return Ok {};
}

Result<QJsonObject> ReviewDesk::decide(const QString &taskId, const QString &decision,
                                       const QJsonObject &fields, const QString &comment,
                                       const QString &who)
{
    auto before = m_engine.task(taskId);
    if (!before)
        return before.error();
    // Someone's claimed task is theirs to decide.
    const QJsonValue claimedBy = before->value(QLatin1String("claimed_by"));
    if (before->value(QLatin1String("status")).toString() == QLatin1String("claimed")
        && claimedBy.isString() && claimedBy.toString() != who)
        return conflict(QStringLiteral("%1 is working on this task; ask them, or wait until they "
                                       "release it")
                            .arg(claimedBy.toString()),
                        QStringLiteral("status"));
    auto decided = m_engine.decide(taskId, decision, fields, comment, who);
    if (!decided)
        return decided.error();
    Q_EMIT tasksChanged();
    return decided;
}

QJsonArray ReviewDesk::decideMany(const QStringList &taskIds, const QString &decision,
                                  const QString &who)
{
    QJsonArray out;
    for (const QString &id : taskIds) {
        QJsonObject result {{QStringLiteral("id"), id}};
        auto t = m_engine.task(id);
        if (!t) {
            result.insert(QStringLiteral("ok"), false);
            result.insert(QStringLiteral("error"), t.error().message);
        } else if (!allowsBulk(t->value(QLatin1String("form")).toObject())) {
            result.insert(QStringLiteral("ok"), false);
            result.insert(QStringLiteral("error"),
                          QStringLiteral("its form needs input; open it to decide"));
        } else if (auto d = decide(id, decision, {}, {}, who); !d) {
            result.insert(QStringLiteral("ok"), false);
            result.insert(QStringLiteral("error"), d.error().message);
        } else {
            result.insert(QStringLiteral("ok"), true);
        }
        out.append(result);
    }
    return out;
}

bool ReviewDesk::allowsBulk(const QJsonObject &form)
{
    for (const auto &v : form.value(QLatin1String("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        const QJsonValue value = f.value(QLatin1String("value"));
        const bool empty = value.isUndefined() || value.isNull()
            || (value.isString() && value.toString().trimmed().isEmpty());
        if (f.value(QLatin1String("required")).toBool() && empty)
            return false;
    }
    return true;
}

int ReviewDesk::escalateOverdue()
{
    auto due = m_db.exec(QStringLiteral("SELECT id, queue FROM tasks WHERE status IN ('pending', "
                                        "'claimed') AND due_at IS NOT NULL AND due_at <= ? AND "
                                        "escalated_from IS NULL"),
                         {m_clock.nowMs()});
    if (!due)
        return 0;
    QList<std::pair<QString, QString>> tasks;
    while (due->next())
        tasks.append({due->value(0).toString(), due->value(1).toString()});
    int moved = 0;
    for (const auto &task : std::as_const(tasks)) {
        const QString &id = task.first;
        const QString &queue = task.second;
        bool escalated = false;
        Status st = m_db.transaction([&]() -> Status {
            auto r = m_db.run(
                QStringLiteral("UPDATE tasks SET status = 'escalated', queue = ?, escalated_from "
                               "= ?, role = 'manager', claimed_by = NULL WHERE id = ? AND status "
                               "IN ('pending', 'claimed')"),
                {supervisorQueue(), queue, id});
            if (!r)
                return r.error();
            escalated = *r == 1;
            if (!escalated)
                return Ok {};
            return m_audit.record(
                QStringLiteral("review.escalated"), QStringLiteral("switchboard"),
                {{QStringLiteral("task_id"), id}, {QStringLiteral("queue"), queue}});
        });
        if (!st) {
            qCWarning(lcService) << "review task" << id << "not escalated:" << st.error().message;
            continue;
        }
        if (!escalated)
            continue;
        ++moved;
        qCInfo(lcService) << "review task" << id << "from" << queue
                          << "passed its SLA and went to the supervisors";
    }
    if (moved > 0)
        Q_EMIT tasksChanged();
    return moved;
}

QHash<QString, int> ReviewDesk::overdueByQueue()
{
    QHash<QString, int> out;
    auto q = m_db.exec(QStringLiteral("SELECT escalated_from, COUNT(*) FROM tasks WHERE status IN "
                                      "('escalated', 'claimed') AND escalated_from IS NOT NULL "
                                      "GROUP BY escalated_from"));
    if (!q)
        return out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toInt());
    return out;
}

} // namespace Switchboard
