#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace Switchboard {

// A text the core writes for people, kept as a message id and its arguments rather than as
// finished words, so each reader sees it in their own language: the console in its user's, the
// status document, logs and outside messages in English. An argument is a name or a number, or
// another message ("Module Down: %1" takes the module's name, itself translated).
//
// Stored and sent as JSON: a message is {"id": …, "args": […]}; a plain argument a string, a
// number a number. The ids and their English sources are in MessageCatalog.
class Message
{
public:
    Message() = default;
    explicit Message(QString id, QList<Message> args = {});
    // Text that is never translated: a name, an identifier, an error from elsewhere.
    static Message plain(const QString &text);
    // A number, written by the reader's locale.
    static Message number(double value);
    // A module's name ("module.04_billing").
    static Message module(const QString &moduleId);

    bool isEmpty() const;
    QString id() const { return m_kind == Kind::Catalog ? m_text : QString(); }
    const QList<Message> &args() const { return m_args; }

    // In English, as the status document, the logs and the outside messages carry it.
    QString text() const;
    // In the running program's language (QCoreApplication's translators).
    QString translated() const;

    QJsonValue toJson() const;
    // Anything unreadable comes back as plain text of what was there, never as nothing.
    static Message fromJson(const QJsonValue &json);

    // A text field of a JSON object the core sent ("title" of an alert, "note" of its history),
    // in the running program's language: from the object's "texts" when it has the field there,
    // else the English field as it is.
    static QString translatedField(const QJsonObject &object, QLatin1String field);

    bool operator==(const Message &) const = default;

private:
    enum class Kind { Plain, Number, Catalog };

    QString render(bool translate) const;

    Kind m_kind = Kind::Plain;
    QString m_text; // the plain text or the catalog id
    double m_number = 0;
    QList<Message> m_args;
};

} // namespace Switchboard
