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
    if (const KpiDefinition *d = KpiDefinition::find(key))
        return d->text(v, QLocale());
    return QLocale().toString(v);
}

} // namespace Switchboard::KpiFigures
