#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QStringList>
#include <utility>

namespace Switchboard::JsonText {

// Compact JSON text written straight into a buffer, byte for byte as QJsonDocument writes it,
// without building a QJsonObject first (Qt 6.4 allocates for every key inserted).

// s as a JSON string, quoted and escaped, in UTF-8.
void appendString(QByteArray &out, const QString &s);
// Any JSON value.
void appendValue(QByteArray &out, const QJsonValue &value);
// A list of strings as a JSON array.
void appendList(QByteArray &out, const QStringList &list);

// Writes "key":value pairs, with the commas between them.
class Members
{
public:
    explicit Members(QByteArray &out)
        : m_out(out)
    {
    }

    QByteArray &key(const char *name)
    {
        if (!std::exchange(m_first, false))
            m_out += ',';
        m_out += '"';
        m_out += name;
        m_out += "\":";
        return m_out;
    }
    QByteArray &key(const QString &name)
    {
        if (!std::exchange(m_first, false))
            m_out += ',';
        appendString(m_out, name);
        m_out += ':';
        return m_out;
    }

private:
    QByteArray &m_out;
    bool m_first = true;
};

} // namespace Switchboard::JsonText
