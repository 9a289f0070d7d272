#include "workflow/n8n/n8nconditions.h"

#include "workflow/n8n/n8nexpressions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Switchboard::N8nConditions {

namespace {

// n8n's "is empty" of IF v1: undefined, null, '', NaN, an object without keys, an invalid date.
const QString EmptyV1 = QStringLiteral(
    "((v) => v === undefined || v === null || v === '' || Number.isNaN(v) || (v instanceof Date "
    "? isNaN(v.getTime()) : typeof v === 'object' && Object.keys(v).length === 0))(%1)");

// A regular expression written "/text/flags" or as bare text, as n8n reads it.
Result<QString> regexOf(const QString &right)
{
    // right is a JavaScript literal; only a fixed pattern can be checked and translated.
    if (!right.startsWith(QLatin1Char('"')))
        return makeError(QStringLiteral("a regular expression computed while running"));
    const QString text =
        QJsonDocument::fromJson("[" + right.toUtf8() + "]").array().at(0).toString();
    static const QRegularExpression slashed(QStringLiteral("^/(.*?)/([gimusy]*)$"));
    const auto m = slashed.match(text);
    const QString pattern = m.hasMatch() ? m.captured(1) : text;
    const QString flags = m.hasMatch() ? m.captured(2) : QString();
    return QStringLiteral("new RegExp(%1, %2)")
        .arg(N8nExpressions::literal(pattern), N8nExpressions::literal(flags));
}

} // namespace

Result<QString> compareV1(const QString &dataType, const QString &operation, const QString &l,
                          const QString &r)
{
    if (dataType == QLatin1String("dateTime")) {
        const QString a = QStringLiteral("new Date(%1).getTime()").arg(l);
        const QString b = QStringLiteral("new Date(%1).getTime()").arg(r);
        if (operation == QLatin1String("after"))
            return QStringLiteral("%1 > %2").arg(a, b);
        if (operation == QLatin1String("before"))
            return QStringLiteral("%1 < %2").arg(a, b);
    }
    static const QHash<QString, QString> ordered = {
        {QStringLiteral("larger"), QStringLiteral(">")},
        {QStringLiteral("largerEqual"), QStringLiteral(">=")},
        {QStringLiteral("smaller"), QStringLiteral("<")},
        {QStringLiteral("smallerEqual"), QStringLiteral("<=")}};
    if (ordered.contains(operation))
        return QStringLiteral("((%1) || 0) %2 ((%3) || 0)").arg(l, ordered.value(operation), r);
    if (operation == QLatin1String("equal"))
        return QStringLiteral("(%1) === (%2)").arg(l, r);
    if (operation == QLatin1String("notEqual"))
        return QStringLiteral("(%1) !== (%2)").arg(l, r);
    if (operation == QLatin1String("isEmpty"))
        return EmptyV1.arg(l);
    if (operation == QLatin1String("isNotEmpty"))
        return QStringLiteral("!") + EmptyV1.arg(l);
    const auto text = [](const QString &v) {
        return QStringLiteral("((%1) || '').toString()").arg(v);
    };
    if (operation == QLatin1String("contains"))
        return QStringLiteral("%1.includes(%2)").arg(text(l), text(r));
    if (operation == QLatin1String("notContains"))
        return QStringLiteral("!%1.includes(%2)").arg(text(l), text(r));
    for (const QString &edge : {QStringLiteral("startsWith"), QStringLiteral("endsWith")}) {
        if (operation == edge)
            return QStringLiteral("(%1).%2(%3)").arg(l, edge, r);
        if (operation == QStringLiteral("not") + edge.at(0).toUpper() + edge.mid(1))
            return QStringLiteral("!(%1).%2(%3)").arg(l, edge, r);
    }
    if (operation == QLatin1String("regex") || operation == QLatin1String("notRegex")) {
        auto re = regexOf(r);
        if (!re)
            return re.error();
        return QStringLiteral("%1%2.match(%3)")
            .arg(operation == QLatin1String("regex") ? QStringLiteral("!!") : QStringLiteral("!"),
                 text(l), *re);
    }
    return makeError(QStringLiteral("the %1 comparison \"%2\" is not one n8n's IF v1 has")
                         .arg(dataType, operation));
}

