#include "audit/phiaccess.h"

#include "audit/audittrail.h"
#include "common/logging.h"

#include <QJsonArray>

namespace Switchboard {

PhiAccess::PhiAccess(const PhiMask &mask, const Clock &clock)
    : m_mask(mask)
    , m_clock(clock)
{
}

QJsonObject PhiAccess::show(const QJsonObject &document, const QString &kind, const QString &id,
                            const QString &actor, bool reveal)
{
    if (!reveal)
        return m_mask.maskDocument(document);
    const QStringList fields = m_mask.fieldsIn(document);
    if (fields.isEmpty())
        return document;
    const qint64 now = m_clock.nowMs();
    const QString key = actor + QLatin1Char('\n') + kind + QLatin1Char(':') + id;
    const auto last = m_lastAudited.constFind(key);
    if (last == m_lastAudited.constEnd() || now - *last >= AuditEveryMs) {
        // Forgets readers long gone, so the map stays small on a core that runs for years.
        if (m_lastAudited.size() > 10000)
            m_lastAudited.removeIf(
                [now](const auto &it) { return now - it.value() >= AuditEveryMs; });
        Status st = audit(m_audit, QStringLiteral("phi.revealed"), actor,
                          {{QStringLiteral("kind"), kind},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}});
        // Not shown unless its showing is on record.
        if (!st) {
            qCWarning(lcService) << "a reveal of patient data could not be audited:"
                                 << st.error().message;
            return m_mask.maskDocument(document);
        }
        m_lastAudited.insert(key, now);
    }
    return document;
}

} // namespace Switchboard
