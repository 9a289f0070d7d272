#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QVariantList>

namespace Switchboard {

class Database;

// Which executions a list shows; empty fields do not filter.
struct ExecutionFilter
{
    QString status;
    QString workflowId;
    QString origin;
    qint64 fromMs = 0; // started at or after
    qint64 toMs = 0; // started before
    // An execution id, a trace id or a business key's value; "key=value" for one key.
    QString search;
    QString cursor; // ExecutionPage::nextCursor of the page before
    int limit = 200;
};

// Which part of an execution's history to read: the latest `limit` events before `beforeSeq`
// (0: the latest).
struct HistoryWindow
{
    static constexpr int DefaultLimit = 2000;
    static constexpr int MaxLimit = 10000;
    int limit = DefaultLimit;
    int beforeSeq = 0;
};

// One page of a list, newest first; nextCursor is empty on the last page.
struct ExecutionPage
{
    QJsonArray executions;
    QString nextCursor;
};

// The read side of executions, as the API and the console show them: one execution with its
// steps and history, and lists by status. Reads what is committed, never the engine's memory.
class ExecutionQueries
{
public:
    explicit ExecutionQueries(Database &db);

    // An execution with its steps, its timeline (from its whole history) and the part of its
    // history the window takes, oldest first, with "history_total" and "history_from_seq" to
    // page back. A run of 10,000 events would otherwise cost 10,000 JSON objects to read,
    // mask, send and show.
    Result<QJsonObject> execution(const QString &executionId,
                                  const HistoryWindow &window = HistoryWindow());
    // Only where it stands: {"status", "output", "error"}; one light read (a webhook's answer).
    Result<QJsonObject> outcome(const QString &executionId);
    // Newest first; status empty for all.
    Result<QJsonArray> executions(const QString &status, int limit);
    // A page of the executions the filter takes, newest first, read through an index whatever
    // the store's size (keyset paging: a page costs the same deep in the list as at its top).
    // A malformed cursor is refused naming it.
    Result<ExecutionPage> page(const ExecutionFilter &filter);
    // The statement page() runs (its plan is tested to use an index for every filter).
    struct Query
    {
        QString sql;
        QVariantList values;
    };
    static Result<Query> pageQuery(const ExecutionFilter &filter);
    // Every execution with that business key (correlation), across workflows, oldest first.
    Result<QJsonArray> journey(const QString &key, const QString &value, int limit = 1000);
    // An execution's business keys: {"patient_id": "P-1042", …}.
    Result<QJsonObject> keysOf(const QString &executionId);
    // Stored executions by status, from the counts kept as they change (no scan).
    Result<QHash<QString, qint64>> countsByStatus();

private:
    Database &m_db;
};

} // namespace Switchboard
