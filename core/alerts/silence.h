#pragma once

#include "alerts/statusalert.h"
#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QTime>
#include <QTimeZone>

namespace Switchboard {

// A maintenance window: while it is active, matching alerts are still recorded but notify no
// one. Once (starts_at to ends_at) or recurring (daily, or weekly on some weekdays, from a local
// time for a number of minutes, between starts_at and an optional ends_at).
struct Silence
{
    qint64 id = 0;
    QString module; // empty: any module
    QString rule; // empty: any rule; at least one of module and rule is set
    QDateTime startsAt;
    QDateTime endsAt; // invalid for a recurring silence without an end
    QString recurrence; // empty (once), "daily" or "weekly"
    QList<int> weekdays; // 1 = Monday … 7 = Sunday, for "weekly"
    QTime from; // recurring: local start of each window
    int minutes = 0; // recurring: length of each window
    QString comment;
    QString createdBy;
    QDateTime createdAt;

    bool matches(const StatusAlert &alert) const;
    bool activeAt(const QDateTime &now, const QTimeZone &zone) const;
    // Whether it can never be active again after now.
    bool expiredAt(const QDateTime &now) const;

    // {module, rule, starts_at, ends_at, recurrence, weekdays, from, minutes, comment}; every
    // problem names its field.
    static Result<Silence> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

} // namespace Switchboard
