#include "sim/simdemostaff.h"

#include "review/reviewdesk.h"
#include "service/coreservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace Switchboard {

namespace {

// What a person would type into an empty required field of this type.
QJsonValue plausible(const QString &type)
{
    if (type == QLatin1String("number"))
        return 1;
    if (type == QLatin1String("boolean"))
        return true;
    if (type == QLatin1String("date"))
        return QStringLiteral("2026-01-15");
    if (type == QLatin1String("datetime"))
        return QStringLiteral("2026-01-15T09:00:00Z");
    return QStringLiteral("Checked");
}

} // namespace

SimDemoStaff::SimDemoStaff(CoreService &core, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(IntervalMs);
    connect(m_timer, &QTimer::timeout, this, &SimDemoStaff::workQueue);
    m_timer->start();
}

int SimDemoStaff::workQueue()
{
    const Result<QJsonArray> open = m_core.review()->openTasks(QString(), true);
    if (!open || open->size() <= MaxOpen)
        return 0;
    int decided = 0;
    // Oldest first, as the desk lists them.
    for (qsizetype i = 0; i < open->size() - KeepOpen; ++i) {
        const QJsonObject task = open->at(i).toObject();
        const QJsonObject form = task.value(QLatin1String("form")).toObject();
        const QJsonArray outcomes = form.value(QLatin1String("outcomes")).toArray();
        if (outcomes.isEmpty())
            continue;
        QJsonObject fields;
        for (const QJsonValue f : form.value(QLatin1String("fields")).toArray()) {
            const QJsonValue value = f[QLatin1String("value")];
            const bool empty = value.isNull() || value.isUndefined()
                || (value.isString() && value.toString().trimmed().isEmpty());
            if (empty && f[QLatin1String("required")].toBool())
                fields.insert(f[QLatin1String("name")].toString(),
                              plausible(f[QLatin1String("type")].toString()));
            else if (!empty)
                fields.insert(f[QLatin1String("name")].toString(), value);
        }
        decided +=
            m_core.review()
                ->decide(task.value(QLatin1String("id")).toString(), outcomes.first().toString(),
                         fields, QStringLiteral("Handled by the demo clinic's staff"), name())
                .ok();
    }
    return decided;
}

} // namespace Switchboard
