#include "engine/executionqueries.h"

#include "engine/executionjson.h"
#include "engine/executiontimeline.h"
#include "engine/modulecalls.h"
#include "store/database.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <algorithm>

namespace Switchboard {

using namespace ExecutionJson;

ExecutionQueries::ExecutionQueries(Database &db)
    : m_db(db)
{
}

Result<QJsonObject> ExecutionQueries::execution(const QString &executionId,
                                                const HistoryWindow &window)
{
    auto q = m_db.exec(
        QStringLiteral("SELECT workflow_id, version, status, trace_id, input, state, output, "
                       "error, created_at, updated_at, finished_at FROM executions WHERE id = ?"),
        {executionId});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("no execution has the id \"%1\"").arg(executionId),
                        QStringLiteral("id"));
    const QJsonObject state = parse(q->value(5));
    QJsonArray steps;
    const QJsonObject stepMap = state.value(QLatin1String("steps")).toObject();
    const QJsonObject reuse = state.value(QLatin1String("reuse")).toObject();
    for (auto it = stepMap.begin(); it != stepMap.end(); ++it) {
        QJsonObject s = it.value().toObject();
        s.insert(QStringLiteral("node"), it.key());
        if (s.contains(QLatin1String("request"))) {
            // The key its call went out under (ModuleCalls::idempotencyKey).
            const int visit = std::max(1, s.value(QLatin1String("visits")).toInt());
            const QJsonObject reused = reuse.value(it.key()).toObject();
            const bool same = visit == 1 && !reused.isEmpty()
                && reused.value(QLatin1String("body")).toString()
                    == ModuleCalls::bodyHash(s.value(QLatin1String("request")).toObject());
            s.insert(QStringLiteral("idempotency_key"),
                     same ? reused.value(QLatin1String("key")).toString()
                          : QStringLiteral("%1:%2:%3").arg(executionId, it.key()).arg(visit));
        }
        s.insert(QStringLiteral("started_at"),
                 isoOrNull(qint64(s.value(QLatin1String("started_at")).toDouble())));
        s.insert(QStringLiteral("finished_at"),
                 isoOrNull(qint64(s.value(QLatin1String("finished_at")).toDouble())));
        steps.append(s);
    }
    QJsonObject result {
        {QStringLiteral("id"), executionId},
        {QStringLiteral("workflow_id"), q->value(0).toString()},
        {QStringLiteral("version"), q->value(1).toInt()},
        {QStringLiteral("status"), q->value(2).toString()},
        {QStringLiteral("trace_id"), q->value(3).toString()},
        {QStringLiteral("input"), parse(q->value(4))},
        {QStringLiteral("output"), parse(q->value(6))},
        {QStringLiteral("error"),
         q->value(7).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q->value(7).toString())},
        {QStringLiteral("created_at"), isoOrNull(q->value(8).toLongLong())},
        {QStringLiteral("updated_at"), isoOrNull(q->value(9).toLongLong())},
        {QStringLiteral("finished_at"), isoOrNull(q->value(10).toLongLong())},
        {QStringLiteral("steps"), steps}};
    // Every event, typed, for the timeline; the window's as JSON with their data.
    auto h = m_db.exec(QStringLiteral("SELECT seq, ts, type, node, attempt FROM "
                                      "execution_events WHERE execution_id = ? ORDER BY seq"),
                       {executionId});
    if (!h)
        return h.error();
    QList<HistoryEvent> events;
    while (h->next())
        events.append({h->value(0).toInt(),
                       h->value(1).toLongLong(),
                       h->value(2).toString(),
                       h->value(3).toString(),
                       h->value(4).toInt(),
                       {}});
    h->finish();
    qsizetype end = events.size();
    if (window.beforeSeq > 0) {
        end = std::lower_bound(events.cbegin(), events.cend(), window.beforeSeq,
                               [](const HistoryEvent &e, int seq) { return e.seq < seq; })
            - events.cbegin();
    }
    const qsizetype begin = std::max<qsizetype>(0, end - std::max(1, window.limit));
    QHash<int, QJsonObject> data;
    if (begin < end) {
        auto d = m_db.exec(QStringLiteral("SELECT seq, data FROM execution_events WHERE "
                                          "execution_id = ? AND seq BETWEEN ? AND ? AND data "
                                          "IS NOT NULL"),
                           {executionId, events.at(begin).seq, events.at(end - 1).seq});
        if (!d)
            return d.error();
        while (d->next())
            data.insert(d->value(0).toInt(), parse(d->value(1)));
    }
    QJsonArray history;
    for (qsizetype i = begin; i < end; ++i) {
        const HistoryEvent &event = events.at(i);
        QJsonObject e {{QStringLiteral("seq"), event.seq},
                       {QStringLiteral("ts"), isoOrNull(event.ts)},
                       {QStringLiteral("type"), event.type}};
        if (!event.node.isEmpty())
            e.insert(QStringLiteral("node"), event.node);
        if (event.attempt > 0)
            e.insert(QStringLiteral("attempt"), event.attempt);
        if (const auto it = data.constFind(event.seq); it != data.constEnd())
            e.insert(QStringLiteral("data"), *it);
        history.append(e);
    }
    result.insert(QStringLiteral("history_total"), int(events.size()));
    result.insert(QStringLiteral("history_from_seq"),
                  begin < end ? QJsonValue(events.at(begin).seq) : QJsonValue(QJsonValue::Null));
    result.insert(QStringLiteral("timeline"), ExecutionTimeline::build(events));
    auto keys = keysOf(executionId);
    if (!keys)
        return keys.error();
    result.insert(QStringLiteral("keys"), *keys);
    result.insert(QStringLiteral("history"), history);
    return result;
}

