#include "builder/testrunstates.h"

#include <QJsonArray>
#include <QSet>

namespace Switchboard::TestRunStates {

QString ofEvent(const QJsonObject &event)
{
    static const QHash<QString, QString> states = {
        {QStringLiteral("step_started"), QStringLiteral("running")},
        {QStringLiteral("step_resumed"), QStringLiteral("running")},
        {QStringLiteral("retry_scheduled"), QStringLiteral("retrying")},
        {QStringLiteral("timer_set"), QStringLiteral("waiting")},
        {QStringLiteral("waiting_for_event"), QStringLiteral("waiting")},
        {QStringLiteral("task_created"), QStringLiteral("waiting")},
        {QStringLiteral("step_completed"), QStringLiteral("done")},
        {QStringLiteral("step_failed"), QStringLiteral("failed")},
    };
    return states.value(event.value(QLatin1String("type")).toString());
}

Reading ofExecution(const QJsonObject &execution, const QStringList &nodeIds)
{
    Reading out;
    QSet<QString> reached;
    for (const QJsonValue v : execution.value(QLatin1String("steps")).toArray()) {
        const QJsonObject step = v.toObject();
        const QString node = step.value(QLatin1String("node")).toString();
        const QString status = step.value(QLatin1String("status")).toString();
        reached.insert(node);
        if (status == QLatin1String("completed")) {
            out.states.insert(node, QStringLiteral("done"));
        } else if (status == QLatin1String("failed")) {
            out.states.insert(node, QStringLiteral("failed"));
            out.failedStep = node;
        }
    }
    const QString overall = execution.value(QLatin1String("status")).toString();
    // Steps a finished run never reached were not taken: they no longer read "pending".
    if (overall == QLatin1String("completed") || overall == QLatin1String("failed")
        || overall == QLatin1String("cancelled")) {
        for (const QString &id : nodeIds) {
            if (!reached.contains(id))
                out.states.insert(id, QStringLiteral("skipped"));
        }
    }
    if (overall == QLatin1String("failed") && out.failedStep.isEmpty())
        out.failedStep =
            execution.value(QLatin1String("error")).toString().section(QLatin1Char(':'), 0, 0);
    if (overall != QLatin1String("failed"))
        out.failedStep.clear();
    return out;
}

QJsonObject step(const QJsonObject &execution, const QString &node)
{
    for (const QJsonValue v : execution.value(QLatin1String("steps")).toArray()) {
        if (v.toObject().value(QLatin1String("node")).toString() == node)
            return v.toObject();
    }
    return {};
}

} // namespace Switchboard::TestRunStates
