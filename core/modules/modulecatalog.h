#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Switchboard {

// Static facts about the nine automation modules, as named in the primary specification.
struct ModuleInfo
{
    QString id; // "02_booking"
    int number = 0; // 2
    QString envKey; // "BOOKING", as in ENABLED_02_BOOKING
    const char *displayName =
        nullptr; // English; translate with QCoreApplication::translate("Modules", …)
    QString webhookPath; // "consult-booking"
    bool criticalPath = false; // on the patient journey 01 → 02 → 08 → 09

    QString numberText() const { return QStringLiteral("%1").arg(number, 2, 10, QLatin1Char('0')); }
    QString name() const { return QString::fromUtf8(displayName); }
};

namespace ModuleCatalog {

const QList<ModuleInfo> &all();
// "01_intake" … "09_compliance".
QStringList ids();
// nullptr when the id is not one of the nine modules.
const ModuleInfo *find(const QString &id);
const ModuleInfo *byNumber(int number);
// Translated display name for user-facing text.
QString displayName(const QString &id);
// The actions a module's webhook takes, as the builder's palette offers them.
QStringList actions(const QString &id);
// An action in words for staff ("Book the first free slot" for book_first_available).
QString actionName(const QString &action);
// What a module's calls change in the outside world, for those that do: "bookings",
// "video_visits", "payments", "messages"; empty for the others (records, documents, figures).
QString outsideEffect(const QString &id);

} // namespace ModuleCatalog
} // namespace Switchboard
