#pragma once

#include "store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QVariant>

// Small conversions shared by the engine's parts: stored JSON text, ids, times on the wire.
namespace Switchboard::ExecutionJson {

inline QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// o as compact JSON text to bind as an SQL value.
inline QVariant compactText(const QJsonObject &o)
{
    return QVariant::fromValue(SqlText {QJsonDocument(o).toJson(QJsonDocument::Compact)});
}

inline QJsonObject parse(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toByteArray()).object();
}

inline QByteArray randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return raw.toHex();
}

inline QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0
        ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
        : QJsonValue(QJsonValue::Null);
}

} // namespace Switchboard::ExecutionJson
