#include "workflow/n8n/n8nexpressions.h"

#include "workflow/expressionengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>

namespace Switchboard {

N8nDataRoot N8nDataRoot::extending(const N8nDataRoot &base, const QStringList &fields,
                                   const QString &fieldsFrom)
{
    N8nDataRoot root;
    root.fields = fields;
    root.fieldsFrom = fieldsFrom;
    root.base = std::make_shared<const N8nDataRoot>(base);
    // The whole item, for an expression that reads it whole; fields are read one by one.
    if (base.webhook)
        root.unavailable = QStringLiteral("the whole item is the webhook request with fields "
                                          "added; read one field of it");
    else if (base.expression.isEmpty())
        root.unavailable = base.unavailable;
    else if (base.expression.size() > 2000)
        root.unavailable = QStringLiteral("the whole item is too deep to rebuild; read one field");
    else
        root.expression =
            QStringLiteral("Object.assign({}, %1, %2)").arg(base.expression, fieldsFrom);
    return root;
}

N8nExpressions::N8nExpressions(N8nDataRoot current, Resolver byName)
    : m_current(std::move(current))
    , m_byName(std::move(byName))
{
}

QString N8nExpressions::literal(const QJsonValue &value)
{
    if (value.isString()) {
        const QByteArray array = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    }
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("null");
    return QString::fromUtf8(value.isArray()
                                 ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                 : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

Result<QString> N8nExpressions::rootFor(const N8nDataRoot &root, const QString &rest,
                                        qsizetype &consumed, const QString &what) const
{
    consumed = 0;
    if (!root.fields.isEmpty()) {
        // One field of an item with fields set: from the step that set it, or from before.
        static const QRegularExpression member(
            QStringLiteral(R"(^\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*['"]([^'"]+)['"]\s*\]))"));
        if (const auto m = member.match(rest); m.hasMatch()) {
            const QString field = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
            if (root.fields.contains(field))
                return root.fieldsFrom;
            return rootFor(*root.base, rest, consumed, what);
        }
    }
    if (root.expression.isEmpty())
        return makeError(QStringLiteral("%1: %2").arg(what, root.unavailable));
    const QString plain =
        root.expression.contains(QLatin1Char(' ')) || root.expression.contains(QLatin1Char('('))
        ? QStringLiteral("(%1)").arg(root.expression)
        : root.expression;
    if (!root.webhook)
        return plain;
    // n8n's webhook item is {headers, params, query, body}; Switchboard's input is the body.
    static const QRegularExpression body(
        QStringLiteral(R"(^\s*(?:\.\s*body\b|\[\s*['"]body['"]\s*\]))"));
    const auto m = body.match(rest);
    if (!m.hasMatch())
        return makeError(QStringLiteral("%1 reads the webhook's headers, query or whole request; "
                                        "a Switchboard webhook passes only its JSON body, as "
                                        "input")
                             .arg(what));
    consumed = m.capturedLength();
    return plain;
}

Result<QString> N8nExpressions::code(const QString &n8nCode) const
{
    static const QRegularExpression reference(QStringLiteral(
        R"(\$\(\s*(['"])(.*?)\1\s*\)\s*\.\s*(?:item|first\(\s*\)|last\(\s*\))\s*\.\s*json)"
        R"(|\$node\s*\[\s*(['"])(.*?)\3\s*\]\s*\.\s*json)"
        R"(|\$input\s*\.\s*(?:item|first\(\s*\)|last\(\s*\))\s*\.\s*json)"
        R"(|\$json\b|\$execution\s*\.\s*id\b|\$workflow\s*\.\s*id\b)"));
    QString out;
    qsizetype at = 0;
    auto it = reference.globalMatch(n8nCode);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() < at)
            continue; // inside the ".body" just consumed
        out += n8nCode.mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QString text = m.captured(0);
        if (text.startsWith(QLatin1String("$execution"))) {
            out += QStringLiteral("env.execution_id");
            continue;
        }
        if (text.startsWith(QLatin1String("$workflow"))) {
            out += QStringLiteral("env.workflow_id");
            continue;
        }
        const QString name = !m.captured(2).isEmpty() ? m.captured(2) : m.captured(4);
        const N8nDataRoot root = name.isEmpty() ? m_current : m_byName(name);
        const QString what = name.isEmpty() ? QStringLiteral("$json")
                                            : QStringLiteral("the data of \"%1\"").arg(name);
        qsizetype consumed = 0;
        auto translated = rootFor(root, n8nCode.mid(at), consumed, what);
        if (!translated)
            return translated.error();
        out += *translated;
        at += consumed;
    }
    out += n8nCode.mid(at);
    static const QRegularExpression leftover(QStringLiteral(R"(\$[A-Za-z_]\w*|\$\()"));
    if (const auto m = leftover.match(out); m.hasMatch())
        return makeError(QStringLiteral("uses %1, which has no exact Switchboard equivalent")
                             .arg(m.captured(0) == QLatin1String("$(")
                                      ? QStringLiteral("$(…) other than .item.json")
                                      : m.captured(0)));
    return out.trimmed();
}

Result<QJsonValue> N8nExpressions::value(const QJsonValue &parameter) const
{
    if (!parameter.isString())
        return parameter;
    const QString text = parameter.toString();
    if (!text.startsWith(QLatin1Char('='))) {
        if (text.contains(QStringLiteral("{{")))
            return makeError(QStringLiteral("the text \"%1\" holds {{ but is not an n8n "
                                            "expression")
                                 .arg(text.left(60)));
        return parameter;
    }
    QString out;
    qsizetype at = 0;
    const QString body = text.mid(1);
    auto it = ExpressionEngine::templatePart().globalMatch(body);
    while (it.hasNext()) {
        const auto m = it.next();
        out += body.mid(at, m.capturedStart() - at);
        auto translated = code(m.captured(1));
        if (!translated)
            return translated.error();
        out += QStringLiteral("{{ %1 }}").arg(*translated);
        at = m.capturedEnd();
    }
    out += body.mid(at);
    return QJsonValue(out);
}

Result<QString> N8nExpressions::expression(const QJsonValue &parameter) const
{
    if (!parameter.isString() || !parameter.toString().startsWith(QLatin1Char('=')))
        return literal(parameter);
    const QString body = parameter.toString().mid(1);
    QStringList parts;
    QString outside; // the text around the {{ }} parts
    qsizetype at = 0;
    auto it = ExpressionEngine::templatePart().globalMatch(body);
    while (it.hasNext()) {
        const auto m = it.next();
        if (const QString before = body.mid(at, m.capturedStart() - at); !before.isEmpty()) {
            parts << literal(before);
            outside += before;
        }
        auto translated = code(m.captured(1));
        if (!translated)
            return translated.error();
        parts << QStringLiteral("(%1)").arg(*translated);
        at = m.capturedEnd();
    }
    if (const QString after = body.mid(at); !after.isEmpty()) {
        parts << literal(after);
        outside += after;
    }
    // "={{ $json.score }}" keeps its type; text around the parts makes it a string.
    const auto isBlock = [](const QString &p) {
        return p.startsWith(QLatin1Char('('));
    };
    if (outside.trimmed().isEmpty() && std::count_if(parts.cbegin(), parts.cend(), isBlock) == 1)
        return *std::find_if(parts.cbegin(), parts.cend(), isBlock);
    if (parts.isEmpty())
        return literal(QString());
    for (QString &p : parts)
        p = QStringLiteral("String(%1)").arg(p);
    return parts.join(QStringLiteral(" + "));
}

} // namespace Switchboard
