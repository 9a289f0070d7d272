#include "kpis/kpidefinitions.h"

#include <QCoreApplication>

namespace Switchboard {

const QList<KpiDefinition> &KpiDefinition::all()
{
    static const QList<KpiDefinition> figures {
        {"leads_24h", QT_TRANSLATE_NOOP("Kpis", "Leads (24 h)"), Unit::Count, "leads_24h",
         QT_TRANSLATE_NOOP("Kpis", "New leads captured by Intake in the last 24 hours"),
         "lead.captured events", nullptr, 24, "01_intake"},
        {"bookings_24h", QT_TRANSLATE_NOOP("Kpis", "Bookings (24 h)"), Unit::Count, "bookings_24h",
         QT_TRANSLATE_NOOP("Kpis", "Consultations booked in the last 24 hours"),
         "booking.created events", nullptr, 24, "02_booking"},
        {"revenue_24h_usd", QT_TRANSLATE_NOOP("Kpis", "Revenue (24 h)"), Unit::Money,
         "revenue_24h_usd",
         QT_TRANSLATE_NOOP("Kpis", "Payments received in the last 24 hours, in US dollars"),
         "amount_usd of payment.succeeded events", nullptr, 24, "04_billing"},
        {"lead_to_booking_rate", QT_TRANSLATE_NOOP("Kpis", "Conversion"), Unit::Percent,
         "lead_to_booking_rate",
         QT_TRANSLATE_NOOP("Kpis",
                           "Share of the leads of the last 24 hours whose patient has booked "
                           "since"),
         "leads of the window whose patient_id has a later booking.created", "lead.captured events",
         24, "01_intake, 02_booking"},
        {"show_rate", QT_TRANSLATE_NOOP("Kpis", "Show rate"), Unit::Percent, "show_rate",
         QT_TRANSLATE_NOOP("Kpis", "Visits out of visits and no-shows in the last 24 hours"),
         "session.completed events", "session.completed and booking.no_show events", 24,
         "03_telehealth, 02_booking"},
        {"nps_avg_30d", QT_TRANSLATE_NOOP("Kpis", "NPS (30 d)"), Unit::Score, "nps",
         QT_TRANSLATE_NOOP("Kpis", "Average satisfaction score of the last 30 days, 0 to 10"),
         "survey scores", "surveys answered", 720, "07_analytics"},
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

QString KpiDefinition::text(double value, const QLocale &locale) const
{
    const QLocale l =
        locale.language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : locale;
    switch (unit) {
    case Unit::Money:
        return l.toCurrencyString(value, QStringLiteral("$"), 0);
    case Unit::Percent:
        return l.toString(value * 100, 'f', 0) + QStringLiteral(" %");
    case Unit::Score:
        return l.toString(value, 'f', 1);
    case Unit::Count:
        break;
    }
    return l.toString(qint64(value));
}

} // namespace Switchboard
