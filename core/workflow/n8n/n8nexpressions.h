#pragma once

#include "common/result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <functional>
#include <memory>

namespace Switchboard {

// Where an n8n node's item ($json, $('Node').item.json) is found in a Switchboard execution.
struct N8nDataRoot
{
    QString expression; // "input", "steps.book.output", …; empty when there is none
    QString unavailable; // why there is none, said to the person importing
    bool webhook = false; // n8n's {headers, params, query, body}: only the body exists, as input
    // An item that is an earlier one with some fields set (Set, Edit Fields): reading one of
    // `fields` reads `fieldsFrom`, any other field reads `base`.
    QStringList fields;
    QString fieldsFrom;
    std::shared_ptr<const N8nDataRoot> base;

    static N8nDataRoot at(const QString &expression, bool webhook = false)
    {
        return {expression, QString(), webhook, {}, {}, {}};
    }
    static N8nDataRoot none(const QString &why) { return {QString(), why, false, {}, {}, {}}; }
    static N8nDataRoot extending(const N8nDataRoot &base, const QStringList &fields,
                                 const QString &fieldsFrom);
};

// Translates n8n parameters ("={{ $json.score }}", "=Hello {{ $('Form').item.json.name }}") into
// Switchboard's expressions and templates. A reference it cannot translate exactly is an error
// naming it, never a guess.
class N8nExpressions
{
public:
    using Resolver = std::function<N8nDataRoot(const QString &nodeName)>;

    // current: what $json means in this node (the item that arrived); byName: $('Node').
    N8nExpressions(N8nDataRoot current, Resolver byName);

    // The code inside one {{ … }}.
    Result<QString> code(const QString &n8nCode) const;
    // A parameter as a Switchboard template value: numbers and booleans as they are, text as
    // text, an n8n expression as "{{ … }}" parts.
    Result<QJsonValue> value(const QJsonValue &parameter) const;
    // A parameter as one JavaScript expression, for a condition.
    Result<QString> expression(const QJsonValue &parameter) const;

    // A JavaScript literal of a JSON value.
    static QString literal(const QJsonValue &value);

private:
    Result<QString> rootFor(const N8nDataRoot &root, const QString &rest, qsizetype &consumed,
                            const QString &what) const;

    N8nDataRoot m_current;
    Resolver m_byName;
};

} // namespace Switchboard
