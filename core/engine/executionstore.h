#pragma once

#include "common/result.h"
#include "engine/executionstatus.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <functional>

namespace Switchboard {

struct ExecutionRun;

// Where the engine keeps executions, their history, timers and event waits. The engine knows
// no SQL: SqlExecutionStore implements this over the core's database, SQLite or the shared
// mode's PostgreSQL. Every write runs inside transaction(); an error's kind tells a busy or
// failing store (unavailable) from a missing row (not found).
//
// Cores sharing one store (setLeases): an execution with calls in flight is leased to the core
// that sent them, and renewed while it lives; every change is made only with the revision the
// execution was read at and only if no other live core holds it. A change that loses that race
// writes nothing and the core drops its copy: one core's work is never overwritten by another's.
class ExecutionStore
{
public:
    virtual ~ExecutionStore() = default;

    // Runs body as one transaction: all of it is stored, or none.
    virtual Status transaction(const std::function<Status()> &body) = 0;
    // Runs fn once everything committed so far is durable (at once if it is already).
    virtual void whenDurable(std::function<void()> fn) = 0;

    // An execution as stored, with the last sequence number of its history.
    struct Stored
    {
        QString workflowId;
        int version = 0;
        ExecutionStatus status = ExecutionStatus::Running;
        QString traceId;
        QJsonObject input;
        QJsonObject state;
        QJsonObject output;
        QString error;
        int lastSeq = 0;
        qint64 rev = 0;
    };
    virtual Result<Stored> load(const QString &executionId) = 0;
    // Inserts the execution (the first time) or updates it, and appends its new events; the
    // run's revision moves on. False, with nothing written, when another core changed or holds
    // it since it was read.
    virtual Result<bool> save(ExecutionRun &run, qint64 nowMs) = 0;
    // Executions stored as running that no other live core holds; with idleSince, those of
    // them untouched since before it that have no timer of their own.
    virtual Result<QStringList> running(qint64 nowMs, qint64 idleSince = 0) = 0;

    // The shared mode: this core's name in the leases it takes, and how long one lasts unless
    // renewed. Without it (one core on its own file) nothing is leased.
    virtual void setLeases(const QString &core, qint64 leaseMs) = 0;
    // Extends this core's leases to nowMs + the lease.
    virtual Status renewLeases(qint64 nowMs) = 0;
    // Executions whose core stopped renewing its lease: running, held, the lease over.
    virtual Result<QStringList> abandoned(qint64 nowMs, int limit) = 0;

    struct Timer
    {
        qint64 id = 0;
        QString execution;
        QString node; // a node, or the workflow of a schedule
        QString kind; // delay, event_timeout, retry, compensate_retry, schedule, child, event
        QJsonObject data;
    };
    virtual Status addTimer(const QString &execution, const QString &node, const QString &kind,
                            qint64 dueMs, const QJsonObject &data = {}) = 0;
    virtual Status removeTimer(qint64 id) = 0;
    // Removes the timer; false when it is gone already (fired by another core).
    virtual Result<bool> takeTimer(qint64 id) = 0;
    virtual Status postponeTimer(qint64 id, qint64 dueMs) = 0;
    // Due by nowMs, earliest first, at most limit. With leases, only timers of executions no
    // other live core holds, and each claimed for a lease's time so that the other cores skip
    // it meanwhile (FOR UPDATE SKIP LOCKED: cores split the due timers without waiting).
    virtual Result<QList<Timer>> dueTimers(qint64 nowMs, int limit) = 0;
    // The earliest time a timer is due that this core may fire; -1 for none.
    virtual Result<qint64> nextDue() = 0;

    struct Waiter
    {
        QString execution;
        QString node;
        QString module; // empty: any
        QString match; // an expression over the event; empty: any
    };
    // A wait for an event, with its timeout as an event_timeout timer.
    virtual Status addWaiter(const QString &execution, const QString &node, const QString &type,
                             const QString &module, const QString &match, qint64 timeoutMs) = 0;
    // The wait and its timeout timer go.
    virtual Status removeWaiter(const QString &execution, const QString &node) = 0;
    virtual Result<QList<Waiter>> waitersFor(const QString &eventType) = 0;
    // The execution waits no more: its timers and waits go, its open review tasks expire.
    virtual Status stopWaiting(const QString &execution) = 0;
};

} // namespace Switchboard
