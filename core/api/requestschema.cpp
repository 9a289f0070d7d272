#include "api/requestschema.h"

#include <QJsonArray>

namespace Switchboard {

namespace {

QString schemaType(RequestSchema::Type type)
{
    switch (type) {
    case RequestSchema::Type::String:
        return QStringLiteral("string");
    case RequestSchema::Type::WholeNumber:
        return QStringLiteral("integer");
    case RequestSchema::Type::Number:
        return QStringLiteral("number");
    case RequestSchema::Type::Boolean:
        return QStringLiteral("boolean");
    case RequestSchema::Type::Object:
        return QStringLiteral("object");
    case RequestSchema::Type::Array:
        return QStringLiteral("array");
    }
    return {};
}

} // namespace

RequestSchema &RequestSchema::add(const QString &name, Type type, bool required)
{
    m_properties.insert(name, QJsonObject {{QStringLiteral("type"), schemaType(type)}});
    if (required)
        m_required << name;
    m_last = name;
    m_lastType = type;
    return *this;
}

RequestSchema &RequestSchema::required(const QString &name, Type type)
{
    return add(name, type, true);
}

RequestSchema &RequestSchema::optional(const QString &name, Type type)
{
    return add(name, type, false);
}

void RequestSchema::setOnLast(const QString &keyword, const QJsonValue &value)
{
    QJsonObject member = m_properties.value(m_last).toObject();
    member.insert(keyword, value);
    m_properties.insert(m_last, member);
}

RequestSchema &RequestSchema::range(double min, double max)
{
    const bool text = m_lastType == Type::String;
    setOnLast(text ? QStringLiteral("minLength") : QStringLiteral("minimum"), min);
    setOnLast(text ? QStringLiteral("maxLength") : QStringLiteral("maximum"), max);
    return *this;
}

RequestSchema &RequestSchema::oneOf(const QStringList &values)
{
    setOnLast(QStringLiteral("enum"), QJsonArray::fromStringList(values));
    return *this;
}

RequestSchema &RequestSchema::isoDateTime()
{
    setOnLast(QStringLiteral("format"), QStringLiteral("date-time"));
    return *this;
}

RequestSchema &RequestSchema::closed()
{
    m_closed = true;
    return *this;
}

QJsonObject RequestSchema::schema() const
{
    QJsonObject out {{QStringLiteral("type"), QStringLiteral("object")},
                     {QStringLiteral("properties"), m_properties},
                     {QStringLiteral("required"), QJsonArray::fromStringList(m_required)}};
    if (m_closed)
        out.insert(QStringLiteral("additionalProperties"), false);
    return out;
}

Status RequestSchema::check(const QJsonObject &body) const
{
    // A member sent as null counts as left out.
    QJsonObject present = body;
    for (auto it = present.begin(); it != present.end();)
        it = it->isNull() ? present.erase(it) : it + 1;
    const QList<JsonSchema::Violation> violations = JsonSchema(schema()).validate(present);
    if (violations.isEmpty())
        return Ok {};
    const JsonSchema::Violation &first = violations.first();
    return makeError(QStringLiteral("\"%1\" %2").arg(first.path, first.message), first.path);
}

} // namespace Switchboard
