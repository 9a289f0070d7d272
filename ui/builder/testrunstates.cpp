#include "builder/testrunstates.h"

#include <QJsonArray>

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
        {QStringLiteral("workflow_requested"), QStringLiteral("waiting")},
        {QStringLiteral("step_completed"), QStringLiteral("done")},
        {QStringLiteral("step_failed"), QStringLiteral("failed")},
    };
    return states.value(event.value(QLatin1String("type")).toString());
}

bool Reading::took(const WorkflowEdge &edge) const
{
    return reached.contains(edge.from) && reached.contains(edge.to)
        && (!branch.contains(edge.from) || branch.value(edge.from) == edge.port);
}

Reading ofExecution(const QJsonObject &execution, const QStringList &nodeIds)
{
    Reading out;
    for (const QJsonValue v : execution.value(QLatin1String("steps")).toArray()) {
        const QString node = v[QLatin1String("node")].toString();
        const QString status = v[QLatin1String("status")].toString();
        out.reached.insert(node);
        // completed reads "done"; failed, retrying, running and waiting read as they are.
        out.states.insert(node,
                          status == QLatin1String("completed") ? QStringLiteral("done") : status);
        if (status == QLatin1String("failed"))
            out.failedStep = node;
    }
    for (const QJsonValue v : execution.value(QLatin1String("history")).toArray()) {
        const QString port = v[QLatin1String("data")][QLatin1String("branch")].toString();
        if (!port.isEmpty())
            out.branch.insert(v[QLatin1String("node")].toString(), port);
    }
    const QString overall = execution.value(QLatin1String("status")).toString();
    const bool finished = overall == QLatin1String("completed")
        || overall == QLatin1String("failed") || overall == QLatin1String("cancelled");
    // Steps a finished run never reached were not taken: they no longer read "pending".
    for (const QString &id : nodeIds) {
        if (!out.reached.contains(id))
            out.states.insert(id, finished ? QStringLiteral("skipped") : QStringLiteral("pending"));
    }
    if (overall == QLatin1String("failed") && out.failedStep.isEmpty())
        out.failedStep =
            execution.value(QLatin1String("error")).toString().section(QLatin1Char(':'), 0, 0);
    if (overall != QLatin1String("failed"))
        out.failedStep.clear();
    return out;
}

namespace {

void addPaths(QStringList &out, const QString &prefix, const QJsonValue &value, int depth)
{
    out << prefix;
    if (depth == 0 || !value.isObject())
        return;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        addPaths(out, prefix + QLatin1Char('.') + it.key(), it.value(), depth - 1);
}

} // namespace

QStringList paths(const QJsonObject &input, const QJsonObject &execution,
                  const QStringList &nodeIds)
{
    QStringList out;
    const QJsonValue runInput = execution.value(QLatin1String("input"));
    addPaths(out, QStringLiteral("input"), runInput.isObject() ? runInput : input, 2);
    for (const QString &id : nodeIds) {
        const QJsonObject ran = step(execution, id);
        addPaths(out, QStringLiteral("steps.%1.output").arg(id), ran.value(QLatin1String("output")),
                 2);
    }
    out.removeDuplicates();
    out.sort();
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
