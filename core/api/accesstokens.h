#pragma once

#include "api/tokenstore.h"
#include "common/clock.h"
#include "common/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace Switchboard {

class AuditTrail;
class Database;

// The API tokens an admin issues from Settings › People and access (or POST /api/v1/tokens),
// each for a person or a service, with its role. Only a SHA-256 of each token is stored: the
// token itself is shown once, when issued, and cannot be read back. A revoked token is refused
// from the next request on. Issuing and revoking are audited.
class AccessTokens
{
public:
    AccessTokens(Database &db, const Clock &clock);
    void setAudit(AuditTrail *audit) { m_audit = audit; }

    // Reads the stored tokens; at start, once the database is open.
    Status load();

    struct Issued
    {
        QString token; // shown once
        QJsonObject entry; // as list() shows it
    };
    // name: who or what holds it, 1 to 60 characters, unique among the tokens in use.
    Result<Issued> issue(const QString &name, Role role, const QString &actor);
    Status revoke(qint64 id, const QString &actor);
    // [{id, name, role, created_at, created_by, last_used_at, revoked_at, revoked_by}], newest
    // first.
    Result<QJsonArray> list() const;

    struct Holder
    {
        Role role;
        QString name;
    };
    // The holder of a token in use; notes when it was last used (at most once a minute).
    std::optional<Holder> check(const QByteArray &token);

    static QString hashOf(const QByteArray &token);

private:
    struct Entry
    {
        qint64 id = 0;
        Holder holder;
        qint64 lastUsedMs = 0;
    };

    Database &m_db;
    const Clock &m_clock;
    AuditTrail *m_audit = nullptr;
    QHash<QString, Entry> m_inUse; // by hash
};

} // namespace Switchboard
