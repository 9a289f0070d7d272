#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "engine/moduleclient.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <functional>

namespace Switchboard {

class AuditTrail;
class Database;

// Module calls that failed for good, with payload, error and attempts: kept for inspection,
// sent again (edited or not) or discarded. A pending letter is kept until someone replays or
// discards it; a handled one is pruned once its time to live has passed.
class DeadLetterQueue final : public QObject
{
    Q_OBJECT

public:
    DeadLetterQueue(Database &db, ModuleClient &modules, const Clock &clock,
                    QObject *parent = nullptr);

    struct Entry
    {
        QString id;
        QString executionId;
        QString node;
        QString module;
        QString action;
        QJsonObject payload;
        QString idempotencyKey;
        QString error;
        int attempts = 0;
    };
    // Inserts a pending letter; run it inside the transaction that fails the step.
    Status add(const Entry &entry);

    // Newest first, at most 1000; empty fields do not filter (status: pending, replaying,
    // replayed, discarded).
    struct Filter
    {
        QString status;
        QString module;
        QString executionId;
    };
    Result<QJsonArray> list(const Filter &filter);
    Result<int> pendingCount();
    // Sends the call again (with an edited payload when given); done gets the module's answer.
    // The letter is claimed ("replaying") before the call goes out, so a second replay of it,
    // from another desk or a double click, is refused rather than sent twice. The same payload
    // keeps the original idempotency key and an edited one gets a key of its own, so a module
    // that acted on a lost answer acts once. A failed replay leaves the letter pending. Both
    // are recorded in the audit trail under actor.
    void replay(const QString &id, const QJsonObject &editedPayload, const QString &actor,
                std::function<void(Result<QJsonObject>)> done);
    // Replays each letter as it is (after an outage); done gets one {id, status, error} per id,
    // in order, once every call has come back.
    void replayAll(const QStringList &ids, const QString &actor,
                   std::function<void(QJsonArray)> done);
    // One letter's outcome as replayAll reports it: {id, status: replayed or failed, error}.
    static QJsonObject outcomeOf(const QString &id, const Result<QJsonObject> &result);
    // Sets a pending letter aside for good; the reason is kept with it and in the audit trail.
    Status discard(const QString &id, const QString &reason, const QString &actor);
    // Letters whose replay was cut short by a stop become pending again (their call may have
    // gone out: a replay sends it with the same key).
    Status recoverInterrupted();
    // Deletes replayed and discarded letters older than the time to live.
    Status prune();

    void setEndpoints(const QHash<QString, QUrl> &endpoints) { m_endpoints = endpoints; }
    void setTtl(qint64 ms) { m_ttlMs = ms; }
    void setAudit(AuditTrail *audit) { m_audit = audit; }

private:
    Database &m_db;
    AuditTrail *m_audit = nullptr;
    ModuleClient &m_modules;
    const Clock &m_clock;
    QHash<QString, QUrl> m_endpoints;
    qint64 m_ttlMs = 14LL * 24 * 3600 * 1000;
};

} // namespace Switchboard
