#include "deps/dependencygraph.h"

#include "modules/modulecatalog.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace Switchboard {

namespace {

// The module a node stands for: the trigger's source module, or a module_call's target.
QString moduleOf(const Workflow &workflow, const WorkflowNode &node)
{
    if (node.type == NodeType::Trigger)
        return workflow.trigger.value(QLatin1String("module")).toString();
    if (node.type == NodeType::ModuleCall)
        return node.text("module");
    return {};
}

} // namespace

DependencyGraph::DependencyGraph()
{
    const QStringList path = criticalPath();
    for (qsizetype i = 1; i < path.size(); ++i) {
        DependencyEdge &e = edge(path.at(i - 1), path.at(i));
        e.declared = true;
        e.critical = true;
    }
}

QStringList DependencyGraph::criticalPath()
{
    QStringList path;
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        if (info.criticalPath)
            path << info.id;
    }
    return path;
}

DependencyGraph DependencyGraph::build(const QList<Workflow> &published)
{
    DependencyGraph graph;
    for (const Workflow &w : published)
        graph.connect(w);
    return graph;
}

DependencyEdge &DependencyGraph::edge(const QString &from, const QString &to)
{
    for (DependencyEdge &e : m_edges) {
        if (e.from == from && e.to == to)
            return e;
    }
    m_edges.append({from, to, {}, false, false});
    return m_edges.last();
}

void DependencyGraph::connect(const Workflow &workflow)
{
    const QString name = workflow.name.isEmpty() ? workflow.id : workflow.name;
    WorkflowRef ref {name, {}, {}};
    // From every node that stands for a module, follow the edges to the nearest nodes that stand
    // for another one: work flows from the first module to those.
    for (const WorkflowNode &node : workflow.nodes) {
        const QString from = moduleOf(workflow, node);
        if (from.isEmpty() || !ModuleCatalog::find(from))
            continue;
        if (!ref.modules.contains(from)) {
            if (node.type == NodeType::Trigger)
                ref.modules.prepend(from);
            else
                ref.modules.append(from);
        }
        QSet<QString> seen {node.id};
        QList<QString> queue;
        for (const WorkflowEdge &e : workflow.outgoing(node.id))
            queue.append(e.to);
        while (!queue.isEmpty()) {
            const QString id = queue.takeFirst();
            if (seen.contains(id))
                continue;
            seen.insert(id);
            const WorkflowNode *next = workflow.node(id);
            if (!next)
                continue;
            const QString to = moduleOf(workflow, *next);
            if (!to.isEmpty() && ModuleCatalog::find(to)) {
                if (to != from) {
                    DependencyEdge &e = edge(from, to);
                    if (!e.workflows.contains(name))
                        e.workflows.append(name);
                    QStringList &next = ref.next[from];
                    if (!next.contains(to))
                        next.append(to);
                }
                continue;
            }
            for (const WorkflowEdge &e : workflow.outgoing(id))
                queue.append(e.to);
        }
    }
    if (!ref.modules.isEmpty())
        m_workflows.append(ref);
}

BlastRadius DependencyGraph::blastRadius(const QString &moduleId) const
{
    BlastRadius radius;
    radius.module = moduleId;
    const ModuleInfo *info = ModuleCatalog::find(moduleId);
    radius.journeyBlocked = info && info->criticalPath;
    // Within each workflow that uses the module, what comes after it gets no work; so does the
    // rest of the patient journey when the module is on it. Breadth first: nearest first.
    const auto follow = [&](const QString &from, const QString &to) {
        if (to != moduleId && !radius.downstream.contains(to))
            radius.downstream.append(to);
        const std::pair<QString, QString> link {from, to};
        if (!radius.links.contains(link))
            radius.links.append(link);
    };
    QList<std::pair<const WorkflowRef *, QString>> queue;
    for (const WorkflowRef &w : m_workflows) {
        if (!w.modules.contains(moduleId))
            continue;
        radius.workflows.append(w.name);
        queue.append({&w, moduleId});
    }
    QSet<QString> seen;
    while (!queue.isEmpty()) {
        const auto [w, current] = queue.takeFirst();
        if (seen.contains(w->name + QLatin1Char('/') + current))
            continue;
        seen.insert(w->name + QLatin1Char('/') + current);
        for (const QString &to : w->next.value(current)) {
            follow(current, to);
            queue.append({w, to});
        }
    }
    if (radius.journeyBlocked) {
        const QStringList path = criticalPath();
        for (qsizetype i = path.indexOf(moduleId) + 1; i > 0 && i < path.size(); ++i)
            follow(path.at(i - 1), path.at(i));
    }
    return radius;
}

QJsonObject DependencyGraph::toJson() const
{
    QJsonArray edges;
    for (const DependencyEdge &e : m_edges) {
        edges.append(
            QJsonObject {{QStringLiteral("from"), e.from},
                         {QStringLiteral("to"), e.to},
                         {QStringLiteral("workflows"), QJsonArray::fromStringList(e.workflows)},
                         {QStringLiteral("declared"), e.declared},
                         {QStringLiteral("critical"), e.critical}});
    }
    QJsonArray workflows;
    for (const WorkflowRef &w : m_workflows) {
        QJsonObject next;
        for (auto it = w.next.cbegin(); it != w.next.cend(); ++it)
            next.insert(it.key(), QJsonArray::fromStringList(it.value()));
        workflows.append(
            QJsonObject {{QStringLiteral("name"), w.name},
                         {QStringLiteral("modules"), QJsonArray::fromStringList(w.modules)},
                         {QStringLiteral("next"), next}});
    }
    return {{QStringLiteral("edges"), edges},
            {QStringLiteral("critical_path"), QJsonArray::fromStringList(criticalPath())},
            {QStringLiteral("workflows"), workflows}};
}

DependencyGraph DependencyGraph::fromJson(const QJsonObject &json)
{
    const auto strings = [](const QJsonValue &v) {
        QStringList out;
        for (const auto &s : v.toArray())
            out << s.toString();
        return out;
    };
    DependencyGraph graph;
    graph.m_edges.clear();
    for (const auto &v : json.value(QLatin1String("edges")).toArray()) {
        const QJsonObject e = v.toObject();
        graph.m_edges.append({e.value(QLatin1String("from")).toString(),
                              e.value(QLatin1String("to")).toString(),
                              strings(e.value(QLatin1String("workflows"))),
                              e.value(QLatin1String("declared")).toBool(),
                              e.value(QLatin1String("critical")).toBool()});
    }
    for (const auto &v : json.value(QLatin1String("workflows")).toArray()) {
        const QJsonObject w = v.toObject();
        WorkflowRef ref {w.value(QLatin1String("name")).toString(),
                         strings(w.value(QLatin1String("modules"))),
                         {}};
        const QJsonObject next = w.value(QLatin1String("next")).toObject();
        for (auto it = next.begin(); it != next.end(); ++it)
            ref.next.insert(it.key(), strings(it.value()));
        graph.m_workflows.append(ref);
    }
    return graph;
}

QJsonObject DependencyGraph::toJson(const BlastRadius &radius)
{
    return {{QStringLiteral("module"), radius.module},
            {QStringLiteral("workflows"), QJsonArray::fromStringList(radius.workflows)},
            {QStringLiteral("downstream"), QJsonArray::fromStringList(radius.downstream)},
            {QStringLiteral("journey_blocked"), radius.journeyBlocked}};
}

} // namespace Switchboard
