#pragma once

#include "api/tokenstore.h"
#include "common/clock.h"
#include "common/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <optional>

namespace Switchboard {

class AuditTrail;
class Database;

// The people who log in to a core (remote consoles, the API), each with a role and, for
// support staff, the review queues they work (none listed: all). A password is kept only as an
// Argon2id hash (PasswordHash), computed off the event loop. Logging in gives a session token
// that expires (SessionTtlMs) and can be revoked; only a SHA-256 of it is stored. Disabling a
// person or resetting their password ends their sessions. After FailuresBeforeLock wrong
// passwords within LockMs a name is locked for LockMs. Every change, login and refusal is
// audited, never with a password.
class UserAccounts final : public QObject
{
    Q_OBJECT

public:
    UserAccounts(Database &db, const Clock &clock, QObject *parent = nullptr);
    ~UserAccounts() override;
    void setAudit(AuditTrail *audit) { m_audit = audit; }
    void setSessionTtlMs(qint64 ms) { m_sessionTtlMs = ms; }

    static constexpr qint64 SessionTtlMs = 12LL * 3600 * 1000;
    static constexpr int FailuresBeforeLock = 5;
    static constexpr qint64 LockMs = 15LL * 60 * 1000;

    struct NewUser
    {
        QString name; // log-in name: 1–60 lower-case letters, digits, '.', '_', '-'
        QString displayName; // shown in the console: who claimed, decided, acknowledged
        Role role = Role::Support;
        QStringList queues; // support: the review queues they work; empty: all
    };
    using Done = std::function<void(Result<QJsonObject>)>;
    // done gets the person as list() shows them.
    void create(const NewUser &user, const QString &password, const QString &actor, Done done);
    // For set-up from the command line, with no event loop: the same, hashing here.
    Result<QJsonObject> createNow(const NewUser &user, const QString &password,
                                  const QString &actor);
    // changes: "display_name", "role", "queues", "disabled" (any of them).
    Result<QJsonObject> update(qint64 id, const QJsonObject &changes, const QString &actor);
    // An admin sets a new password; the person's sessions end.
    void resetPassword(qint64 id, const QString &password, const QString &actor, Done done);
    // The person changes their own, giving the current one.
    void changePassword(const QString &name, const QString &current, const QString &password,
                        Done done);
    // [{id, name, display_name, role, queues, disabled, created_at, created_by,
    // password_changed_at, last_login_at, sessions}], by name.
    Result<QJsonArray> list() const;
    Result<qint64> count() const;

    // {token (shown once), expires_at, user}. A wrong name or password, or a disabled person,
    // is one Invalid error with one message (the audit says which); a locked name is a
    // Conflict with the minutes left.
    void login(const QString &name, const QString &password, Done done);
    // Revokes the session of this token.
    Status logout(const QByteArray &token);

    struct Holder
    {
        Role role;
        QString name;
        QString displayName;
        QStringList queues;
        qint64 expiresAt = 0;
    };
    // The holder of a session token in use ("sbs_…"): not expired, not revoked, not disabled.
    std::optional<Holder> check(const QByteArray &token);
    static bool isSessionToken(const QByteArray &token) { return token.startsWith("sbs_"); }

    // The name shown for whoever acted (claims, decisions, alert actions): a person's display
    // name; the desktop user of an embedded console (setLocalName); or the actor as recorded
    // (a service token's name, "system").
    QString displayNameOf(const QString &actor) const;
    void setLocalName(const QString &actor, const QString &displayName);
    // {login: display name} of everyone who has one.
    QHash<QString, QString> displayNames() const;

private:
    struct Stored
    {
        qint64 id = 0;
        QString name;
        QString hash;
        bool disabled = false;
    };
    Result<Stored> stored(const QString &name) const;
    Result<QJsonObject> entry(qint64 id) const;
    Result<QJsonObject> insert(const NewUser &user, const QString &hash, const QString &actor);
    Status storePassword(qint64 id, const QString &hash, const QString &actor, bool bySelf);
    Result<QJsonObject> startSession(const Stored &user);
    // Runs work on the pool, then done on this object's thread.
    void offLoop(std::function<Result<QJsonObject>()> work,
                 std::function<Result<QJsonObject>(Result<QJsonObject>)> then, Done done);
    // Hashes the password on the pool, then runs then with the hash on this object's thread.
    void withHash(const QString &password,
                  std::function<Result<QJsonObject>(const QString &hash)> then, Done done);
    void audited(const QString &event, const QString &actor, const QJsonObject &data);

    Database &m_db;
    const Clock &m_clock;
    AuditTrail *m_audit = nullptr;
    qint64 m_sessionTtlMs = SessionTtlMs;
    QThreadPool m_pool;
    struct Failures
    {
        int count = 0;
        qint64 firstAt = 0;
        qint64 lockedUntil = 0;
    };
    QHash<QString, Failures> m_failures; // by name
    QHash<QString, qint64> m_lastUseNoted; // by token hash
    mutable std::optional<QHash<QString, QString>> m_names; // by log-in name; reread on change
    QHash<QString, QString> m_localNames;
};

} // namespace Switchboard
