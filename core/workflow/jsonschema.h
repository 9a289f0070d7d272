#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Switchboard {

// Validates JSON against the subset of JSON Schema (2020-12) that Switchboard's own schemas
// use: type, enum, const, properties, required, additionalProperties, items, minItems,
// minLength, maxLength, pattern, format "date-time", minimum, maximum, $ref to "#/$defs/…",
// allOf, anyOf, if/then/else.
// Unknown keywords are ignored, as the specification allows.
class JsonSchema
{
public:
    struct Violation
    {
        QString path; // "nodes[2].timeout_s"; empty for the document itself
        QString message;
    };

    explicit JsonSchema(const QJsonObject &schema);

    QList<Violation> validate(const QJsonValue &instance) const;

private:
    void check(const QJsonObject &schema, const QJsonValue &value, const QString &path,
               QList<Violation> &out) const;
    QJsonObject resolve(const QJsonObject &schema) const;

    QJsonObject m_root;
};

} // namespace Switchboard
