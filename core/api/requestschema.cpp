#include "api/requestschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <cmath>

namespace Switchboard {

RequestSchema &RequestSchema::required(const QString &name, Type type)
{
    m_members.append({name, type, true, {}, {}, {}, false});
    return *this;
}

RequestSchema &RequestSchema::optional(const QString &name, Type type)
{
    m_members.append({name, type, false, {}, {}, {}, false});
    return *this;
}

RequestSchema &RequestSchema::range(double min, double max)
{
    m_members.last().min = min;
    m_members.last().max = max;
    return *this;
}

RequestSchema &RequestSchema::oneOf(const QStringList &values)
{
    m_members.last().values = values;
    return *this;
}

RequestSchema &RequestSchema::isoDateTime()
{
    m_members.last().date = true;
    return *this;
}

QString RequestSchema::typeName(Type type)
{
    switch (type) {
    case Type::String:
        return QStringLiteral("a string");
    case Type::WholeNumber:
        return QStringLiteral("a whole number");
    case Type::Number:
        return QStringLiteral("a number");
    case Type::Boolean:
        return QStringLiteral("true or false");
    case Type::Object:
        return QStringLiteral("an object");
    case Type::Array:
        return QStringLiteral("an array");
    }
    return {};
}

Status RequestSchema::checkMember(const Member &m, const QJsonValue &value)
{
    const auto wrong = [&m](const QString &why) {
        return makeError(QStringLiteral("\"%1\" %2").arg(m.name, why), m.name);
    };
    bool typeOk = false;
    switch (m.type) {
    case Type::String:
        typeOk = value.isString();
        break;
    case Type::WholeNumber:
        typeOk = value.isDouble() && std::isfinite(value.toDouble())
            && value.toDouble() == std::trunc(value.toDouble());
        break;
    case Type::Number:
        typeOk = value.isDouble() && std::isfinite(value.toDouble());
        break;
    case Type::Boolean:
        typeOk = value.isBool();
        break;
    case Type::Object:
        typeOk = value.isObject();
        break;
    case Type::Array:
        typeOk = value.isArray();
        break;
    }
    if (!typeOk)
        return wrong(QStringLiteral("must be %1").arg(typeName(m.type)));
    if (m.type == Type::String) {
        const QString text = value.toString();
        if (m.max && text.size() > *m.max)
            return wrong(QStringLiteral("is longer than %1 characters").arg(*m.max));
        if (m.min && text.size() < *m.min)
            return wrong(*m.min == 1 ? QStringLiteral("must not be empty")
                                     : QStringLiteral("is shorter than %1 characters").arg(*m.min));
        if (!m.values.isEmpty() && !m.values.contains(text))
            return wrong(
                QStringLiteral("must be one of %1").arg(m.values.join(QStringLiteral(", "))));
        if (m.date && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid())
            return wrong(QStringLiteral("must be an ISO 8601 date and time, such as "
                                        "2026-12-02T09:30:00Z"));
    } else if (m.type == Type::WholeNumber || m.type == Type::Number) {
        const double number = value.toDouble();
        if ((m.min && number < *m.min) || (m.max && number > *m.max))
            return wrong(QStringLiteral("must be from %1 to %2")
                             .arg(m.min.value_or(-1e300))
                             .arg(m.max.value_or(1e300)));
    }
    return Ok {};
}

Status RequestSchema::check(const QJsonObject &body) const
{
    for (const Member &m : m_members) {
        const auto it = body.constFind(m.name);
        if (it == body.constEnd() || it->isNull()) {
            if (m.required)
                return makeError(QStringLiteral("\"%1\" is required").arg(m.name), m.name);
            continue;
        }
        if (Status st = checkMember(m, *it); !st)
            return st;
    }
    return Ok {};
}

} // namespace Switchboard
