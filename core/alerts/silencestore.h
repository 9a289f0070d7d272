#pragma once

#include "alerts/silence.h"
#include "common/result.h"

#include <QJsonArray>
#include <QMap>
#include <QTimeZone>

namespace Switchboard {

class AuditTrail;
class Clock;
class Database;

// The silences (maintenance windows) in force, kept in the store: each added, changed or
// removed in one transaction with its audit entry, so the list and the trail never disagree.
// A removed silence stays in the store, marked, for the record.
class SilenceStore
{
public:
    SilenceStore(Database &db, const Clock &clock);

    void setAudit(AuditTrail *audit) { m_audit = audit; }
    // Reads the silences not removed; a stored one that no longer reads is skipped, loudly.
    Status load();
    const QMap<qint64, Silence> &all() const { return m_silences; }
    // With "active" and "expired" as of now, in the clinic's time zone.
    QJsonArray toJson(const QTimeZone &zone) const;

    Result<QJsonObject> add(const QJsonObject &definition, const QString &actor);
    Result<QJsonObject> update(qint64 id, const QJsonObject &definition, const QString &actor);
    Status remove(qint64 id, const QString &actor);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditTrail *m_audit = nullptr;
    QMap<qint64, Silence> m_silences; // not removed
};

} // namespace Switchboard
