#include "alerts/silencestore.h"

#include "audit/audittrail.h"
#include "common/clock.h"
#include "common/logging.h"
#include "store/database.h"

#include <QJsonDocument>

namespace Switchboard {

namespace {

// A string for a NOT NULL column: a null QString would bind as SQL NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

SilenceStore::SilenceStore(Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{
}

Status SilenceStore::load()
{
    auto rows = m_db.exec(QStringLiteral(
        "SELECT id, definition, created_by, created_at FROM silences WHERE removed_at IS NULL"));
    if (!rows)
        return rows.error();
    m_silences.clear();
    while (rows->next()) {
        auto s = Silence::fromJson(QJsonDocument::fromJson(rows->value(1).toByteArray()).object());
        if (!s) {
            qCWarning(lcAlerts) << "skipping stored silence" << rows->value(0).toLongLong()
                                << s.error().toString();
            continue;
        }
        s->id = rows->value(0).toLongLong();
        s->createdBy = rows->value(2).toString();
        s->createdAt = rows->value(3).isNull()
            ? QDateTime()
            : QDateTime::fromMSecsSinceEpoch(rows->value(3).toLongLong(), Qt::UTC);
        m_silences.insert(s->id, *s);
    }
    return Ok {};
}

QJsonArray SilenceStore::toJson(const QTimeZone &zone) const
{
    const QDateTime now = m_clock.now();
    QJsonArray out;
    for (const Silence &s : m_silences) {
        QJsonObject json = s.toJson();
        json.insert(QStringLiteral("active"), s.activeAt(now, zone));
        json.insert(QStringLiteral("expired"), s.expiredAt(now));
        out.append(json);
    }
    return out;
}

Result<QJsonObject> SilenceStore::add(const QJsonObject &definition, const QString &actor)
{
    auto s = Silence::fromJson(definition);
    if (!s)
        return s.error();
    s->createdBy = actor;
    s->createdAt = m_clock.now();
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.insert(QStringLiteral("INSERT INTO silences (definition, created_by, "
                                            "created_at) VALUES (?, ?, ?)"),
                             {QJsonDocument(s->toJson()).toJson(QJsonDocument::Compact),
                              text(actor), m_clock.nowMs()});
        if (!r)
            return r.error();
        s->id = *r;
        return audit(m_audit, QStringLiteral("silence.added"), actor,
                     {{QStringLiteral("silence_id"), s->id}});
    });
    if (!st)
        return st.error();
    m_silences.insert(s->id, *s);
    return s->toJson();
}

Result<QJsonObject> SilenceStore::update(qint64 id, const QJsonObject &definition,
                                         const QString &actor)
{
    if (!m_silences.contains(id))
        return notFound(QStringLiteral("no silence %1").arg(id), QStringLiteral("id"));
    auto s = Silence::fromJson(definition);
    if (!s)
        return s.error();
    s->id = id;
    s->createdBy = actor;
    s->createdAt = m_clock.now();
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.run(
            QStringLiteral("UPDATE silences SET definition = ?, created_by = ?, created_at = ? "
                           "WHERE id = ?"),
            {QJsonDocument(s->toJson()).toJson(QJsonDocument::Compact), text(actor),
             m_clock.nowMs(), id});
        if (!r)
            return r.error();
        return audit(m_audit, QStringLiteral("silence.changed"), actor,
                     {{QStringLiteral("silence_id"), id}});
    });
    if (!st)
        return st.error();
    m_silences.insert(id, *s);
    return s->toJson();
}

Status SilenceStore::remove(qint64 id, const QString &actor)
{
    if (!m_silences.contains(id))
        return notFound(QStringLiteral("no silence %1").arg(id), QStringLiteral("id"));
    Status st = m_db.transaction([&]() -> Status {
        auto r = m_db.run(QStringLiteral("UPDATE silences SET removed_at = ? WHERE id = ?"),
                          {m_clock.nowMs(), id});
        if (!r)
            return r.error();
        return audit(m_audit, QStringLiteral("silence.removed"), actor,
                     {{QStringLiteral("silence_id"), id}});
    });
    if (!st)
        return st;
    qCInfo(lcAlerts) << "silence" << id << "removed by" << actor;
    m_silences.remove(id);
    return Ok {};
}

} // namespace Switchboard
