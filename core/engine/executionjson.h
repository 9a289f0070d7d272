#pragma once

#include "store/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QVariant>
#include <cstdio>

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

// ms since the epoch as "2026-03-02T08:00:04.200Z", as Qt::ISODateWithMs writes a UTC time,
// without building a QDateTime: a history of 10,000 events writes 10,000 of them.
inline QString isoText(qint64 ms)
{
    const qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    qint64 rest = ms - days * 86400000;
    // Days to a civil date (H. Hinnant's algorithm).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    const int hour = int(rest / 3600000);
    rest %= 3600000;
    const int minute = int(rest / 60000);
    rest %= 60000;
    char text[32];
    const int n = std::snprintf(text, sizeof text, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
                                static_cast<long long>(year), month, day, hour, minute,
                                int(rest / 1000), int(rest % 1000));
    return QString::fromLatin1(text, n);
}

inline QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoText(ms)) : QJsonValue(QJsonValue::Null);
}

} // namespace Switchboard::ExecutionJson
