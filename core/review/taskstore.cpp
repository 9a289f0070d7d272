#include "review/taskstore.h"

#include "engine/executionjson.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <cmath>

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

Status TaskStore::add(const NewTask &t)
{
    auto r = m_db.run(QStringLiteral("INSERT INTO tasks (id, execution_id, node, queue, role, "
                                     "title, form, status, created_at, due_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)"),
                      {t.id, t.executionId, t.node, t.queue, t.role, t.title, compact(t.form),
                       t.createdMs, t.dueMs > 0 ? QVariant(t.dueMs) : QVariant()});
    return r ? Status(Ok {}) : Status(r.error());
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

QJsonArray TaskStore::changedFields(const QJsonObject &task, const QJsonObject &fields)
{
    QJsonArray changed;
    const QJsonObject form = task.value(QLatin1String("form")).toObject();
    for (const auto &v : form.value(QLatin1String("fields")).toArray()) {
        const QJsonObject f = v.toObject();
        const QString name = f.value(QLatin1String("name")).toString();
        if (fields.contains(name) && fields.value(name) != f.value(QLatin1String("value")))
            changed.append(name);
    }
    return changed;
}

Result<QJsonObject> TaskStore::checkDecision(const QJsonObject &task, const QString &decision,
                                             const QJsonObject &fields)
{
    const QJsonObject form = task.value(QLatin1String("form")).toObject();
    QStringList outcomes;
    for (const auto &o : form.value(QLatin1String("outcomes")).toArray())
        outcomes << o.toString();
    if (!outcomes.contains(decision))
        return makeError(QStringLiteral("\"%1\" is not a decision of this task (it has: %2)")
                             .arg(decision, outcomes.join(QStringLiteral(", "))),
                         QStringLiteral("decision"));
    QJsonObject values;
    for (const auto &fv : form.value(QLatin1String("fields")).toArray()) {
        const QJsonObject f = fv.toObject();
        const QString name = f.value(QLatin1String("name")).toString();
        const QJsonValue given =
            fields.contains(name) ? fields.value(name) : f.value(QLatin1String("value"));
        const bool empty = given.isUndefined() || given.isNull()
            || (given.isString() && given.toString().trimmed().isEmpty());
        if (empty) {
            if (f.value(QLatin1String("required")).toBool() && decision != QLatin1String("reject"))
                return makeError(QStringLiteral("this field is required"),
                                 QStringLiteral("fields.") + name);
            continue;
        }
        const QString type = f.value(QLatin1String("type")).toString();
        const QString field = QStringLiteral("fields.") + name;
        // The server checks what the console's form checks: a finite number ("nan" and "inf"
        // are not), a real date, a real date and time.
        bool isNumber = given.isDouble();
        if (!isNumber && given.isString())
            isNumber = std::isfinite(given.toString().trimmed().toDouble(&isNumber)) && isNumber;
        if (type == QLatin1String("number") && !isNumber)
            return makeError(QStringLiteral("expected a number"), field);
        if (type == QLatin1String("date")
            && !QDate::fromString(given.toString().trimmed(), Qt::ISODate).isValid())
            return makeError(QStringLiteral("expected a date such as 2026-03-14"), field);
        if (type == QLatin1String("datetime")
            && !QDateTime::fromString(given.toString().trimmed(), Qt::ISODate).isValid()
            && !QDateTime::fromString(given.toString().trimmed(),
                                      QStringLiteral("yyyy-MM-dd HH:mm"))
                    .isValid())
            return makeError(QStringLiteral("expected a date and time such as 2026-03-14 09:30"),
                             field);
        if (type == QLatin1String("boolean") && !given.isBool())
            return makeError(QStringLiteral("expected true or false"), field);
        if (type == QLatin1String("choice")
            && !f.value(QLatin1String("options")).toArray().contains(given))
            return makeError(
                QStringLiteral("\"%1\" is not one of the options").arg(given.toString()), field);
        values.insert(name, given);
    }
    return values;
}

Status TaskStore::markDecided(const QString &taskId, const QJsonObject &outcome, const QString &who,
                              qint64 nowMs)
{
    // The status check in the statement settles a race between two consoles.
    auto r = m_db.run(
        QStringLiteral(
            "UPDATE tasks SET status = 'decided', decision = ?, decided_by = ?, decided_at = ? "
            "WHERE id = ? AND status IN ('pending', 'claimed', 'escalated')"),
        {compact(outcome), who, nowMs, taskId});
    if (!r)
        return r.error();
    if (*r != 1)
        return conflict(QStringLiteral("the task was decided by someone else a moment ago"),
                        QStringLiteral("status"));
    return Ok {};
}

} // namespace Switchboard
