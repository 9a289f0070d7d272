#include "engine/triggers.h"

#include "workflow/expressionengine.h"

namespace Switchboard {

namespace {

bool runsOn(const WorkflowStore::Summary &w, const char *kind)
{
    return w.latestVersion > 0 && w.enabled
        && w.trigger.value(QLatin1String("kind")).toString() == QLatin1String(kind);
}

} // namespace

Triggers::Triggers(WorkflowStore &workflows, ExpressionEngine &expressions)
    : m_workflows(workflows)
    , m_expressions(expressions)
{
}

const QList<WorkflowStore::Summary> &Triggers::workflows()
{
    if (m_listGeneration != m_workflows.generation()) {
        m_list = m_workflows.list();
        m_listGeneration = m_workflows.generation();
    }
    return m_list;
}

QStringList Triggers::forEvent(const QString &type, const QString &module, const QJsonObject &data)
{
    const QJsonObject event {{QStringLiteral("type"), type},
                             {QStringLiteral("module"), module},
                             {QStringLiteral("data"), data}};
    QStringList out;
    for (const WorkflowStore::Summary &w : workflows()) {
        const QJsonObject &t = w.trigger;
        if (!runsOn(w, "event") || t.value(QLatin1String("event_type")).toString() != type)
            continue;
        if (t.contains(QLatin1String("module"))
            && t.value(QLatin1String("module")).toString() != module)
            continue;
        if (t.contains(QLatin1String("filter"))) {
            auto pass = m_expressions.evaluate(
                t.value(QLatin1String("filter")).toString(),
                {{QStringLiteral("event"), event}, {QStringLiteral("input"), data}});
            if (!pass || !m_expressions.truthy(*pass))
                continue;
        }
        out << w.id;
    }
    return out;
}

std::optional<WorkflowStore::Summary> Triggers::forWebhook(const QString &path)
{
    std::optional<WorkflowStore::Summary> hook;
    for (const WorkflowStore::Summary &w : workflows()) {
        if (runsOn(w, "webhook") && w.trigger.value(QLatin1String("path")).toString() == path)
            hook = w;
    }
    return hook;
}

} // namespace Switchboard
