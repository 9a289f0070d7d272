#include "review/taskstore.h"

#include "engine/executionjson.h"
#include "store/database.h"

namespace Switchboard {

using namespace ExecutionJson;

namespace {

const char *const TaskColumns =
    "id, execution_id, node, queue, role, title, form, status, created_at, due_at, claimed_by, "
    "decided_by, decision, decided_at, escalated_from";

} // namespace

TaskStore::TaskStore(Database &db)
    : m_db(db)
{
}

QJsonObject TaskStore::toJson(const QSqlQuery &q)
{
    return {
        {QStringLiteral("id"), q.value(0).toString()},
        {QStringLiteral("execution_id"), q.value(1).toString()},
        {QStringLiteral("node"), q.value(2).toString()},
        {QStringLiteral("queue"), q.value(3).toString()},
        {QStringLiteral("role"), q.value(4).toString()},
        {QStringLiteral("title"), q.value(5).toString()},
        {QStringLiteral("form"), parse(q.value(6))},
        {QStringLiteral("status"), q.value(7).toString()},
        {QStringLiteral("created_at"), isoOrNull(q.value(8).toLongLong())},
        {QStringLiteral("due_at"), isoOrNull(q.value(9).toLongLong())},
        {QStringLiteral("claimed_by"),
         q.value(10).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(10).toString())},
        {QStringLiteral("decided_by"),
         q.value(11).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(11).toString())},
        {QStringLiteral("decision"), parse(q.value(12))},
        {QStringLiteral("decided_at"), isoOrNull(q.value(13).toLongLong())},
        {QStringLiteral("escalated_from"),
         q.value(14).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(14).toString())}};
}

Result<QJsonArray> TaskStore::tasks(const QString &queue, const QString &status)
{
    QString sql =
        QStringLiteral("SELECT %1 FROM tasks WHERE 1 = 1").arg(QLatin1String(TaskColumns));
    QVariantList values;
    if (!queue.isEmpty()) {
        sql += QStringLiteral(" AND queue = ?");
        values << queue;
    }
    if (status == QLatin1String("open")) {
        sql += QStringLiteral(" AND status IN ('pending', 'claimed', 'escalated')");
    } else if (!status.isEmpty()) {
        sql += QStringLiteral(" AND status = ?");
        values << status;
    }
    sql += QStringLiteral(" ORDER BY created_at LIMIT 1000");
    auto q = m_db.exec(sql, values);
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(toJson(*q));
    return out;
}

Result<QJsonObject> TaskStore::task(const QString &taskId)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT %1 FROM tasks WHERE id = ?").arg(QLatin1String(TaskColumns)),
        {taskId});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("no task has the id \"%1\"").arg(taskId),
                        QStringLiteral("id"));
    return toJson(*q);
}

Status TaskStore::claim(const QString &taskId, const QString &who)
{
    auto r = m_db.run(QStringLiteral("UPDATE tasks SET status = 'claimed', claimed_by = ? WHERE "
                                     "id = ? AND status IN ('pending', 'escalated')"),
                      {who, taskId});
    if (!r)
        return r.error();
    if (*r == 1)
        return Ok {};
    auto t = task(taskId);
    if (!t)
        return t.error();
    return conflict(
        QStringLiteral("the task is %1%2")
            .arg(t->value(QLatin1String("status")).toString(),
                 t->value(QLatin1String("claimed_by")).isString()
                     ? QStringLiteral(" by ") + t->value(QLatin1String("claimed_by")).toString()
                     : QString()),
        QStringLiteral("status"));
}

} // namespace Switchboard
