#include "api/accesstokens.h"

#include "audit/audittrail.h"
#include "common/logging.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace Switchboard {

namespace {

constexpr qint64 LastUseEveryMs = 60000;

QJsonValue isoOrNull(const QVariant &ms)
{
    return ms.isNull()
        ? QJsonValue()
        : QJsonValue(
            QDateTime::fromMSecsSinceEpoch(ms.toLongLong(), Qt::UTC).toString(Qt::ISODate));
}

} // namespace

AccessTokens::AccessTokens(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

QString AccessTokens::hashOf(const QByteArray &token)
{
    return QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex());
}

Status AccessTokens::load()
{
    auto rows = m_db.exec(QStringLiteral(
        "SELECT id, name, role, hash, last_used_at FROM access_tokens WHERE revoked_at IS NULL"));
    if (!rows)
        return rows.error();
    m_inUse.clear();
    while (rows->next()) {
        const auto role = roleFromWire(rows->value(2).toString());
        if (!role)
            continue; // a role this core does not know grants nothing
        m_inUse.insert(rows->value(3).toString(),
                       {rows->value(0).toLongLong(),
                        {*role, rows->value(1).toString()},
                        rows->value(4).toLongLong()});
    }
    return Ok {};
}

Result<AccessTokens::Issued> AccessTokens::issue(const QString &name, Role role,
                                                 const QString &actor)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 60)
        return makeError(QStringLiteral("a token's name is 1 to 60 characters"),
                         QStringLiteral("name"));
    for (const Entry &e : std::as_const(m_inUse)) {
        if (e.holder.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return conflict(QStringLiteral("a token named \"%1\" is already in use; revoke it "
                                           "first or choose another name")
                                .arg(trimmed),
                            QStringLiteral("name"));
    }
    QByteArray secret(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                          secret.size() / int(sizeof(quint32)));
    const QByteArray token =
        "sbt_" + secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString hash = hashOf(token);
    const qint64 now = m_clock.nowMs();
    qint64 id = 0;
    const Status stored = m_db.transaction([&]() -> Status {
        auto r = m_db.insert(QStringLiteral("INSERT INTO access_tokens (name, role, hash, "
                                            "created_at, created_by) VALUES (?, ?, ?, ?, ?)"),
                             {trimmed, toWire(role), hash, now, actor});
        if (!r)
            return r.error();
        id = *r;
        return audit(m_audit, QStringLiteral("token.issued"), actor,
                     {{QStringLiteral("token_id"), id},
                      {QStringLiteral("name"), trimmed},
                      {QStringLiteral("role"), toWire(role)}});
    });
    if (!stored)
        return stored.error();
    m_inUse.insert(hash, {id, {role, trimmed}, 0});
    const QJsonObject entry {{QStringLiteral("id"), id},
                             {QStringLiteral("name"), trimmed},
                             {QStringLiteral("role"), toWire(role)},
                             {QStringLiteral("created_at"), isoOrNull(now)},
                             {QStringLiteral("created_by"), actor},
                             {QStringLiteral("last_used_at"), QJsonValue()},
                             {QStringLiteral("revoked_at"), QJsonValue()},
                             {QStringLiteral("revoked_by"), QString()}};
    return Issued {QString::fromLatin1(token), entry};
}

Status AccessTokens::revoke(qint64 id, const QString &actor)
{
    QString hash;
    for (auto it = m_inUse.cbegin(); it != m_inUse.cend(); ++it) {
        if (it->id == id)
            hash = it.key();
    }
    if (hash.isEmpty())
        return notFound(QStringLiteral("no token %1 in use").arg(id), QStringLiteral("id"));
    Status stored = m_db.transaction([&]() -> Status {
        auto r = m_db.run("UPDATE access_tokens SET revoked_at = ?, revoked_by = ? WHERE id = ?",
                          {m_clock.nowMs(), actor, id});
        if (!r)
            return r.error();
        return audit(m_audit, QStringLiteral("token.revoked"), actor,
                     {{QStringLiteral("token_id"), id},
                      {QStringLiteral("name"), m_inUse.value(hash).holder.name}});
    });
    if (!stored)
        return stored;
    m_inUse.remove(hash);
    return Ok {};
}

Result<QJsonArray> AccessTokens::list() const
{
    auto rows = m_db.exec(QStringLiteral(
        "SELECT id, name, role, created_at, created_by, last_used_at, revoked_at, revoked_by "
        "FROM access_tokens ORDER BY id DESC"));
    if (!rows)
        return rows.error();
    QJsonArray out;
    while (rows->next()) {
        qint64 lastUsed = rows->value(5).isNull() ? 0 : rows->value(5).toLongLong();
        // A use noted only in memory yet is newer than the stored one.
        for (const Entry &e : m_inUse) {
            if (e.id == rows->value(0).toLongLong())
                lastUsed = std::max(lastUsed, e.lastUsedMs);
        }
        out.append(QJsonObject {
            {QStringLiteral("id"), rows->value(0).toLongLong()},
            {QStringLiteral("name"), rows->value(1).toString()},
            {QStringLiteral("role"), rows->value(2).toString()},
            {QStringLiteral("created_at"), isoOrNull(rows->value(3))},
            {QStringLiteral("created_by"), rows->value(4).toString()},
            {QStringLiteral("last_used_at"), lastUsed ? isoOrNull(lastUsed) : QJsonValue()},
            {QStringLiteral("revoked_at"), isoOrNull(rows->value(6))},
            {QStringLiteral("revoked_by"), rows->value(7).toString()}});
    }
    return out;
}

std::optional<AccessTokens::Holder> AccessTokens::check(const QByteArray &token)
{
    if (!token.startsWith("sbt_"))
        return std::nullopt;
    auto it = m_inUse.find(hashOf(token));
    if (it == m_inUse.end())
        return std::nullopt;
    const qint64 now = m_clock.nowMs();
    if (now - it->lastUsedMs >= LastUseEveryMs) {
        it->lastUsedMs = now;
        if (auto r =
                m_db.run("UPDATE access_tokens SET last_used_at = ? WHERE id = ?", {now, it->id});
            !r)
            qCWarning(lcService) << "token use not noted:" << r.error().message;
    }
    return it->holder;
}

} // namespace Switchboard
