#include "workflow/templatetexts.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace Switchboard {

namespace {

const char *const NodeTexts[] = {"name", "title", "message", "error"};

QString tr(const QString &text)
{
    return QCoreApplication::translate("Templates", text.toUtf8().constData());
}

// Applies f to each of the document's words, where it stands.
template<typename F> QJsonObject visit(QJsonObject document, F f)
{
    for (const char *key : {"name", "description"}) {
        if (document.value(QLatin1String(key)).isString())
            document.insert(QLatin1String(key), f(document.value(QLatin1String(key)).toString()));
    }
    QJsonArray nodes = document.value(QLatin1String("nodes")).toArray();
    for (qsizetype i = 0; i < nodes.size(); ++i) {
        QJsonObject node = nodes.at(i).toObject();
        for (const char *key : NodeTexts) {
            if (node.value(QLatin1String(key)).isString())
                node.insert(QLatin1String(key), f(node.value(QLatin1String(key)).toString()));
        }
        QJsonArray fields = node.value(QLatin1String("fields")).toArray();
        for (qsizetype j = 0; j < fields.size(); ++j) {
            QJsonObject field = fields.at(j).toObject();
            if (field.value(QLatin1String("label")).isString())
                field.insert(QStringLiteral("label"),
                             f(field.value(QLatin1String("label")).toString()));
            fields.replace(j, field);
        }
        if (node.contains(QLatin1String("fields")))
            node.insert(QStringLiteral("fields"), fields);
        nodes.replace(i, node);
    }
    document.insert(QStringLiteral("nodes"), nodes);
    return document;
}

} // namespace

QJsonObject TemplateTexts::translated(const QJsonObject &document)
{
    return visit(document, [](const QString &text) { return text.isEmpty() ? text : tr(text); });
}

QStringList TemplateTexts::texts(const QJsonObject &document)
{
    QStringList out;
    (void)visit(document, [&out](const QString &text) {
        if (!text.isEmpty())
            out << text;
        return text;
    });
    return out;
}

} // namespace Switchboard
