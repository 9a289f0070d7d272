#pragma once

#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>

class QSqlQuery;

namespace Switchboard {

class Database;

// The review tasks as stored: the one place that reads a task row and turns it into JSON, for
// the engine (which creates and resumes them) and the review desk alike.
class TaskStore
{
public:
    explicit TaskStore(Database &db);

    // Oldest first; status "open" is pending, claimed and escalated together.
    Result<QJsonArray> tasks(const QString &queue, const QString &status);
    Result<QJsonObject> task(const QString &taskId);
    // Claimed for who if it is pending or escalated; a conflict naming who has it otherwise.
    Status claim(const QString &taskId, const QString &who);

private:
    static QJsonObject toJson(const QSqlQuery &q);

    Database &m_db;
};

} // namespace Switchboard