Result<QJsonObject> ExecutionQueries::outcome(const QString &executionId)
{
    auto q = m_db.exec(QStringLiteral("SELECT status, output, error FROM executions WHERE id = ?"),
                       {executionId});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(QStringLiteral("no execution has the id \"%1\"").arg(executionId),
                        QStringLiteral("id"));
    return QJsonObject {{QStringLiteral("status"), q->value(0).toString()},
                        {QStringLiteral("output"), parse(q->value(1))},
                        {QStringLiteral("error"), q->value(2).toString()}};
}

Result<QJsonArray> ExecutionQueries::executions(const QString &status, int limit)
{
    ExecutionFilter filter;
    filter.status = status;
    filter.limit = limit;
    auto listed = page(filter);
    if (!listed)
        return listed.error();
    return listed->executions;
}

namespace {

// A row of ListColumns as a list shows it.
QJsonObject listed(const QSqlQuery &q)
{
    return {
        {QStringLiteral("id"), q.value(0).toString()},
        {QStringLiteral("workflow_id"), q.value(1).toString()},
        {QStringLiteral("version"), q.value(2).toInt()},
        {QStringLiteral("status"), q.value(3).toString()},
        {QStringLiteral("trace_id"), q.value(4).toString()},
        {QStringLiteral("created_at"), isoOrNull(q.value(5).toLongLong())},
        {QStringLiteral("updated_at"), isoOrNull(q.value(6).toLongLong())},
        {QStringLiteral("finished_at"), isoOrNull(q.value(7).toLongLong())},
        {QStringLiteral("error"),
         q.value(8).isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(q.value(8).toString())},
        {QStringLiteral("origin"), q.value(9).toString()}};
}

constexpr const char *ListColumns = "e.id, e.workflow_id, e.version, e.status, e.trace_id, "
                                    "e.created_at, e.updated_at, e.finished_at, e.error, e.origin";

} // namespace

Result<QJsonArray> ExecutionQueries::journey(const QString &key, const QString &value, int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT %1 FROM execution_keys k JOIN executions e ON e.id = "
                                      "k.execution_id WHERE k.key = ? AND k.value = ? "
                                      "ORDER BY k.created_at, k.execution_id LIMIT ?")
                           .arg(QLatin1String(ListColumns)),
                       {key, value, limit});
    if (!q)
        return q.error();
    QJsonArray out;
    while (q->next())
        out.append(listed(*q));
    return out;
}

