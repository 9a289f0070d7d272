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

    // Newest first, at most 1000; status empty for all.
    Result<QJsonArray> list(const QString &status);
    Result<int> pendingCount();
    // Sends the call again (with an edited payload when given); done gets the module's answer.
    // Both are recorded in the audit trail under actor.
    void replay(const QString &id, const QJsonObject &editedPayload, const QString &actor,
                std::function<void(Result<QJsonObject>)> done);
    Status discard(const QString &id, const QString &actor);
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
