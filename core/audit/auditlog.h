#pragma once

#include "audit/audittrail.h"
#include "common/clock.h"
#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

class QTimer;

namespace Switchboard {

class Database;
class ModuleClient;

// The append-only audit log: every entry is chained to the one before by a SHA-256 hash, kept in
// the core's database, and forwarded in order to 09_compliance (action "log_event"). While 09 is
// down or unset, entries wait and are sent later, each under its own Idempotency-Key, so the
// module counts each once. Entries carry ids, names and decisions only, never patient data.
class AuditLog final : public QObject, public AuditTrail
{
    Q_OBJECT

public:
    AuditLog(Database &db, const Clock &clock, ModuleClient &modules, QObject *parent = nullptr);

    // 09_compliance's endpoint; empty keeps entries waiting.
    void setCompliance(const QUrl &endpoint, int timeoutMs);

    // Appends an entry ({seq, ts, event, actor, data, hash}) in the transaction running now (or
    // its own), and starts forwarding it once that has committed.
    Result<QJsonObject> append(const QString &event, const QString &actor, const QJsonObject &data);
    Status record(const QString &event, const QString &actor, const QJsonObject &data) override;
    // Entries after seq, oldest first, at most limit.
    QJsonArray entries(qint64 afterSeq = 0, int limit = 200);
    // Recomputes the chain; the first entry that does not match is named.
    Status verify();
    // The same over any core database (switchboard-core --verify-audit); returns how many
    // entries it checked. A changed, removed or inserted entry breaks the chain.
    static Result<qint64> verify(Database &db);
    int waiting();

    // Sends what is waiting now (the log also retries on its own, with backoff).
    void forward();

Q_SIGNALS:
    void forwarded(qint64 seq);

private:
    void scheduleRetry();

    Database &m_db;
    const Clock &m_clock;
    ModuleClient &m_modules;
    QUrl m_endpoint;
    int m_timeoutMs = 10000;
    bool m_sending = false;
    qint64 m_retryMs = 1000;
    QTimer *m_retry;
};

} // namespace Switchboard