Result<QString> ifV1(const QJsonObject &parameters, const N8nExpressions &x)
{
    // n8n's defaults, used when an export leaves a field out.
    static const QHash<QString, QString> defaultOperation = {
        {QStringLiteral("boolean"), QStringLiteral("equal")},
        {QStringLiteral("dateTime"), QStringLiteral("after")},
        {QStringLiteral("number"), QStringLiteral("smaller")},
        {QStringLiteral("string"), QStringLiteral("equal")}};
    static const QHash<QString, QJsonValue> defaultValue = {{QStringLiteral("boolean"), false},
                                                            {QStringLiteral("dateTime"), QString()},
                                                            {QStringLiteral("number"), 0},
                                                            {QStringLiteral("string"), QString()}};
    const QJsonObject conditions = parameters.value(QLatin1String("conditions")).toObject();
    QStringList parts;
    for (auto it = conditions.begin(); it != conditions.end(); ++it) {
        if (!defaultOperation.contains(it.key()))
            return makeError(QStringLiteral("conditions of type \"%1\"").arg(it.key()));
        for (const auto &c : it.value().toArray()) {
            const QJsonObject o = c.toObject();
            auto left = x.expression(o.value(QLatin1String("value1")).isUndefined()
                                         ? defaultValue.value(it.key())
                                         : o.value(QLatin1String("value1")));
            auto right = x.expression(o.value(QLatin1String("value2")).isUndefined()
                                          ? defaultValue.value(it.key())
                                          : o.value(QLatin1String("value2")));
            if (!left)
                return left.error();
            if (!right)
                return right.error();
            auto part = compareV1(
                it.key(),
                o.value(QLatin1String("operation")).toString(defaultOperation.value(it.key())),
                *left, *right);
            if (!part)
                return part.error();
            parts << QStringLiteral("(%1)").arg(*part);
        }
    }
    const bool any =
        parameters.value(QLatin1String("combineOperation")).toString() == QLatin1String("any");
    if (parts.isEmpty()) // n8n: "all" of nothing passes, "any" of nothing does not
        return any ? QStringLiteral("false") : QStringLiteral("true");
    return parts.join(any ? QStringLiteral(" || ") : QStringLiteral(" && "));
}

