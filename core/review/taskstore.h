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

    struct NewTask
    {
        QString id;
        QString executionId;
        QString node;
        QString queue;
        QString role;
        QString title;
        QJsonObject form; // fields and outcomes
        qint64 createdMs = 0;
        qint64 dueMs = 0; // the SLA; 0: none
    };
    // A pending task; run it in the transaction that makes the execution wait for it.
    Status add(const NewTask &task);

    // Oldest first; status "open" is pending, claimed and escalated together.
    Result<QJsonArray> tasks(const QString &queue, const QString &status);
    Result<QJsonObject> task(const QString &taskId);
    // Claimed for who if it is pending or escalated; a conflict naming who has it otherwise.
    Status claim(const QString &taskId, const QString &who);

    // The form's values for a decision: the decision must be one of the task's outcomes, the
    // fields (or their prefilled values) of the right type, required ones present unless the
    // task is rejected. Names the field that is wrong.
    // The names of the form fields a decision changes (names only: values may be patient data).
    static QJsonArray changedFields(const QJsonObject &task, const QJsonObject &fields);
    static Result<QJsonObject> checkDecision(const QJsonObject &task, const QString &decision,
                                             const QJsonObject &fields);
    // Decided by who, if nobody decided it first (a conflict then); run it in the transaction
    // that resumes the execution.
    Status markDecided(const QString &taskId, const QJsonObject &outcome, const QString &who,
                       qint64 nowMs);

private:
    static QJsonObject toJson(const QSqlQuery &q);

    Database &m_db;
};

} // namespace Switchboard
