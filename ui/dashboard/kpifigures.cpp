#include "dashboard/kpifigures.h"

#include <QCoreApplication>
#include <QLocale>

namespace Switchboard::KpiFigures {

QList<Figure> all()
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("Switchboard::KpiRow", text);
    };
    return {
        {QStringLiteral("leads_24h"), tr(QT_TRANSLATE_NOOP("Switchboard::KpiRow", "Leads (24 h)")),
         QStringLiteral("leads_24h")},
        {QStringLiteral("bookings_24h"),
         tr(QT_TRANSLATE_NOOP("Switchboard::KpiRow", "Bookings (24 h)")),
         QStringLiteral("bookings_24h")},
        {QStringLiteral("revenue_24h_usd"),
         tr(QT_TRANSLATE_NOOP("Switchboard::KpiRow", "Revenue (24 h)")),
         QStringLiteral("revenue_24h_usd")},
        {QStringLiteral("lead_to_booking_rate"),
         tr(QT_TRANSLATE_NOOP("Switchboard::KpiRow", "Conversion")),
         QStringLiteral("lead_to_booking_rate")},
        {QStringLiteral("show_rate"), tr(QT_TRANSLATE_NOOP("Switchboard::KpiRow", "Show rate")),
         QStringLiteral("show_rate")},
        {QStringLiteral("nps_avg_30d"), tr(QT_TRANSLATE_NOOP("Switchboard::KpiRow", "NPS (30 d)")),
         QStringLiteral("nps")},
    };
}

QString format(const QString &key, double v)
{
    // The "C" locale has no conventions for money; US English matches the USD figures.
    const QLocale locale = QLocale().language() == QLocale::C
        ? QLocale(QLocale::English, QLocale::UnitedStates)
        : QLocale();
    if (key == QLatin1String("revenue_24h_usd"))
        return locale.toCurrencyString(v, QStringLiteral("$"), 0);
    if (key.endsWith(QLatin1String("_rate")))
        return locale.toString(v * 100, 'f', 0) + QStringLiteral(" %");
    if (key == QLatin1String("nps_avg_30d"))
        return locale.toString(v, 'f', 1);
    return locale.toString(qint64(v));
}

} // namespace Switchboard::KpiFigures
