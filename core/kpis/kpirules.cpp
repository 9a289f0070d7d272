#include "kpis/kpirules.h"

namespace Switchboard::KpiRules {

QString kpiFor(const QString &key)
{
    QString kpi = key.mid(4);
    if (kpi == QLatin1String("nps"))
        return QStringLiteral("nps_avg_30d");
    return kpi;
}

QString label(const QString &kpi)
{
    static const QMap<QString, QString> labels = {
        {QStringLiteral("leads_24h"), QStringLiteral("Lead volume")},
        {QStringLiteral("bookings_24h"), QStringLiteral("Bookings")},
        {QStringLiteral("revenue_24h_usd"), QStringLiteral("Revenue")},
        {QStringLiteral("lead_to_booking_rate"), QStringLiteral("Lead to booking rate")},
        {QStringLiteral("show_rate"), QStringLiteral("Show rate")},
        {QStringLiteral("nps_avg_30d"), QStringLiteral("NPS")},
        {QStringLiteral("errors_24h"), QStringLiteral("Errors")}};
    return labels.value(kpi, kpi);
}

QStringList feedingModules(const QString &kpi)
{
    // 07_analytics computes every figure; the others produce what it counts.
    static const QMap<QString, QStringList> feeds = {
        {QStringLiteral("leads_24h"), {QStringLiteral("01_intake")}},
        {QStringLiteral("bookings_24h"), {QStringLiteral("02_booking")}},
        {QStringLiteral("revenue_24h_usd"), {QStringLiteral("04_billing")}},
        {QStringLiteral("lead_to_booking_rate"),
         {QStringLiteral("01_intake"), QStringLiteral("02_booking")}},
        {QStringLiteral("show_rate"),
         {QStringLiteral("02_booking"), QStringLiteral("03_telehealth")}},
        {QStringLiteral("nps_avg_30d"), {QStringLiteral("05_followup")}}};
    return feeds.value(kpi) + QStringList {QStringLiteral("07_analytics")};
}

namespace {
QString number(double v)
{
    return v == double(qint64(v)) ? QString::number(qint64(v)) : QString::number(v, 'g', 4);
}
} // namespace

QList<StatusAlert> evaluate(const QMap<QString, double> &thresholds, const QJsonObject &kpis)
{
    QList<StatusAlert> alerts;
    for (auto it = thresholds.begin(); it != thresholds.end(); ++it) {
        const QString kpi = kpiFor(it.key());
        if (!kpis.value(kpi).isDouble())
            continue; // not known yet: nothing to compare
        const double value = kpis.value(kpi).toDouble();
        const bool minimum = it.key().startsWith(QLatin1String("min_"));
        if (minimum ? value >= it.value() : value <= it.value())
            continue;
        alerts.append(
            {AlertSeverity::Warning, QStringLiteral("kpi"), QStringLiteral("kpi_threshold"),
             QString(), QStringLiteral("KPI Threshold Breached"),
             QStringLiteral("%1 (%2) %3 threshold (%4)")
                 .arg(label(kpi), number(value),
                      minimum ? QStringLiteral("below") : QStringLiteral("above"),
                      number(it.value())),
             QStringLiteral("Review the %1 trend on the dashboard and the modules that feed it")
                 .arg(kpi == QLatin1String("nps_avg_30d") ? label(kpi) : label(kpi).toLower()),
             kpi, feedingModules(kpi)});
    }
    return alerts;
}

} // namespace Switchboard::KpiRules
