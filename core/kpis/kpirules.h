#pragma once

#include "alerts/statusalert.h"

#include <QJsonObject>
#include <QMap>

namespace Switchboard::KpiRules {

// The primary specification's KPI thresholds (KPI_THRESHOLDS_JSON): each min_<kpi> or
// max_<kpi> compared with the KPI of that name, min_nps with nps_avg_30d. A breach is the
// seed's warning: "KPI Threshold Breached: Lead volume (15) below threshold (100)".
QList<StatusAlert> evaluate(const QMap<QString, double> &thresholds, const QJsonObject &kpis);

// The KPI a threshold key is about ("min_leads_24h" → "leads_24h"), and its name for people.
QString kpiFor(const QString &thresholdKey);
Message label(const QString &kpi);
// The modules a KPI comes from: those producing what it counts, and 07_analytics.
QStringList feedingModules(const QString &kpi);

} // namespace Switchboard::KpiRules
