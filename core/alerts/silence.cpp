#include "alerts/silence.h"

#include "modules/modulecatalog.h"

#include <QJsonArray>

namespace Switchboard {

bool Silence::matches(const StatusAlert &alert) const
{
    if (!rule.isEmpty() && rule != alert.rule)
        return false;
    return module.isEmpty() || module == alert.module || alert.derivedFrom.contains(module);
}

bool Silence::activeAt(const QDateTime &now, const QTimeZone &zone) const
{
    if (now < startsAt || (endsAt.isValid() && now >= endsAt))
        return false;
    if (recurrence.isEmpty())
        return true;
    const QDate today = now.toTimeZone(zone).date();
    // A window that began yesterday may still be open after midnight.
    for (const QDate day : {today, today.addDays(-1)}) {
        if (recurrence == QLatin1String("weekly") && !weekdays.contains(day.dayOfWeek()))
            continue;
        const QDateTime start(day, from, zone);
        if (now >= start && now < start.addSecs(qint64(minutes) * 60))
            return true;
    }
    return false;
}

bool Silence::expiredAt(const QDateTime &now) const
{
    return endsAt.isValid() && now >= endsAt;
}

namespace {
Result<QDateTime> timeMember(const QJsonObject &json, const QString &name, bool required)
{
    const QJsonValue v = json.value(name);
    if (v.isUndefined() || v.isNull() || v.toString().isEmpty()) {
        if (required)
            return makeError(QStringLiteral("\"%1\" is required (an ISO 8601 time)").arg(name),
                             name);
        return QDateTime();
    }
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (!t.isValid())
        return makeError(QStringLiteral("\"%1\" must be an ISO 8601 time such as "
                                        "2026-11-22T22:00:00Z")
                             .arg(name),
                         name);
    return t.toUTC();
}
} // namespace

Result<Silence> Silence::fromJson(const QJsonObject &json)
{
    Silence s;
    s.module = json.value(QLatin1String("module")).toString();
    s.rule = json.value(QLatin1String("rule")).toString();
    s.comment = json.value(QLatin1String("comment")).toString().left(500);
    if (!s.module.isEmpty() && !ModuleCatalog::find(s.module))
        return makeError(QStringLiteral("unknown module \"%1\"").arg(s.module),
                         QStringLiteral("module"));
    if (s.module.isEmpty() && s.rule.isEmpty())
        return makeError(QStringLiteral("a silence needs a module, a rule or both"),
                         QStringLiteral("module"));
    auto starts = timeMember(json, QStringLiteral("starts_at"), true);
    if (!starts)
        return starts.error();
    s.startsAt = *starts;
    s.recurrence = json.value(QLatin1String("recurrence")).toString();
    if (!s.recurrence.isEmpty() && s.recurrence != QLatin1String("daily")
        && s.recurrence != QLatin1String("weekly"))
        return makeError(QStringLiteral("\"recurrence\" must be empty, \"daily\" or \"weekly\""),
                         QStringLiteral("recurrence"));
    auto ends = timeMember(json, QStringLiteral("ends_at"), s.recurrence.isEmpty());
    if (!ends)
        return ends.error();
    s.endsAt = *ends;
    if (s.endsAt.isValid() && s.endsAt <= s.startsAt)
        return makeError(QStringLiteral("\"ends_at\" must come after \"starts_at\""),
                         QStringLiteral("ends_at"));
    if (!s.recurrence.isEmpty()) {
        s.from = QTime::fromString(json.value(QLatin1String("from")).toString(),
                                   QStringLiteral("HH:mm"));
        if (!s.from.isValid())
            return makeError(QStringLiteral("\"from\" must be a local time such as 22:00"),
                             QStringLiteral("from"));
        s.minutes = json.value(QLatin1String("minutes")).toInt();
        if (s.minutes < 1 || s.minutes > 24 * 60)
            return makeError(QStringLiteral("\"minutes\" must be 1 to 1440"),
                             QStringLiteral("minutes"));
        for (const auto &d : json.value(QLatin1String("weekdays")).toArray()) {
            if (d.toInt() < 1 || d.toInt() > 7)
                return makeError(QStringLiteral("weekdays are 1 (Monday) to 7 (Sunday)"),
                                 QStringLiteral("weekdays"));
            s.weekdays.append(d.toInt());
        }
        if (s.recurrence == QLatin1String("weekly") && s.weekdays.isEmpty())
            return makeError(QStringLiteral("a weekly silence needs its weekdays"),
                             QStringLiteral("weekdays"));
    }
    return s;
}

QJsonObject Silence::toJson() const
{
    QJsonObject json {{QStringLiteral("id"), id},
                      {QStringLiteral("module"), module},
                      {QStringLiteral("rule"), rule},
                      {QStringLiteral("starts_at"), startsAt.toString(Qt::ISODate)},
                      {QStringLiteral("ends_at"),
                       endsAt.isValid() ? QJsonValue(endsAt.toString(Qt::ISODate)) : QJsonValue()},
                      {QStringLiteral("recurrence"), recurrence},
                      {QStringLiteral("comment"), comment},
                      {QStringLiteral("created_by"), createdBy},
                      {QStringLiteral("created_at"), createdAt.toString(Qt::ISODate)}};
    if (!recurrence.isEmpty()) {
        QJsonArray days;
        for (int d : weekdays)
            days.append(d);
        json.insert(QStringLiteral("weekdays"), days);
        json.insert(QStringLiteral("from"), from.toString(QStringLiteral("HH:mm")));
        json.insert(QStringLiteral("minutes"), minutes);
    }
    return json;
}

} // namespace Switchboard