namespace {

Result<QString> filterCondition(const QJsonObject &c, bool ignoreCase, const N8nExpressions &x)
{
    const QJsonObject op = c.value(QLatin1String("operator")).toObject();
    const QString type = op.value(QLatin1String("type")).toString(QStringLiteral("string"));
    const QString operation =
        op.value(QLatin1String("operation")).toString(QStringLiteral("equals"));
    auto left = x.expression(c.value(QLatin1String("leftValue")).isUndefined()
                                 ? QJsonValue(QString())
                                 : c.value(QLatin1String("leftValue")));
    auto right = x.expression(c.value(QLatin1String("rightValue")).isUndefined()
                                  ? QJsonValue(QString())
                                  : c.value(QLatin1String("rightValue")));
    if (!left)
        return left.error();
    if (!right)
        return right.error();
    QString l = *left;
    QString r = *right;
    if (operation == QLatin1String("exists"))
        return QStringLiteral("((%1) !== undefined && (%1) !== null)").arg(l);
    if (operation == QLatin1String("notExists"))
        return QStringLiteral("((%1) === undefined || (%1) === null)").arg(l);
    if (operation == QLatin1String("empty") || operation == QLatin1String("notEmpty")) {
        const QString empty = type == QLatin1String("object")
            ? QStringLiteral("Object.keys((%1) || {}).length === 0").arg(l)
            : type == QLatin1String("array")
            ? QStringLiteral("((%1) || []).length === 0").arg(l)
            : QStringLiteral("((%1) === undefined || (%1) === null || (%1) === '')").arg(l);
        return operation == QLatin1String("empty") ? empty : QStringLiteral("!(%1)").arg(empty);
    }
    if (type == QLatin1String("string")) {
        l = QStringLiteral("String(%1)").arg(l);
        r = QStringLiteral("String(%1)").arg(r);
        if (ignoreCase) {
            l += QStringLiteral(".toLowerCase()");
            r += QStringLiteral(".toLowerCase()");
        }
        static const QHash<QString, QString> calls = {
            {QStringLiteral("contains"), QStringLiteral("includes")},
            {QStringLiteral("startsWith"), QStringLiteral("startsWith")},
            {QStringLiteral("endsWith"), QStringLiteral("endsWith")}};
        for (auto it = calls.begin(); it != calls.end(); ++it) {
            if (operation == it.key())
                return QStringLiteral("%1.%2(%3)").arg(l, it.value(), r);
            if (operation == QStringLiteral("not") + it.key().at(0).toUpper() + it.key().mid(1))
                return QStringLiteral("!%1.%2(%3)").arg(l, it.value(), r);
        }
        if (operation == QLatin1String("equals"))
            return QStringLiteral("%1 === %2").arg(l, r);
        if (operation == QLatin1String("notEquals"))
            return QStringLiteral("%1 !== %2").arg(l, r);
        if (operation == QLatin1String("regex") || operation == QLatin1String("notRegex")) {
            auto re = regexOf(*right);
            if (!re)
                return re.error();
            return QStringLiteral("%1%2.test(%3)")
                .arg(operation == QLatin1String("regex") ? QString() : QStringLiteral("!"), *re, l);
        }
    } else if (type == QLatin1String("number") || type == QLatin1String("dateTime")) {
        const QString a = type == QLatin1String("number")
            ? QStringLiteral("Number(%1)").arg(l)
            : QStringLiteral("new Date(%1).getTime()").arg(l);
        const QString b = type == QLatin1String("number")
            ? QStringLiteral("Number(%1)").arg(r)
            : QStringLiteral("new Date(%1).getTime()").arg(r);
        static const QHash<QString, QString> ops = {
            {QStringLiteral("equals"), QStringLiteral("===")},
            {QStringLiteral("notEquals"), QStringLiteral("!==")},
            {QStringLiteral("gt"), QStringLiteral(">")},
            {QStringLiteral("gte"), QStringLiteral(">=")},
            {QStringLiteral("lt"), QStringLiteral("<")},
            {QStringLiteral("lte"), QStringLiteral("<=")},
            {QStringLiteral("after"), QStringLiteral(">")},
            {QStringLiteral("afterOrEquals"), QStringLiteral(">=")},
            {QStringLiteral("before"), QStringLiteral("<")},
            {QStringLiteral("beforeOrEquals"), QStringLiteral("<=")}};
        if (ops.contains(operation))
            return QStringLiteral("%1 %2 %3").arg(a, ops.value(operation), b);
    } else if (type == QLatin1String("boolean")) {
        if (operation == QLatin1String("true"))
            return QStringLiteral("(%1) === true").arg(l);
        if (operation == QLatin1String("false"))
            return QStringLiteral("(%1) === false").arg(l);
        if (operation == QLatin1String("equals"))
            return QStringLiteral("(%1) === (%2)").arg(l, r);
        if (operation == QLatin1String("notEquals"))
            return QStringLiteral("(%1) !== (%2)").arg(l, r);
    } else if (type == QLatin1String("array")) {
        if (operation == QLatin1String("contains"))
            return QStringLiteral("((%1) || []).includes(%2)").arg(l, r);
        if (operation == QLatin1String("notContains"))
            return QStringLiteral("!((%1) || []).includes(%2)").arg(l, r);
        static const QHash<QString, QString> lengths = {
            {QStringLiteral("lengthEquals"), QStringLiteral("===")},
            {QStringLiteral("lengthNotEquals"), QStringLiteral("!==")},
            {QStringLiteral("lengthGt"), QStringLiteral(">")},
            {QStringLiteral("lengthGte"), QStringLiteral(">=")},
            {QStringLiteral("lengthLt"), QStringLiteral("<")},
            {QStringLiteral("lengthLte"), QStringLiteral("<=")}};
        if (lengths.contains(operation))
            return QStringLiteral("((%1) || []).length %2 Number(%3)")
                .arg(l, lengths.value(operation), r);
    }
    return makeError(
        QStringLiteral("the %1 comparison \"%2\" has no exact translation").arg(type, operation));
}

} // namespace

Result<QString> filter(const QJsonObject &conditions, const N8nExpressions &x)
{
    const QJsonObject options = conditions.value(QLatin1String("options")).toObject();
    const bool ignoreCase = !options.value(QLatin1String("caseSensitive")).toBool(true);
    QStringList parts;
    for (const auto &c : conditions.value(QLatin1String("conditions")).toArray()) {
        auto part = filterCondition(c.toObject(), ignoreCase, x);
        if (!part)
            return part.error();
        parts << QStringLiteral("(%1)").arg(*part);
    }
    const bool any =
        conditions.value(QLatin1String("combinator")).toString() == QLatin1String("or");
    if (parts.isEmpty())
        return any ? QStringLiteral("false") : QStringLiteral("true");
    return parts.join(any ? QStringLiteral(" || ") : QStringLiteral(" && "));
}

} // namespace Switchboard::N8nConditions
