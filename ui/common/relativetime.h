#pragma once

#include <QDateTime>
#include <QString>

namespace Switchboard {

// "just now", "3 min ago", "2 h ago", "4 days ago"; "never" for an invalid time.
QString relativeTime(const QDateTime &then, const QDateTime &now);

} // namespace Switchboard
