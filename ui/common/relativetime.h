#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace Switchboard {

// "just now", "3 min ago", "2 h ago", "4 days ago"; "never" for an invalid time.
QString relativeTime(const QDateTime &then, const QDateTime &now);
// An ISO 8601 time from the core in the local zone, short ("03/12/2026 09:05"); empty when
// it is not a time.
QString localTimeText(const QJsonValue &iso);
// How long something lasted or has waited: "12 min", "2 h 05 min", "3 days".
QString elapsedText(qint64 seconds);

} // namespace Switchboard
