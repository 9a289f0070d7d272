#include "dashboard/kpifigures.h"

#include "kpis/kpidefinitions.h"

#include <QLocale>

namespace Switchboard::KpiFigures {

QList<Figure> all()
{
    QList<Figure> out;
    for (const KpiDefinition &d : KpiDefinition::all())
        out.append({QLatin1String(d.key), d.translatedTitle(), QLatin1String(d.threshold),
                    d.translatedMeaning()});
    return out;
}

QString format(const QString &key, double v)
{
    // The "C" locale has no conventions for money; US English matches the USD figures.
    const QLocale locale = QLocale().language() == QLocale::C
        ? QLocale(QLocale::English, QLocale::UnitedStates)
        : QLocale();
    if (key == QLatin1String("revenue_24h_usd"))
        return locale.toCurrencyString(v, QStringLiteral("$"), 0);
    if (key.endsWith(QLatin1String("_rate")))
        return locale.toString(v * 100, 'f', 0) + QStringLiteral(" %");
    if (key == QLatin1String("nps_avg_30d"))
        return locale.toString(v, 'f', 1);
    return locale.toString(qint64(v));
}

} // namespace Switchboard::KpiFigures
