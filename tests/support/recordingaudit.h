#pragma once

// An AuditTrail for tests that keeps what was audited, in order; it can be told to fail, as a
// full disk would.

#include "audit/audittrail.h"

#include <QList>
#include <QStringList>

namespace TestSupport {

class RecordingAudit final : public Switchboard::AuditTrail
{
public:
    Switchboard::Status record(const QString &event, const QString &actor,
                               const QJsonObject &data) override
    {
        if (failing)
            return Switchboard::unavailable(QStringLiteral("the audit log cannot be written"));
        entries.append({event, actor, data});
        return Switchboard::Ok {};
    }
    QStringList events() const
    {
        QStringList out;
        for (const Entry &e : entries)
            out << e.event;
        return out;
    }

    struct Entry
    {
        QString event;
        QString actor;
        QJsonObject data;
    };
    QList<Entry> entries;
    bool failing = false;
};

} // namespace TestSupport
