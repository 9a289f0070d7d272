#include "workflow/n8n/n8nworkflowbuilder.h"

#include "workflow/n8n/n8nexpressions.h"
#include "workflow/n8n/n8nsteps.h"

namespace Switchboard {

namespace {

const QString Start = QStringLiteral("start");

QJsonObject positionOf(const N8nNode &n)
{
    const QJsonArray at = n.raw.value(QLatin1String("position")).toArray();
    if (at.size() != 2)
        return {};
    return {{QStringLiteral("x"), at.at(0).toDouble()}, {QStringLiteral("y"), at.at(1).toDouble()}};
}

// The ports a step has that must lead somewhere: a condition's every branch, "out" for the
// rest. A module call's "error" may stay open: a call that fails for good fails the run, as in
// n8n.
QStringList portsToClose(const QJsonObject &step)
{
    const QString type = step.value(QLatin1String("type")).toString();
    if (type == QLatin1String("end"))
        return {};
    if (type != QLatin1String("condition"))
        return {QStringLiteral("out")};
    QStringList ports;
    for (const auto &c : step.value(QLatin1String("cases")).toArray())
        ports << c.toObject().value(QLatin1String("label")).toString();
    ports << step.value(QLatin1String("default")).toString();
    return ports;
}

// What a placeholder step keeps of the n8n node it stands in for.
QJsonObject placeholder(const N8nNode &node, const QString &why)
{
    return {{QStringLiteral("n8n_name"), node.name},
            {QStringLiteral("n8n_type"), node.type},
            {QStringLiteral("reason"), why}};
}

bool sameRoot(const N8nDataRoot &a, const N8nDataRoot &b)
{
    return a.expression == b.expression && a.webhook == b.webhook && a.fields == b.fields
        && a.fieldsFrom == b.fieldsFrom && a.unavailable == b.unavailable;
}

} // namespace

N8nWorkflowBuilder::N8nWorkflowBuilder(N8nGraph &graph, const N8nNode *triggerNode,
                                       N8nTrigger trigger)
    : m_graph(graph)
    , m_triggerNode(triggerNode)
    , m_trigger(std::move(trigger))
{
    if (m_triggerNode) {
        m_members = graph.reachableFrom(m_triggerNode->name);
        m_members.remove(m_triggerNode->name);
    } else {
        for (const N8nNode &n : graph.nodes())
            m_members.insert(n.name);
    }
}

bool N8nWorkflowBuilder::inWorkflow(const QString &name) const
{
    return m_members.contains(name) || (m_triggerNode && name == m_triggerNode->name);
}

N8nStep N8nWorkflowBuilder::stepOf(const QString &name)
{
    if (const auto it = m_steps.constFind(name); it != m_steps.cend())
        return *it;
    if (m_inProgress.contains(name))
        return N8nStep::refuse(QStringLiteral("reads its own data through a loop"));
    m_inProgress.insert(name);
    const N8nNode &node = *m_graph.node(name);
    const N8nExpressions x(itemArriving(name), [this](const QString &other) {
        if (inWorkflow(other))
            return itemAfter(other);
        return N8nDataRoot::none(
            QStringLiteral("\"%1\" is not on the path of this workflow's trigger").arg(other));
    });
    N8nStep step = N8nSteps::map(node, m_graph.idOf(name), x);
    if (step.refused.isEmpty() && node.kind() == QLatin1String("respondToWebhook")
        && m_graph.hasSuccessors(name))
        step = N8nStep::refuse(QStringLiteral("steps follow the answer; a Switchboard webhook "
                                              "answers when the run ends"));
    m_inProgress.remove(name);
    m_steps.insert(name, step);
    return step;
}

N8nDataRoot N8nWorkflowBuilder::itemAfter(const QString &name)
{
    if (m_triggerNode && name == m_triggerNode->name)
        return m_trigger.item;
    if (const auto it = m_items.constFind(name); it != m_items.cend())
        return it->value_or(N8nDataRoot::none(
            QStringLiteral("the data of \"%1\" is read through a loop").arg(name)));
    m_items.insert(name, std::nullopt);
    const N8nStep step = stepOf(name);
    N8nDataRoot root;
    if (!step.refused.isEmpty()) {
        // The step that replaces the placeholder keeps its id; what follows reads its output.
        root = N8nDataRoot::at(QStringLiteral("steps.%1.output").arg(m_graph.idOf(name)));
    } else {
        switch (step.item.kind) {
        case N8nItem::Own:
            root = N8nDataRoot::at(step.item.expression);
            break;
        case N8nItem::PassThrough:
            root = itemArriving(name);
            break;
        case N8nItem::FromInput:
            root = itemArriving(name, step.item.input);
            break;
        case N8nItem::Extends:
            root =
                N8nDataRoot::extending(itemArriving(name), step.item.fields, step.item.expression);
            break;
        case N8nItem::None:
            root = N8nDataRoot::none(step.item.why);
            break;
        }
    }
    m_items.insert(name, root);
    return root;
}

N8nDataRoot N8nWorkflowBuilder::itemArriving(const QString &name, int input)
{
    QList<N8nDataRoot> roots;
    QStringList from;
    for (const N8nGraph::Link &l : m_graph.inputs(name)) {
        if (!inWorkflow(l.node) || (input >= 0 && l.input != input) || from.contains(l.node))
            continue;
        from << l.node;
        roots << itemAfter(l.node);
    }
    if (roots.isEmpty())
        return m_triggerNode ? N8nDataRoot::none(QStringLiteral("nothing arrives there"))
                             : N8nDataRoot::at(QStringLiteral("input"));
    for (const N8nDataRoot &r : std::as_const(roots)) {
        if (!sameRoot(r, roots.first()))
            return N8nDataRoot::none(QStringLiteral("items arrive from several steps (%1); name "
                                                    "the one meant, as $('Step').item.json")
                                         .arg(from.join(QStringLiteral(", "))));
    }
    return roots.first();
}

QSet<QString> N8nWorkflowBuilder::ancestors(const QString &name) const
{
    QSet<QString> seen {name};
    QList<QString> queue {name};
    while (!queue.isEmpty()) {
        for (const N8nGraph::Link &l : m_graph.inputs(queue.takeFirst())) {
            if (inWorkflow(l.node) && !seen.contains(l.node)) {
                seen.insert(l.node);
                queue.append(l.node);
            }
        }
    }
    return seen;
}

QString N8nWorkflowBuilder::joinMode(const QString &name)
{
    QList<N8nGraph::Link> links;
    for (const N8nGraph::Link &l : m_graph.inputs(name)) {
        if (inWorkflow(l.node))
            links << l;
    }
    if (links.size() < 2)
        return QStringLiteral("all");
    // The nearest step every branch comes from: the common ancestor no other one comes after.
    QSet<QString> common = ancestors(links.first().node);
    for (const N8nGraph::Link &l : std::as_const(links))
        common &= ancestors(l.node);
    QHash<QString, QSet<QString>> above; // each common ancestor's own ancestors, worked out once
    for (const QString &c : std::as_const(common))
        above.insert(c, ancestors(c));
    QStringList lowest;
    for (const QString &c : std::as_const(common)) {
        const bool below = std::any_of(common.cbegin(), common.cend(), [&](const QString &d) {
            return d != c && above.value(d).contains(c);
        });
        if (!below)
            lowest << c;
    }
    if (lowest.size() != 1 || lowest.first() == (m_triggerNode ? m_triggerNode->name : QString()))
        return QStringLiteral("all");
    const QString split = lowest.first();
    if (stepOf(split).step.value(QLatin1String("type")).toString() != QLatin1String("condition"))
        return QStringLiteral("all"); // branches that run side by side
    // Branches of one condition: only one runs, so the join goes on with the first to come.
    QList<QSet<int>> via;
    const auto outs = m_graph.outputs(split);
    for (const N8nGraph::Link &l : std::as_const(links)) {
        QSet<int> outputs;
        for (int o = 0; o < outs.size(); ++o) {
            for (const N8nGraph::Link &t : outs.at(o)) {
                if (m_graph.reachableFrom(t.node).contains(l.node))
                    outputs.insert(o);
            }
        }
        if (l.node == split)
            outputs = {l.output};
        for (const QSet<int> &other : std::as_const(via)) {
            if (other.intersects(outputs))
                return QStringLiteral("all");
        }
        via << outputs;
    }
    return QStringLiteral("any");
}

void N8nWorkflowBuilder::edge(const QString &from, const QString &port, const QString &to)
{
    QJsonObject e {{QStringLiteral("from"), from}, {QStringLiteral("to"), to}};
    if (port != QLatin1String("out"))
        e.insert(QStringLiteral("port"), port);
    m_edges.append(e);
    m_usedPorts.insert(from + QLatin1Char('/') + port);
}

void N8nWorkflowBuilder::addEdges(const QString &from, const QString &fromName,
                                  const QList<QList<N8nGraph::Link>> &outputs,
                                  const QList<QStringList> &ports)
{
    for (int i = 0; i < outputs.size(); ++i) {
        QStringList targets;
        for (const N8nGraph::Link &l : outputs.at(i)) {
            if (m_members.contains(l.node) && !targets.contains(m_graph.idOf(l.node)))
                targets << m_graph.idOf(l.node);
        }
        if (targets.isEmpty())
            continue;
        if (i >= ports.size()) {
            m_unmapped << QStringLiteral("\"%1\": its output %2 has no Switchboard port; what it "
                                         "led to is not reached from there")
                              .arg(fromName)
                              .arg(i + 1);
            continue;
        }
        for (const QString &port : ports.at(i)) {
            if (targets.size() == 1) {
                edge(from, port, targets.first());
                continue;
            }
            // n8n runs every connection of one output: a parallel step does the same.
            const QString fan = m_graph.freshId(from + QStringLiteral("_all"));
            m_nodes.append(QJsonObject {
                {QStringLiteral("id"), fan},
                {QStringLiteral("type"), QStringLiteral("parallel")},
                {QStringLiteral("name"), QStringLiteral("%1: every connection").arg(fromName)}});
            edge(from, port, fan);
            for (const QString &to : std::as_const(targets))
                edge(fan, QStringLiteral("out"), to);
        }
    }
}

QJsonObject N8nWorkflowBuilder::build(const QString &id, const QString &name)
{
    // The trigger step.
    QJsonObject start {{QStringLiteral("id"), Start},
                       {QStringLiteral("type"), QStringLiteral("trigger")}};
    if (m_triggerNode) {
        start.insert(QStringLiteral("name"), m_trigger.name);
        if (const QJsonObject at = positionOf(*m_triggerNode); !at.isEmpty())
            start.insert(QStringLiteral("position"), at);
        if (m_trigger.refused.isEmpty()) {
            m_mapped << QStringLiteral("%1 → start (%2)").arg(m_trigger.name, m_trigger.described);
        } else {
            start.insert(QStringLiteral("placeholder"),
                         placeholder(*m_triggerNode, m_trigger.refused));
            m_unmapped << QStringLiteral("%1: %2; the trigger is a placeholder to replace")
                              .arg(m_triggerNode->label(), m_trigger.refused);
        }
    } else {
        start.insert(QStringLiteral("name"), QStringLiteral("Manual start"));
        m_mapped << QStringLiteral("(no trigger) → start (manual start added)");
    }
    m_nodes.append(start);
    // Every step this trigger reaches, in the export's order. Its item is worked out first, so
    // that a later step reading it back (through a loop) finds it in progress, not a new start.
    for (const N8nNode &node : m_graph.nodes()) {
        if (!m_members.contains(node.name))
            continue;
        itemAfter(node.name);
        const N8nStep s = stepOf(node.name);
        const QString sid = m_graph.idOf(node.name);
        QJsonObject step = s.refused.isEmpty()
            ? s.step
            : QJsonObject {{QStringLiteral("type"), QStringLiteral("set")},
                           {QStringLiteral("values"), QJsonObject {}},
                           {QStringLiteral("placeholder"), placeholder(node, s.refused)}};
        step.insert(QStringLiteral("id"), sid);
        step.insert(QStringLiteral("name"), node.name);
        if (const QJsonObject at = positionOf(node); !at.isEmpty())
            step.insert(QStringLiteral("position"), at);
        if (s.refused.isEmpty() && node.kind() == QLatin1String("merge"))
            step.insert(QStringLiteral("mode"), joinMode(node.name));
        if (s.refused.isEmpty()) {
            QString line = QStringLiteral("%1 → %2 (%3)").arg(node.name, sid, s.described);
            if (!s.notes.isEmpty())
                line += QStringLiteral(": ") + s.notes.join(QStringLiteral("; "));
            m_mapped << line;
        } else {
            m_unmapped << QStringLiteral("%1: %2; kept as placeholder step %3")
                              .arg(node.label(), s.refused, sid);
        }
        m_nodes.append(step);
    }
    // Edges.
    if (m_triggerNode) {
        addEdges(Start, m_trigger.name, m_graph.outputs(m_triggerNode->name),
                 QList<QStringList>(m_graph.outputs(m_triggerNode->name).size(),
                                    QStringList {QStringLiteral("out")}));
    } else {
        QList<N8nGraph::Link> roots;
        for (const N8nNode &node : m_graph.nodes()) {
            if (m_graph.inputs(node.name).isEmpty())
                roots.append({node.name, 0, 0});
        }
        addEdges(Start, QStringLiteral("start"), {roots}, {{QStringLiteral("out")}});
    }
    for (const N8nNode &node : m_graph.nodes()) {
        if (!m_members.contains(node.name))
            continue;
        const N8nStep s = stepOf(node.name);
        const auto outputs = m_graph.outputs(node.name);
        addEdges(m_graph.idOf(node.name), node.name, outputs,
                 s.refused.isEmpty()
                     ? s.outputs
                     : QList<QStringList>(outputs.size(), QStringList {QStringLiteral("out")}));
    }
    // Every open output ends the run, as it does in n8n; a Switch value with no output fails.
    bool ended = false;
    bool failed = false;
    const QJsonArray placed = m_nodes;
    for (const QJsonValue &v : placed) {
        const QString sid = v.toObject().value(QLatin1String("id")).toString();
        for (const QString &port : portsToClose(v.toObject())) {
            if (m_usedPorts.contains(sid + QLatin1Char('/') + port))
                continue;
            const bool fails = port == QLatin1String("out_of_range");
            edge(sid, port, fails ? QStringLiteral("end_failed") : QStringLiteral("end"));
            (fails ? failed : ended) = true;
        }
    }
    if (ended)
        m_nodes.append(QJsonObject {{QStringLiteral("id"), QStringLiteral("end")},
                                    {QStringLiteral("type"), QStringLiteral("end")},
                                    {QStringLiteral("status"), QStringLiteral("completed")}});
    if (failed)
        m_nodes.append(
            QJsonObject {{QStringLiteral("id"), QStringLiteral("end_failed")},
                         {QStringLiteral("type"), QStringLiteral("end")},
                         {QStringLiteral("status"), QStringLiteral("failed")},
                         {QStringLiteral("error"),
                          QStringLiteral("the Switch gave an output that does not exist")}});
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), QStringLiteral("Imported from n8n.")},
            {QStringLiteral("trigger"), m_trigger.trigger},
            {QStringLiteral("nodes"), m_nodes},
            {QStringLiteral("edges"), m_edges}};
}

} // namespace Switchboard
