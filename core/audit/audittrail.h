#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

namespace Switchboard {

// Where orchestration events are written down. record() adds its entry to the store's
// transaction running now, so an entry and the change it records are stored together or not
// at all. Entries carry ids, names and decisions, never patient data.
class AuditTrail
{
public:
    virtual ~AuditTrail() = default;
    virtual Status record(const QString &event, const QString &actor, const QJsonObject &data) = 0;
};

// Records on trail when there is one (a part may run without, in a test of its own).
inline Status audit(AuditTrail *trail, const QString &event, const QString &actor,
                    const QJsonObject &data)
{
    return trail ? trail->record(event, actor, data) : Status(Ok {});
}

} // namespace Switchboard
