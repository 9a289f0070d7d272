#include "texts/message.h"

#include "texts/messagecatalog.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Switchboard {

Message::Message(QString id, QList<Message> args)
    : m_kind(Kind::Catalog)
    , m_text(std::move(id))
    , m_args(std::move(args))
{
}

Message Message::plain(const QString &text)
{
    Message m;
    m.m_text = text;
    return m;
}

Message Message::number(double value)
{
    Message m;
    m.m_kind = Kind::Number;
    m.m_number = value;
    return m;
}

Message Message::module(const QString &moduleId)
{
    return Message(QStringLiteral("module.") + moduleId);
}

bool Message::isEmpty() const
{
    return m_kind == Kind::Plain && m_text.isEmpty();
}

QString Message::text() const
{
    return render(false);
}

QString Message::translated() const
{
    return render(true);
}

QString Message::render(bool translate) const
{
    switch (m_kind) {
    case Kind::Plain:
        return m_text;
    case Kind::Number: {
        const QLocale locale = translate ? QLocale() : QLocale::c();
        return m_number == double(qint64(m_number)) ? locale.toString(qint64(m_number))
                                                    : locale.toString(m_number, 'g', 4);
    }
    case Kind::Catalog:
        break;
    }
    const std::optional<MessageCatalog::Source> source = MessageCatalog::find(m_text);
    if (!source)
        return m_text; // an id this core does not know: better the id than nothing
    const QString pattern = translate ? QCoreApplication::translate(source->context, source->text)
                                      : QString::fromUtf8(source->text);
    // %1…%9 take the arguments once each, so an argument's own "%2" stays as it is.
    QString out;
    out.reserve(pattern.size() + 32);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1) >= QLatin1Char('1')
            && pattern.at(i + 1) <= QLatin1Char('9')) {
            const int n = pattern.at(i + 1).digitValue() - 1;
            if (n < m_args.size()) {
                out += m_args.at(n).render(translate);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

QJsonValue Message::toJson() const
{
    switch (m_kind) {
    case Kind::Plain:
        return m_text;
    case Kind::Number:
        return m_number;
    case Kind::Catalog:
        break;
    }
    QJsonObject o {{QStringLiteral("id"), m_text}};
    if (!m_args.isEmpty()) {
        QJsonArray args;
        for (const Message &a : m_args)
            args.append(a.toJson());
        o.insert(QStringLiteral("args"), args);
    }
    return o;
}

Message Message::fromJson(const QJsonValue &json)
{
    if (json.isDouble())
        return number(json.toDouble());
    if (!json.isObject())
        return plain(json.toVariant().toString());
    const QJsonObject o = json.toObject();
    QList<Message> args;
    for (const QJsonValue a : o.value(QLatin1String("args")).toArray())
        args.append(fromJson(a));
    return Message(o.value(QLatin1String("id")).toString(), std::move(args));
}

QString Message::translatedField(const QJsonObject &object, QLatin1String field)
{
    const QJsonValue message = object.value(QLatin1String("texts")).toObject().value(field);
    if (message.isUndefined() || message.isNull())
        return object.value(field).toString();
    return fromJson(message).translated();
}

} // namespace Switchboard
