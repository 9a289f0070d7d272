#include "kpis/kpirules.h"

#include "texts/messagecatalog.h"

namespace Switchboard::KpiRules {

QString kpiFor(const QString &key)
{
    QString kpi = key.mid(4);
    if (kpi == QLatin1String("nps"))
        return QStringLiteral("nps_avg_30d");
    return kpi;
}

Message label(const QString &kpi)
{
    if (MessageCatalog::find(QStringLiteral("kpi.") + kpi))
        return Message(QStringLiteral("kpi.") + kpi);
    return Message::plain(kpi);
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

QList<StatusAlert> evaluate(const QMap<QString, double> &thresholds, const QJsonObject &kpis)
{
    QList<StatusAlert> alerts;
    // Module 07 did not answer lately: no figures, and no threshold is judged on old ones.
    if (kpis.value(QLatin1String("unavailable")).toBool()) {
        alerts.append({AlertSeverity::Warning,
                       QStringLiteral("kpi"),
                       QStringLiteral("kpi_unavailable"),
                       QStringLiteral("07_analytics"),
                       Message(QStringLiteral("alert.kpi_unavailable.title")),
                       Message(QStringLiteral("alert.kpi_unavailable.message"),
                               {Message::module(QStringLiteral("07_analytics"))}),
                       Message(QStringLiteral("alert.kpi_unavailable.action")),
                       QStringLiteral("07_analytics"),
                       {QStringLiteral("07_analytics")}});
        return alerts;
    }
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
             QString(), Message(QStringLiteral("alert.kpi_threshold.title")),
             Message(minimum ? QStringLiteral("alert.kpi_threshold.below")
                             : QStringLiteral("alert.kpi_threshold.above"),
                     {label(kpi), Message::number(value), Message::number(it.value())}),
             Message(QStringLiteral("alert.kpi_threshold.action")), kpi, feedingModules(kpi)});
    }
    return alerts;
}

} // namespace Switchboard::KpiRules