Result<QJsonObject> ExecutionQueries::keysOf(const QString &executionId)
{
    auto q =
        m_db.exec(QStringLiteral("SELECT key, value FROM execution_keys WHERE execution_id = ? "
                                 "ORDER BY key"),
                  {executionId});
    if (!q)
        return q.error();
    QJsonObject keys;
    while (q->next())
        keys.insert(q->value(0).toString(), q->value(1).toString());
    return keys;
}

Result<ExecutionQueries::Query> ExecutionQueries::pageQuery(const ExecutionFilter &filter)
{
    QStringList where;
    Query query;
    const auto add = [&](const QString &condition, const QVariantList &with) {
        where << condition;
        query.values << with;
    };
    if (!filter.status.isEmpty())
        add(QStringLiteral("status = ?"), {filter.status});
    if (!filter.workflowId.isEmpty())
        add(QStringLiteral("workflow_id = ?"), {filter.workflowId});
    if (!filter.origin.isEmpty())
        add(QStringLiteral("origin = ?"), {filter.origin});
    if (filter.fromMs > 0)
        add(QStringLiteral("created_at >= ?"), {filter.fromMs});
    if (filter.toMs > 0)
        add(QStringLiteral("created_at < ?"), {filter.toMs});
    if (!filter.search.isEmpty()) {
        // "patient_id=P-1042" (or "patient_id:P-1042"): that business key; anything else: an
        // execution id, a trace id or the value of any business key.
        static const QRegularExpression keyed(
            QStringLiteral("^([a-z][a-z0-9_]{0,39})\\s*[=:]\\s*(.+)$"));
        const auto m = keyed.match(filter.search.trimmed());
        if (m.hasMatch())
            add(QStringLiteral("id IN (SELECT execution_id FROM execution_keys WHERE key = ? AND "
                               "value = ?)"),
                {m.captured(1), m.captured(2).trimmed()});
        else
            add(QStringLiteral("(id = ? OR trace_id = ? OR id IN (SELECT execution_id FROM "
                               "execution_keys WHERE value = ?))"),
                {filter.search, filter.search, filter.search});
    }
    if (!filter.cursor.isEmpty()) {
        // "<started ms>.<id>" of the last row shown: the next page starts below it.
        const qsizetype dot = filter.cursor.indexOf(QLatin1Char('.'));
        bool ok = dot > 0;
        const qint64 ms = ok ? filter.cursor.left(dot).toLongLong(&ok) : 0;
        if (!ok || dot + 1 >= filter.cursor.size())
            return makeError(QStringLiteral("cursor is not one this server gave"),
                             QStringLiteral("cursor"));
        // As a row value, which SQLite reads as one range of the index.
        add(QStringLiteral("(created_at, id) < (?, ?)"), {ms, filter.cursor.mid(dot + 1)});
    }
    query.sql =
        QStringLiteral("SELECT %1 FROM executions e %2 ORDER BY created_at DESC, id DESC LIMIT ?")
            .arg(QLatin1String(ListColumns),
                 where.isEmpty() ? QString()
                                 : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")));
    query.values << filter.limit + 1; // one more, to know whether a next page exists
    return query;
}

Result<ExecutionPage> ExecutionQueries::page(const ExecutionFilter &filter)
{
    auto query = pageQuery(filter);
    if (!query)
        return query.error();
    auto q = m_db.exec(query->sql, query->values);
    if (!q)
        return q.error();
    ExecutionPage out;
    qint64 lastMs = 0;
    QString lastId;
    while (q->next()) {
        if (out.executions.size() == filter.limit) {
            out.nextCursor = QStringLiteral("%1.%2").arg(lastMs).arg(lastId);
            break;
        }
        lastId = q->value(0).toString();
        lastMs = q->value(5).toLongLong();
        out.executions.append(listed(*q));
    }
    return out;
}

Result<QHash<QString, qint64>> ExecutionQueries::countsByStatus()
{
    auto q = m_db.exec(QStringLiteral("SELECT status, n FROM execution_counts"));
    if (!q)
        return q.error();
    QHash<QString, qint64> counts;
    while (q->next())
        counts.insert(q->value(0).toString(), q->value(1).toLongLong());
    return counts;
}

} // namespace Switchboard
