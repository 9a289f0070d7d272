#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Switchboard {

// One node of an n8n export, as read from its JSON.
struct N8nNode
{
    QString name; // "Hot lead?": unique in the export, what connections name
    QString type; // "n8n-nodes-base.if"
    double version = 1; // "typeVersion"
    QJsonObject parameters;
    QJsonObject raw;
    bool disabled = false;

    static N8nNode fromJson(const QJsonObject &json);
    // "if", "httpRequest", "scheduleTrigger": the part after the package.
    QString kind() const { return type.section(QLatin1Char('.'), -1); }
    QString param(const char *key, const QString &fallback = {}) const
    {
        return parameters.value(QLatin1String(key)).toString(fallback);
    }
    // "Send Email (n8n-nodes-base.emailSend)", for the report.
    QString label() const { return QStringLiteral("\"%1\" (%2)").arg(name, type); }
};

// What a converted node does with the item n8n would pass on ($json in the next node).
struct N8nItem
{
    enum Kind {
        Own, // the step's own output: expression
        PassThrough, // the item that arrived, unchanged (IF, Switch, Wait, No Operation)
        FromInput, // the item that arrived on input `input` (Merge "choose branch")
        Extends, // the item that arrived, with `fields` set from the step's output: expression
        None, // nothing a later expression can read: why
    };
    Kind kind = PassThrough;
    QString expression;
    int input = 0;
    QString why;
    QStringList fields; // Extends: the fields the step sets

    static N8nItem own(const QString &expression) { return {Own, expression, 0, {}, {}}; }
    static N8nItem none(const QString &why) { return {None, {}, 0, why, {}}; }
    static N8nItem fromInput(int input) { return {FromInput, {}, input, {}, {}}; }
    static N8nItem extending(const QString &expression, const QStringList &fields)
    {
        return {Extends, expression, 0, {}, fields};
    }
};

// A node converted into one Switchboard step, or refused with the reason.
struct N8nStep
{
    QJsonObject step; // without id, name and position
    QList<QStringList> outputs; // n8n output index → the Switchboard ports it becomes
    N8nItem item;
    QString described; // "call 02_booking", for the report
    QString refused; // non-empty: the step becomes a placeholder that fails validation
    QStringList notes; // what the person importing should know about a mapped step

    static N8nStep refuse(const QString &why)
    {
        N8nStep s;
        s.refused = why;
        return s;
    }
};

} // namespace Switchboard
