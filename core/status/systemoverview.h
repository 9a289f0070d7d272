#pragma once

#include "alerts/statusalert.h"
#include "deps/dependencygraph.h"
#include "modules/modulestatus.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>

namespace Switchboard {

// The clinic-wide picture the dashboard banner and status bar show.
struct SystemOverview
{
    SystemHealth health = SystemHealth::Healthy;
    bool envOk = true;
    QList<StatusAlert> alerts;
    QDateTime lastCheck; // invalid until the first round of checks finished
    QString clinicName;
    QString environment;
    int deadLetters = 0; // module calls waiting in the dead-letter queue
    QJsonObject kpis; // leads_24h, bookings_24h, revenue_24h_usd, …
    QJsonObject kpiThresholds; // min_leads_24h, min_nps, … from KPI_THRESHOLDS_JSON
    QJsonObject kpiPreviousWeek; // each KPI's average over the 7 days before the last 7
    DependencyGraph dependencies; // modules and the published workflows that connect them
    QJsonArray reviewQueues; // ReviewDesk::queues(): open review tasks per queue
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::SystemOverview)
