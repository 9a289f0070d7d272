#include "common/relativetime.h"

#include <QCoreApplication>

namespace Switchboard {

QString relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return QCoreApplication::translate("RelativeTime", "never");
    const qint64 seconds = qMax<qint64>(0, then.secsTo(now));
    if (seconds < 45)
        return QCoreApplication::translate("RelativeTime", "just now");
    if (seconds < 3600)
        return QCoreApplication::translate("RelativeTime", "%n min ago", nullptr, int(qMax<qint64>(1, seconds / 60)));
    if (seconds < 48 * 3600)
        return QCoreApplication::translate("RelativeTime", "%n h ago", nullptr, int(seconds / 3600));
    return QCoreApplication::translate("RelativeTime", "%n days ago", nullptr, int(seconds / 86400));
}

} // namespace Switchboard
