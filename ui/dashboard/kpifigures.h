#pragma once

#include <QList>
#include <QString>

namespace Switchboard::KpiFigures {

// One of the dashboard's six key figures.
struct Figure
{
    QString key; // as module 07 and the status document name it: "leads_24h"
    QString title; // translated: "Leads (24 h)"
    QString threshold; // key suffix in KPI_THRESHOLDS_JSON: "leads_24h", "nps"
    QString meaning; // translated: how it is counted
};

// Leads, bookings, revenue, conversion, show rate, NPS: the order of the dashboard's cards.
QList<Figure> all();
// A figure's value as clinic staff read it: a count, money, a percentage or a score.
QString format(const QString &key, double value);

} // namespace Switchboard::KpiFigures
