#pragma once

#include <QJsonObject>
#include <QString>

namespace Switchboard::DashboardReport {

// The dashboard as one self-contained page (inline styles, no scripts, no external files) with
// the primary specification's sections: System Health Overview, Active Alerts, Module Status
// Grid, Key Performance Indicators, System Information. Built from the status document only,
// which carries no patient data. Well-formed XHTML, so that it can be checked by an XML parser.
// anonymize (ANONYMIZE_DASHBOARD) also hides the clinic's name and the instance id.
// trends: KpiHistory::toJson readings of leads_24h and bookings_24h, drawn as an inline SVG
// chart under the key figures when there are any.
// translated: in the running program's language and locale (the console's export), else in
// English as it is published and served.
QString html(const QJsonObject &status, const QString &clinicName, bool anonymize,
             const QJsonObject &trends = {}, bool translated = false);

} // namespace Switchboard::DashboardReport
