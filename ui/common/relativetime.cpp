#include "common/relativetime.h"

#include <QCoreApplication>
#include <QLocale>

namespace Switchboard {

namespace {
QString translated(const char *text, int n)
{
    return QCoreApplication::translate("RelativeTime", text, nullptr, n);
}
} // namespace

QString relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return QCoreApplication::translate("RelativeTime", "never");
    const qint64 seconds = std::max(qint64(0), then.secsTo(now));
    if (seconds < 45)
        return QCoreApplication::translate("RelativeTime", "just now");
    // Plain integers only below: lupdate 6.4 loops on template arguments inside translate().
    const int minutes = std::max(1, int(seconds / 60));
    const int hours = int(seconds / 3600);
    const int days = int(seconds / 86400);
    if (seconds < 3600)
        return translated(QT_TRANSLATE_N_NOOP("RelativeTime", "%n min ago"), minutes);
    if (seconds < 48LL * 3600)
        return translated(QT_TRANSLATE_N_NOOP("RelativeTime", "%n h ago"), hours);
    return translated(QT_TRANSLATE_N_NOOP("RelativeTime", "%n days ago"), days);
}

QString elapsedText(qint64 seconds)
{
    const qint64 minutes = std::max(qint64(0), seconds) / 60;
    if (minutes < 60)
        return QCoreApplication::translate("RelativeTime", "%1 min").arg(minutes);
    if (minutes < 48LL * 60)
        return QCoreApplication::translate("RelativeTime", "%1 h %2 min")
            .arg(minutes / 60)
            .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("RelativeTime", "%1 days").arg(minutes / (24LL * 60));
}

QString localTimeText(const QJsonValue &iso)
{
    const QDateTime at = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace Switchboard
