#pragma once

#include <QList>
#include <QString>

namespace Switchboard {

// The clinic's six key figures, defined once: what each counts and how it reads. The
// dashboard's cards and charts, the report and the status document all take their names and
// units from here.
struct KpiDefinition
{
    enum class Unit { Count, Money, Percent, Score };

    const char *key; // as module 07 and the status document name it: "leads_24h"
    const char *title; // English, marked for translation in the "Kpis" context
    Unit unit;
    const char *threshold; // key suffix in KPI_THRESHOLDS_JSON: "leads_24h", "nps"
    const char *meaning; // how it is counted, for tooltips and the documentation

    // The title in the running application's language.
    QString translatedTitle() const;
    QString translatedMeaning() const;

    // Leads, bookings, revenue, conversion, show rate, NPS: the order of the dashboard.
    static const QList<KpiDefinition> &all();
    static const KpiDefinition *find(const QString &key);
};

} // namespace Switchboard
