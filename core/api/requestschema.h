#pragma once

#include "common/result.h"
#include "workflow/jsonschema.h"

#include <QJsonObject>

namespace Switchboard {

// What a route takes in its JSON body, declared once beside the route as a JSON Schema (checked
// by JsonSchema): each member's type, whether it is required, and its bounds. check() refuses
// the first wrong member by name (400 with "field"), so no wrong value becomes a default.
class RequestSchema
{
public:
    enum class Type { String, WholeNumber, Number, Boolean, Object, Array };

    RequestSchema &required(const QString &name, Type type);
    RequestSchema &optional(const QString &name, Type type);
    // For the member added last: numbers within [min, max]; strings of min to max characters.
    RequestSchema &range(double min, double max);
    RequestSchema &oneOf(const QStringList &values);
    // For the member added last: an ISO 8601 date and time.
    RequestSchema &isoDateTime();
    // Members it does not name are refused (a query's unknown parameter, say), not ignored.
    RequestSchema &closed();

    Status check(const QJsonObject &body) const;
    // The JSON Schema (draft 2020-12) it stands for.
    QJsonObject schema() const;

private:
    RequestSchema &add(const QString &name, Type type, bool required);
    void setOnLast(const QString &keyword, const QJsonValue &value);

    QJsonObject m_properties;
    QStringList m_required;
    QString m_last;
    Type m_lastType = Type::String;
    bool m_closed = false;
};

} // namespace Switchboard
