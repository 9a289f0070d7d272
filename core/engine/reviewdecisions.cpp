#include "engine/reviewdecisions.h"

#include "audit/audittrail.h"
#include "common/clock.h"
#include "engine/executionrun.h"
#include "engine/executionstore.h"
#include "engine/runhost.h"
#include "review/taskstore.h"

namespace Switchboard {

ReviewDecisions::ReviewDecisions(RunHost &host, ExecutionStore &store, TaskStore &tasks,
                                 const Clock &clock)
    : m_host(host)
    , m_store(store)
    , m_tasks(tasks)
    , m_clock(clock)
{
}

Status ReviewDecisions::claim(const QString &taskId, const QString &who)
{
    return m_store.transaction([&]() -> Status {
        if (Status claimed = m_tasks.claim(taskId, who); !claimed)
            return claimed;
        return audit(m_audit, QStringLiteral("review.claimed"), who,
                     {{QStringLiteral("task_id"), taskId}});
    });
}

Result<QJsonObject> ReviewDecisions::decide(const QString &taskId, const QString &decision,
                                            const QJsonObject &fields, const QString &comment,
                                            const QString &who)
{
    auto t = m_tasks.task(taskId);
    if (!t)
        return t.error();
    const QString status = t->value(QLatin1String("status")).toString();
    if (status == QLatin1String("decided"))
        return conflict(QStringLiteral("the task was already decided by %1")
                            .arg(t->value(QLatin1String("decided_by")).toString()),
                        QStringLiteral("status"));
    if (status == QLatin1String("expired"))
        return conflict(QStringLiteral("the task has expired; its execution is no longer waiting"),
                        QStringLiteral("status"));
    auto values = TaskStore::checkDecision(*t, decision, fields);
    if (!values)
        return values.error();
    auto loaded = m_host.load(t->value(QLatin1String("execution_id")).toString());
    if (!loaded)
        return loaded.error();
    ExecutionRun &run = **loaded;
    const QString node = t->value(QLatin1String("node")).toString();
    const QJsonObject outcome {{QStringLiteral("decision"), decision},
                               {QStringLiteral("fields"), *values},
                               {QStringLiteral("comment"), comment},
                               {QStringLiteral("decided_by"), who}};
    const qint64 now = m_clock.nowMs();
    run.ops.append([this, taskId, outcome, who, now] {
        return m_tasks.markDecided(taskId, outcome, who, now);
    });
    run.tasks.append(taskId);
    m_host.audit(run, QStringLiteral("review.decided"), who,
                 {{QStringLiteral("task_id"), taskId},
                  {QStringLiteral("execution_id"), run.id},
                  {QStringLiteral("queue"), t->value(QLatin1String("queue"))},
                  {QStringLiteral("decision"), decision},
                  {QStringLiteral("changed_fields"), TaskStore::changedFields(*t, fields)},
                  {QStringLiteral("with_comment"), !comment.trimmed().isEmpty()}});
    run.record(now, QStringLiteral("task_decided"), node, 0,
               {{QStringLiteral("task_id"), taskId},
                {QStringLiteral("decision"), decision},
                {QStringLiteral("decided_by"), who}});
    if (Status st =
            m_host.resumeFromWait(run, node, decision, outcome, QStringLiteral("step_resumed"));
        !st)
        return st.error();
    return m_tasks.task(taskId);
}

} // namespace Switchboard
