#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <optional>

namespace Switchboard {

// What a route takes in its JSON body, declared once beside the route: each member's type,
// whether it is required, and its bounds. check() refuses the first wrong member by name
// (400 with "field"), so no wrong value becomes a silent default.
class RequestSchema
{
public:
    enum class Type { String, WholeNumber, Number, Boolean, Object, Array };

    RequestSchema &required(const QString &name, Type type);
    RequestSchema &optional(const QString &name, Type type);
    // For the member added last: numbers within [min, max]; strings of at most max characters
    // (and at least min); for dates, a string that must be an ISO 8601 date and time.
    RequestSchema &range(double min, double max);
    RequestSchema &oneOf(const QStringList &values);
    RequestSchema &isoDateTime();

    Status check(const QJsonObject &body) const;

private:
    struct Member
    {
        QString name;
        Type type = Type::String;
        bool required = false;
        std::optional<double> min;
        std::optional<double> max;
        QStringList values;
        bool date = false;
    };

    static QString typeName(Type type);
    static Status checkMember(const Member &m, const QJsonValue &value);

    QList<Member> m_members;
};

} // namespace Switchboard
