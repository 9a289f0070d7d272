#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Switchboard {

class Database;

// The read side of executions, as the API and the console show them: one execution with its
// steps and history, and lists by status. Reads what is committed, never the engine's memory.
class ExecutionQueries
{
public:
    explicit ExecutionQueries(Database &db);

    Result<QJsonObject> execution(const QString &executionId);
    // Only where it stands: {"status", "output", "error"}; one light read (a webhook's answer).
    Result<QJsonObject> outcome(const QString &executionId);
    // Newest first; status empty for all.
    Result<QJsonArray> executions(const QString &status, int limit);
    // Stored executions by status, from the counts kept as they change (no scan).
    Result<QHash<QString, qint64>> countsByStatus();

private:
    Database &m_db;
};

} // namespace Switchboard
