#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <functional>

namespace Switchboard {

class AuditTrail;
class Database;
class WorkflowEngine;

// The manual-review desk on top of the engine's review tasks: queues with their counts,
// claim and release, decisions that are audited (and so reach 09_compliance), bulk decisions
// where a form needs no input, SLA escalation to the supervisors, and PHI masking for those
// who may not read it. Field values never go into the audit log or the logs; only the names
// of the fields a person changed.
class ReviewDesk final : public QObject
{
    Q_OBJECT

public:
    ReviewDesk(WorkflowEngine &engine, Database &db, AuditTrail &audit, const Clock &clock,
               QObject *parent = nullptr);

    // How a person is named on screen (UserAccounts::displayNameOf): tasks carry
    // claimed_by_name and their decision decided_by_name.
    void setNames(std::function<QString(const QString &)> names) { m_names = std::move(names); }
    QJsonObject named(QJsonObject task) const;

    // The queue past-SLA tasks go to; they keep the queue they came from in escalated_from.
    static QString supervisorQueue() { return QStringLiteral("supervisor"); }

    // Open tasks (pending, claimed, escalated) of a queue, or of all queues, oldest first.
    Result<QJsonArray> openTasks(const QString &queue, bool mayReadPhi);
    Result<QJsonObject> task(const QString &taskId, bool mayReadPhi);
    // [{queue, open, claimed, overdue, oldest_created_at}], busiest first.
    QJsonArray queues();

    Status claim(const QString &taskId, const QString &who);
    // Gives a claimed task back to its queue; only the one who claimed it may.
    Status release(const QString &taskId, const QString &who);
    Result<QJsonObject> decide(const QString &taskId, const QString &decision,
                               const QJsonObject &fields, const QString &comment,
                               const QString &who);
    // Decides each task with its form as it stands; a task whose form needs input is refused.
    // [{id, ok, error}] in the order given.
    QJsonArray decideMany(const QStringList &taskIds, const QString &decision, const QString &who);

    // Moves open tasks past their due time to the supervisor queue (and audits it); returns
    // how many moved. Runs on its own every 30 s; tests call it after moving the clock.
    int escalateOverdue();
    // Escalated tasks still open, by the queue they came from: the SLA alert's subject.
    QHash<QString, int> overdueByQueue();

    // Whether every required field of the form already has a value, so it can be decided
    // without opening it.
    static bool allowsBulk(const QJsonObject &form);
    // The task with every field marked "phi" replaced by "•••" and "masked": true.
    static QJsonObject masked(QJsonObject task);

Q_SIGNALS:
    // Something about the open tasks changed (created, claimed, released, decided, escalated).
    void tasksChanged();

private:
    WorkflowEngine &m_engine;
    Database &m_db;
    AuditTrail &m_audit;
    const Clock &m_clock;
    std::function<QString(const QString &)> m_names;
};

} // namespace Switchboard
