#include "kpis/kpidefinitions.h"

#include <QCoreApplication>

namespace Switchboard {

const QList<KpiDefinition> &KpiDefinition::all()
{
    static const QList<KpiDefinition> figures {
        {"leads_24h", QT_TRANSLATE_NOOP("Kpis", "Leads (24 h)"), Unit::Count, "leads_24h",
         QT_TRANSLATE_NOOP("Kpis", "New leads captured by Intake in the last 24 hours")},
        {"bookings_24h", QT_TRANSLATE_NOOP("Kpis", "Bookings (24 h)"), Unit::Count, "bookings_24h",
         QT_TRANSLATE_NOOP("Kpis", "Consultations booked in the last 24 hours")},
        {"revenue_24h_usd", QT_TRANSLATE_NOOP("Kpis", "Revenue (24 h)"), Unit::Money,
         "revenue_24h_usd",
         QT_TRANSLATE_NOOP("Kpis", "Payments received in the last 24 hours, in US dollars")},
        {"lead_to_booking_rate", QT_TRANSLATE_NOOP("Kpis", "Conversion"), Unit::Percent,
         "lead_to_booking_rate",
         QT_TRANSLATE_NOOP("Kpis", "Bookings for each lead over the last 24 hours")},
        {"show_rate", QT_TRANSLATE_NOOP("Kpis", "Show rate"), Unit::Percent, "show_rate",
         QT_TRANSLATE_NOOP("Kpis", "Visits out of visits and no-shows in the last 24 hours")},
        {"nps_avg_30d", QT_TRANSLATE_NOOP("Kpis", "NPS (30 d)"), Unit::Score, "nps",
         QT_TRANSLATE_NOOP("Kpis", "Average satisfaction score of the last 30 days, 0 to 10")},
    };
    return figures;
}

const KpiDefinition *KpiDefinition::find(const QString &key)
{
    for (const KpiDefinition &d : all()) {
        if (key == QLatin1String(d.key))
            return &d;
    }
    return nullptr;
}

QString KpiDefinition::translatedTitle() const
{
    return QCoreApplication::translate("Kpis", title);
}

QString KpiDefinition::translatedMeaning() const
{
    return QCoreApplication::translate("Kpis", meaning);
}

} // namespace Switchboard
