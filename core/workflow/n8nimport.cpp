#include "workflow/n8nimport.h"

#include "workflow/n8n/n8ngraph.h"
#include "workflow/n8n/n8nworkflowbuilder.h"

#include <QJsonArray>

namespace Switchboard {

bool N8nImport::looksLikeN8n(const QJsonObject &document)
{
    return document.value(QLatin1String("connections")).isObject()
        && document.value(QLatin1String("nodes")).isArray();
}

Result<N8nImport> N8nImport::convert(const QJsonObject &n8n)
{
    if (!looksLikeN8n(n8n))
        return makeError(
            QStringLiteral("not an n8n export: it needs \"nodes\" and \"connections\""),
            QStringLiteral("connections"));
    if (const qsizetype count = n8n.value(QLatin1String("nodes")).toArray().size();
        count > MaxNodes)
        return makeError(QStringLiteral("the n8n export has %1 nodes; at most %2 are imported")
                             .arg(count)
                             .arg(MaxNodes),
                         QStringLiteral("nodes"));
    N8nGraph graph = N8nGraph::fromJson(n8n);
    if (graph.nodes().isEmpty())
        return makeError(QStringLiteral("the n8n export has no nodes"), QStringLiteral("nodes"));
    const QString name =
        n8n.value(QLatin1String("name")).toString(QStringLiteral("Imported from n8n"));
    QString base = N8nGraph::slug(name, QLatin1Char('-'));
    if (base.isEmpty())
        base = QStringLiteral("imported-from-n8n");

    // Each trigger starts its own workflow.
    QList<QPair<const N8nNode *, N8nTrigger>> triggers;
    N8nImport result;
    QSet<QString> reached;
    bool anyTrigger = false;
    for (const N8nNode &node : graph.nodes()) {
        if (!N8nTriggers::isTrigger(node))
            continue;
        anyTrigger = true;
        if (node.disabled) {
            result.mapped << QStringLiteral("%1: disabled in n8n, so it never starts anything; "
                                            "left out")
                                 .arg(node.name);
            continue;
        }
        for (const N8nTrigger &t : N8nTriggers::map(node))
            triggers.append({&node, t});
        reached.unite(graph.reachableFrom(node.name));
    }
    if (!anyTrigger)
        triggers.append(
            {nullptr,
             N8nTrigger {QJsonObject {{QStringLiteral("kind"), QStringLiteral("manual")}},
                         QStringLiteral("manual start"),
                         {},
                         N8nDataRoot::at(QStringLiteral("input")),
                         QString()}});
    QSet<QString> ids;
    for (const auto &[node, trigger] : std::as_const(triggers)) {
        QString id = base.left(63);
        QString title = name;
        if (triggers.size() > 1) {
            const QString suffix = N8nGraph::slug(trigger.name, QLatin1Char('-'));
            id = QStringLiteral("%1-%2").arg(base.left(62 - std::min<qsizetype>(suffix.size(), 30)),
                                             suffix.left(30));
            title = QStringLiteral("%1 (%2)").arg(name, trigger.name);
        }
        while (id.endsWith(QLatin1Char('-')))
            id.chop(1);
        for (int n = 2; ids.contains(id); ++n)
            id = QStringLiteral("%1-%2").arg(id.left(60)).arg(n);
        ids.insert(id);
        N8nWorkflowBuilder builder(graph, node, trigger);
        result.workflows.append(builder.build(id, title));
        result.mapped << builder.mapped();
        result.unmapped << builder.unmapped();
    }
    if (anyTrigger) {
        for (const N8nNode &node : graph.nodes()) {
            if (!reached.contains(node.name))
                result.unmapped << QStringLiteral("%1: no trigger leads to it, so it never runs "
                                                  "in n8n either; left out")
                                       .arg(node.label());
        }
    }
    if (triggers.size() > 1)
        result.mapped.prepend(QStringLiteral("%1 triggers: Switchboard starts one workflow per "
                                             "trigger, so this export becomes %1 workflows")
                                  .arg(triggers.size()));
    result.mapped.removeDuplicates();
    result.unmapped.removeDuplicates();
    return result;
}

QJsonObject N8nImport::toJson() const
{
    QJsonArray list;
    for (const QJsonObject &w : workflows)
        list.append(w);
    return {{QStringLiteral("workflows"), list},
            {QStringLiteral("mapped"), QJsonArray::fromStringList(mapped)},
            {QStringLiteral("unmapped"), QJsonArray::fromStringList(unmapped)}};
}

} // namespace Switchboard
