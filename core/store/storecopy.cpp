#include "store/storecopy.h"

#include "audit/auditlog.h"
#include "store/database.h"

#include <QJsonArray>
#include <QMap>
#include <QSqlQuery>
#include <QStringList>

namespace Switchboard::StoreCopy {

namespace {

// Rows a statement inserts at once.
constexpr int RowsPerInsert = 200;

// The tables to copy and their columns, as the target has them; the trigger-kept counts and
// the schema's version are the target's own.
// The tables others refer to (workflows, users), so that they are copied first.
Result<QStringList> referenced(Database &to)
{
    auto q = to.exec(QStringLiteral(
        "SELECT DISTINCT ccu.table_name FROM information_schema.table_constraints tc JOIN "
        "information_schema.constraint_column_usage ccu ON ccu.constraint_name = "
        "tc.constraint_name WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = "
        "'public'"));
    if (!q)
        return q.error();
    QStringList tables;
    while (q->next())
        tables << q->value(0).toString();
    return tables;
}

Result<QMap<QString, QStringList>> tablesOf(Database &to)
{
    auto q = to.exec(QStringLiteral(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
        "'public' AND table_name NOT IN ('schema_version', 'execution_counts', "
        "'execution_count_shards', 'task_counts') "
        "ORDER BY table_name, ordinal_position"));
    if (!q)
        return q.error();
    QMap<QString, QStringList> tables;
    while (q->next())
        tables[q->value(0).toString()] << q->value(1).toString();
    return tables;
}

Result<qint64> count(Database &db, const QString &table)
{
    auto q = db.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toLongLong() : 0;
}

// Inserts the rows gathered so far in one statement.
Status flush(Database &to, const QString &table, const QStringList &columns, QVariantList &values)
{
    if (values.isEmpty())
        return Ok {};
    const qsizetype rows = values.size() / columns.size();
    const QString row = QStringLiteral("(%1)").arg(
        QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                            .arg(table, columns.join(QStringLiteral(", ")),
                                 QStringList(rows, row).join(QStringLiteral(", ")));
    auto r = to.run(sql, values);
    values.clear();
    return r ? Status(Ok {}) : Status(r.error());
}

Result<qint64> copyTable(Database &from, Database &to, const QString &table,
                         const QStringList &columns)
{
    auto rows = from.exec(
        QStringLiteral("SELECT %1 FROM %2").arg(columns.join(QStringLiteral(", ")), table));
    if (!rows)
        return rows.error();
    qint64 copied = 0;
    QVariantList values;
    while (rows->next()) {
        for (int c = 0; c < columns.size(); ++c)
            values << rows->value(c);
        ++copied;
        if (copied % RowsPerInsert == 0) {
            if (Status st = flush(to, table, columns, values); !st)
                return st.error();
        }
    }
    if (Status st = flush(to, table, columns, values); !st)
        return st.error();
    return copied;
}

// Identity columns go on after the highest id copied.
Status advanceIdentities(Database &to)
{
    auto q = to.exec(QStringLiteral("SELECT table_name, column_name FROM "
                                    "information_schema.columns WHERE table_schema = 'public' "
                                    "AND is_identity = 'YES'"));
    if (!q)
        return q.error();
    QList<std::pair<QString, QString>> identities;
    while (q->next())
        identities.append({q->value(0).toString(), q->value(1).toString()});
    for (const auto &[table, column] : identities) {
        auto set = to.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', '%2'), "
                                          "COALESCE((SELECT MAX(%2) FROM %1), 0) + 1, false)")
                               .arg(table, column));
        if (!set)
            return set.error();
    }
    return Ok {};
}

// The trigger-kept counts, as both stores have them (zeros left out).
Result<QStringList> counts(Database &db)
{
    QStringList out;
    for (const char *sql : {"SELECT 'executions', status, n FROM execution_counts WHERE n > 0",
                            "SELECT queue, status, n FROM task_counts WHERE n > 0"}) {
        auto q = db.exec(QString::fromLatin1(sql));
        if (!q)
            return q.error();
        while (q->next())
            out << QStringLiteral("%1/%2=%3")
                       .arg(q->value(0).toString(), q->value(1).toString(), q->value(2).toString());
    }
    out.sort();
    return out;
}

} // namespace

Result<QJsonObject> copy(Database &from, Database &to, const Progress &progress)
{
    if (from.isPostgres() || !to.isPostgres())
        return makeError(QStringLiteral("a store is copied from an SQLite file to PostgreSQL"));
    if (from.schemaVersion() != to.schemaVersion())
        return internalError(QStringLiteral("the stores are at schema %1 and %2")
                                 .arg(from.schemaVersion())
                                 .arg(to.schemaVersion()));
    auto tables = tablesOf(to);
    if (!tables)
        return tables.error();
    QJsonObject copied;
    qint64 auditEntries = 0;
    Status st = to.transaction([&]() -> Status {
        for (auto it = tables->cbegin(); it != tables->cend(); ++it) {
            auto already = count(to, it.key());
            if (!already)
                return already.error();
            if (*already > 0)
                return conflict(QStringLiteral("the PostgreSQL store already holds data (%1 rows "
                                               "in %2): a clinic is moved into an empty one; "
                                               "nothing was copied")
                                    .arg(*already)
                                    .arg(it.key()));
        }
        auto first = referenced(to);
        if (!first)
            return first.error();
        QStringList order = *first;
        for (const QString &table : tables->keys()) {
            if (!order.contains(table))
                order << table;
        }
        for (const QString &table : std::as_const(order)) {
            if (!tables->contains(table))
                continue;
            auto rows = copyTable(from, to, table, tables->value(table));
            if (!rows)
                return makeError(rows.error().message, table, rows.error().kind);
            copied.insert(table, *rows);
            if (progress)
                progress(table, *rows);
        }
        if (Status ids = advanceIdentities(to); !ids)
            return ids;
        // Checked before the commit: a copy that differs is not kept.
        for (auto it = tables->cbegin(); it != tables->cend(); ++it) {
            auto there = count(to, it.key());
            if (!there)
                return there.error();
            if (*there != copied.value(it.key()).toInteger())
                return internalError(QStringLiteral("%1: %2 rows copied, %3 found")
                                         .arg(it.key())
                                         .arg(copied.value(it.key()).toInteger())
                                         .arg(*there));
        }
        auto before = counts(from);
        auto after = counts(to);
        if (!before || !after)
            return before ? after.error() : before.error();
        if (*before != *after)
            return internalError(
                QStringLiteral("the kept counts differ: %1 before, %2 after")
                    .arg(before->join(QLatin1Char(' ')), after->join(QLatin1Char(' '))));
        auto chain = AuditLog::verify(to);
        if (!chain)
            return makeError(QStringLiteral("the audit chain does not hold on the copy: %1")
                                 .arg(chain.error().message),
                             QStringLiteral("audit_log"), ErrorKind::Internal);
        auditEntries = *chain;
        return Ok {};
    });
    if (!st)
        return st.error();
    return QJsonObject {{QStringLiteral("tables"), copied},
                        {QStringLiteral("audit_entries"), auditEntries}};
}

} // namespace Switchboard::StoreCopy
