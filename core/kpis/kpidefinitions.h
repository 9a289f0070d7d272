#pragma once

#include <QList>
#include <QLocale>
#include <QString>

namespace Switchboard {

// The clinic's six key figures, defined once: what each counts, over which window and from
// which events, and how it reads. The dashboard's cards and charts, the report, the status
// document and /metrics all take their names, units and meanings from here, and EventKpis and
// the simulator's module 07 count them by these rules.
struct KpiDefinition
{
    enum class Unit { Count, Money, Percent, Score };

    const char *key; // as module 07 and the status document name it: "leads_24h"
    const char *title; // English, marked for translation in the "Kpis" context
    Unit unit;
    const char *threshold; // key suffix in KPI_THRESHOLDS_JSON: "leads_24h", "nps"
    const char *meaning; // how it is counted, for tooltips and the documentation
    // The rule, for the documentation and /metrics: what is counted, what it is divided by
    // (nullptr for a plain count or sum), over how many hours, from which module's events.
    const char *numerator;
    const char *denominator;
    int windowHours;
    const char *source;

    // The title in the running application's language.
    QString translatedTitle() const;
    QString translatedMeaning() const;
    // The value as people read it in that locale: "1,234", "$1,234", "45 %", "8.4". The "C"
    // locale has no money conventions and reads as US English.
    QString text(double value, const QLocale &locale) const;

    // Leads, bookings, revenue, conversion, show rate, NPS: the order of the dashboard.
    static const QList<KpiDefinition> &all();
    static const KpiDefinition *find(const QString &key);
};

} // namespace Switchboard
