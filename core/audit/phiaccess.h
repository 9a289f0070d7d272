#pragma once

#include "common/clock.h"
#include "common/phimask.h"

#include <QHash>
#include <QJsonObject>

namespace Switchboard {

class AuditTrail;

// Who sees patient data in executions and dead letters, the same through the API and the
// console: a document is shown masked unless its reader may read patient data and asks to; each
// such reveal is recorded in the audit trail (who, which document, the field names, never the
// values), once per reader and document in ten minutes, so a page that refreshes itself does not
// flood the log.
class PhiAccess
{
public:
    PhiAccess(const PhiMask &mask, const Clock &clock);

    void setAudit(AuditTrail *audit) { m_audit = audit; }
    const PhiMask &mask() const { return m_mask; }

    // kind: "execution" or "dead_letter"; id: the document's id.
    QJsonObject show(const QJsonObject &document, const QString &kind, const QString &id,
                     const QString &actor, bool reveal);

    static constexpr qint64 AuditEveryMs = 10LL * 60 * 1000;

private:
    PhiMask m_mask;
    const Clock &m_clock;
    AuditTrail *m_audit = nullptr;
    QHash<QString, qint64> m_lastAudited; // actor + document → when
};

} // namespace Switchboard
