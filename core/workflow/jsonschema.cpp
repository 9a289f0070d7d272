#include "workflow/jsonschema.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>

namespace Switchboard {

namespace {

QString typeOf(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return std::isfinite(d) && std::abs(d) < 9e15 && d == std::trunc(d)
            ? QStringLiteral("integer")
            : QStringLiteral("number");
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    default:
        return QStringLiteral("undefined");
    }
}

bool typeMatches(const QString &wanted, const QJsonValue &v)
{
    const QString actual = typeOf(v);
    return wanted == actual
        || (wanted == QLatin1String("number") && actual == QLatin1String("integer"));
}

QString show(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString().left(60) + QLatin1Char('"');
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return typeOf(v);
}

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace

JsonSchema::JsonSchema(const QJsonObject &schema)
    : m_root(schema)
{
}

QList<JsonSchema::Violation> JsonSchema::validate(const QJsonValue &instance) const
{
    QList<Violation> out;
    check(m_root, instance, QString(), out);
    return out;
}

QJsonObject JsonSchema::resolve(const QJsonObject &schema) const
{
    QJsonObject s = schema;
    // Follow local references only: "#/$defs/name".
    for (int depth = 0; depth < 16 && s.contains(QLatin1String("$ref")); ++depth) {
        const QString ref = s.value(QLatin1String("$ref")).toString();
        const QStringList parts = ref.mid(2).split(QLatin1Char('/'));
        QJsonValue target = m_root;
        for (const QString &part : parts)
            target = target.toObject().value(part);
        s = target.toObject();
    }
    return s;
}

void JsonSchema::check(const QJsonObject &schemaIn, const QJsonValue &value, const QString &path,
                       QList<Violation> &out) const
{
    const QJsonObject schema = resolve(schemaIn);
    const auto fail = [&](const QString &message) {
        out.append({path, message});
    };

    if (schema.contains(QLatin1String("type"))) {
        const QJsonValue t = schema.value(QLatin1String("type"));
        bool ok = false;
        QStringList names;
        for (const auto &name : t.isArray() ? t.toArray() : QJsonArray {t}) {
            names << name.toString();
            ok = ok || typeMatches(name.toString(), value);
        }
        if (!ok) {
            fail(QStringLiteral("expected %1, got %2")
                     .arg(names.join(QStringLiteral(" or ")), typeOf(value)));
            return; // nothing else about a value of the wrong type is worth saying
        }
    }
    if (schema.contains(QLatin1String("const")) && schema.value(QLatin1String("const")) != value)
        fail(QStringLiteral("must be %1").arg(show(schema.value(QLatin1String("const")))));
    if (schema.contains(QLatin1String("enum"))) {
        const QJsonArray options = schema.value(QLatin1String("enum")).toArray();
        if (!options.contains(value)) {
            QStringList names;
            for (const auto &o : options)
                names << o.toString();
            fail(QStringLiteral("%1 is not one of: %2")
                     .arg(show(value), names.join(QStringLiteral(", "))));
        }
    }
    if (value.isString()) {
        const QString s = value.toString();
        if (schema.contains(QLatin1String("minLength"))
            && s.size() < schema.value(QLatin1String("minLength")).toInt())
            fail(s.isEmpty() ? QStringLiteral("must not be empty")
                             : QStringLiteral("is too short"));
        if (schema.contains(QLatin1String("maxLength"))
            && s.size() > schema.value(QLatin1String("maxLength")).toInt())
            fail(QStringLiteral("is longer than %1 characters")
                     .arg(schema.value(QLatin1String("maxLength")).toInt()));
        if (schema.value(QLatin1String("format")) == QLatin1String("date-time")
            && !QDateTime::fromString(s, Qt::ISODateWithMs).isValid())
            fail(QStringLiteral("must be a date and time such as 2026-12-02T09:30:00Z"));
        if (schema.contains(QLatin1String("pattern"))) {
            const QRegularExpression re(schema.value(QLatin1String("pattern")).toString());
            if (!re.match(s).hasMatch())
                fail(QStringLiteral("%1 does not have the expected form (%2)")
                         .arg(show(value), re.pattern()));
        }
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (schema.contains(QLatin1String("minimum"))
            && d < schema.value(QLatin1String("minimum")).toDouble())
            fail(QStringLiteral("%1 is below the minimum %2")
                     .arg(d)
                     .arg(schema.value(QLatin1String("minimum")).toDouble()));
        if (schema.contains(QLatin1String("maximum"))
            && d > schema.value(QLatin1String("maximum")).toDouble())
            fail(QStringLiteral("%1 is above the maximum %2")
                     .arg(d)
                     .arg(schema.value(QLatin1String("maximum")).toDouble()));
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (schema.contains(QLatin1String("minItems"))
            && array.size() < schema.value(QLatin1String("minItems")).toInt())
            fail(QStringLiteral("needs at least %1 item(s)")
                     .arg(schema.value(QLatin1String("minItems")).toInt()));
        if (schema.contains(QLatin1String("items"))) {
            const QJsonObject items = schema.value(QLatin1String("items")).toObject();
            for (int i = 0; i < array.size(); ++i)
                check(items, array.at(i), path + QStringLiteral("[%1]").arg(i), out);
        }
    }
    if (value.isObject()) {
        const QJsonObject obj = value.toObject();
        for (const auto &req : schema.value(QLatin1String("required")).toArray()) {
            if (!obj.contains(req.toString()))
                out.append({join(path, req.toString()), QStringLiteral("is required")});
        }
        const QJsonObject props = schema.value(QLatin1String("properties")).toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (props.contains(it.key())) {
                check(props.value(it.key()).toObject(), it.value(), join(path, it.key()), out);
            } else if (schema.value(QLatin1String("additionalProperties")) == QJsonValue(false)) {
                out.append({join(path, it.key()), QStringLiteral("is not a known setting")});
            }
        }
    }
    for (const auto &sub : schema.value(QLatin1String("allOf")).toArray())
        check(sub.toObject(), value, path, out);
    if (schema.contains(QLatin1String("anyOf"))) {
        bool any = false;
        for (const auto &sub : schema.value(QLatin1String("anyOf")).toArray()) {
            QList<Violation> trial;
            check(sub.toObject(), value, path, trial);
            any = any || trial.isEmpty();
        }
        if (!any)
            fail(QStringLiteral("matches none of the allowed forms"));
    }
    if (schema.contains(QLatin1String("if"))) {
        QList<Violation> condition;
        check(schema.value(QLatin1String("if")).toObject(), value, path, condition);
        const char *branch = condition.isEmpty() ? "then" : "else";
        if (schema.contains(QLatin1String(branch)))
            check(schema.value(QLatin1String(branch)).toObject(), value, path, out);
    }
}

} // namespace Switchboard
