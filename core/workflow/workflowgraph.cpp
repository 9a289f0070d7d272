#include "workflow/workflowgraph.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Switchboard {

namespace {

WorkflowNode asNode(const QJsonObject &json)
{
    WorkflowNode n;
    n.id = json.value(QLatin1String("id")).toString();
    n.type = nodeTypeFromWire(json.value(QLatin1String("type")).toString()).value_or(NodeType::Set);
    n.settings = json;
    return n;
}

// Every string inside a JSON value with "steps.<from>." (or ".<from>]") read as the new id.
QJsonValue renamedReferences(const QJsonValue &value, const QRegularExpression &pattern,
                             const QString &to)
{
    if (value.isString()) {
        QString text = value.toString();
        text.replace(pattern, QStringLiteral("steps.") + to + QStringLiteral("\\1"));
        return text;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const auto &v : value.toArray())
            out.append(renamedReferences(v, pattern, to));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), renamedReferences(it.value(), pattern, to));
        return out;
    }
    return value;
}

} // namespace

WorkflowGraph::WorkflowGraph(QObject *parent)
    : QObject(parent)
{
}

Status WorkflowGraph::load(const QJsonObject &document)
{
    if (!document.value(QLatin1String("nodes")).isArray())
        return makeError(QStringLiteral("the document has no \"nodes\" list"),
                         QStringLiteral("nodes"));
    if (!document.value(QLatin1String("edges")).isArray())
        return makeError(QStringLiteral("the document has no \"edges\" list"),
                         QStringLiteral("edges"));
    QStringList order;
    QHash<QString, QJsonObject> nodes;
    const QJsonArray list = document.value(QLatin1String("nodes")).toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject n = list.at(i).toObject();
        const QString id = n.value(QLatin1String("id")).toString();
        if (id.isEmpty())
            return makeError(QStringLiteral("node %1 has no id").arg(i + 1),
                             QStringLiteral("nodes[%1].id").arg(i));
        if (nodes.contains(id))
            return makeError(QStringLiteral("two nodes have the id \"%1\"").arg(id), id);
        order << id;
        nodes.insert(id, n);
    }
    QList<WorkflowEdge> edges;
    for (const auto &v : document.value(QLatin1String("edges")).toArray()) {
        const QJsonObject e = v.toObject();
        edges.append({e.value(QLatin1String("from")).toString(),
                      e.value(QLatin1String("to")).toString(),
                      e.value(QLatin1String("port")).toString(QStringLiteral("out"))});
    }
    m_metadata = document;
    m_metadata.remove(QStringLiteral("nodes"));
    m_metadata.remove(QStringLiteral("edges"));
    m_order = order;
    m_nodes = nodes;
    m_edges = edges;
    Q_EMIT reset();
    Q_EMIT changed();
    return Ok {};
}

QJsonObject WorkflowGraph::toJson() const
{
    QJsonObject doc = m_metadata;
    QJsonArray nodes;
    for (const QString &id : m_order)
        nodes.append(m_nodes.value(id));
    QJsonArray edges;
    for (const WorkflowEdge &e : m_edges) {
        QJsonObject o {{QStringLiteral("from"), e.from}, {QStringLiteral("to"), e.to}};
        if (e.port != QLatin1String("out"))
            o.insert(QStringLiteral("port"), e.port);
        edges.append(o);
    }
    doc.insert(QStringLiteral("nodes"), nodes);
    doc.insert(QStringLiteral("edges"), edges);
    return doc;
}

void WorkflowGraph::setMetadata(const QJsonObject &metadata)
{
    QJsonObject next = metadata;
    next.remove(QStringLiteral("nodes"));
    next.remove(QStringLiteral("edges"));
    if (next == m_metadata)
        return;
    m_metadata = next;
    Q_EMIT metadataChanged();
    Q_EMIT changed();
}

QString WorkflowGraph::nodeType(const QString &id) const
{
    return m_nodes.value(id).value(QLatin1String("type")).toString();
}

QPointF WorkflowGraph::position(const QString &id) const
{
    const QJsonObject p = m_nodes.value(id).value(QLatin1String("position")).toObject();
    return {p.value(QLatin1String("x")).toDouble(), p.value(QLatin1String("y")).toDouble()};
}

QStringList WorkflowGraph::ports(const QString &id) const
{
    if (!m_nodes.contains(id))
        return {};
    return asNode(m_nodes.value(id)).ports();
}

QString WorkflowGraph::freshId(const QString &type) const
{
    // Ids are lower-case letters, digits and "_": the type's name is one already.
    QString base = type.isEmpty() ? QStringLiteral("step") : type;
    if (!m_nodes.contains(base))
        return base;
    for (int n = 2;; ++n) {
        QString id = QStringLiteral("%1_%2").arg(base).arg(n);
        if (!m_nodes.contains(id))
            return id;
    }
}

Status WorkflowGraph::insertNode(const QJsonObject &node, int index)
{
    const QString id = node.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        return makeError(QStringLiteral("a node needs an id"), QStringLiteral("id"));
    if (m_nodes.contains(id))
        return makeError(QStringLiteral("a node with the id \"%1\" is already there").arg(id),
                         QStringLiteral("id"));
    if (!nodeTypeFromWire(node.value(QLatin1String("type")).toString()))
        return makeError(QStringLiteral("\"%1\" is not a node type")
                             .arg(node.value(QLatin1String("type")).toString()),
                         QStringLiteral("type"));
    m_nodes.insert(id, node);
    m_order.insert(index < 0 || index > m_order.size() ? m_order.size() : index, id);
    Q_EMIT nodeAdded(id);
    Q_EMIT changed();
    return Ok {};
}

void WorkflowGraph::removeNode(const QString &id)
{
    if (!m_nodes.contains(id))
        return;
    for (const WorkflowEdge &e : edgesOf(id))
        removeEdge(e);
    m_nodes.remove(id);
    m_order.removeAll(id);
    Q_EMIT nodeRemoved(id);
    Q_EMIT changed();
}

void WorkflowGraph::setNode(const QString &id, const QJsonObject &node)
{
    if (!m_nodes.contains(id) || m_nodes.value(id) == node)
        return;
    QJsonObject next = node;
    next.insert(QStringLiteral("id"), id);
    m_nodes.insert(id, next);
    // A port that went away (a renamed case, a removed outcome) takes its edges with it.
    const QStringList ports = this->ports(id);
    for (const WorkflowEdge &e : edgesOf(id)) {
        if (e.from == id && !ports.contains(e.port))
            removeEdge(e);
    }
    Q_EMIT nodeChanged(id);
    Q_EMIT changed();
}

void WorkflowGraph::moveNode(const QString &id, const QPointF &position)
{
    if (!m_nodes.contains(id) || this->position(id) == position)
        return;
    QJsonObject n = m_nodes.value(id);
    n.insert(QStringLiteral("position"),
             QJsonObject {{QStringLiteral("x"), qRound(position.x())},
                          {QStringLiteral("y"), qRound(position.y())}});
    m_nodes.insert(id, n);
    Q_EMIT nodeMoved(id);
    Q_EMIT changed();
}

Status WorkflowGraph::renameNode(const QString &id, const QString &newId)
{
    if (!m_nodes.contains(id))
        return notFound(QStringLiteral("no step has the id \"%1\"").arg(id), QStringLiteral("id"));
    if (newId == id)
        return Ok {};
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!valid.match(newId).hasMatch())
        return makeError(
            QStringLiteral("an id is lower-case letters, digits and _, starting with a "
                           "letter"),
            QStringLiteral("id"));
    if (m_nodes.contains(newId))
        return makeError(QStringLiteral("another step is already called \"%1\"").arg(newId),
                         QStringLiteral("id"));
    const QRegularExpression reference(
        QStringLiteral("steps\\.%1(\\b)").arg(QRegularExpression::escape(id)));
    QHash<QString, QJsonObject> nodes;
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it) {
        QJsonObject n = renamedReferences(it.value(), reference, newId).toObject();
        const QString key = it.key() == id ? newId : it.key();
        n.insert(QStringLiteral("id"), key);
        nodes.insert(key, n);
    }
    m_nodes = nodes;
    m_order[m_order.indexOf(id)] = newId;
    for (WorkflowEdge &e : m_edges) {
        if (e.from == id)
            e.from = newId;
        if (e.to == id)
            e.to = newId;
    }
    Q_EMIT reset();
    Q_EMIT changed();
    return Ok {};
}

QList<WorkflowEdge> WorkflowGraph::edgesOf(const QString &id) const
{
    QList<WorkflowEdge> out;
    for (const WorkflowEdge &e : m_edges) {
        if (e.from == id || e.to == id)
            out.append(e);
    }
    return out;
}

Status WorkflowGraph::canConnect(const WorkflowEdge &edge) const
{
    if (!m_nodes.contains(edge.from) || !m_nodes.contains(edge.to))
        return makeError(QStringLiteral("both ends must be steps of this workflow"));
    if (edge.from == edge.to)
        return makeError(QStringLiteral("a step cannot lead to itself"));
    if (nodeType(edge.to) == QLatin1String("trigger"))
        return makeError(
            QStringLiteral("nothing leads into the trigger: it is where a run starts"));
    if (nodeType(edge.from) == QLatin1String("end"))
        return makeError(QStringLiteral("an end step has no way out"));
    if (!ports(edge.from).contains(edge.port))
        return makeError(QStringLiteral("\"%1\" has no output \"%2\"").arg(edge.from, edge.port));
    if (m_edges.contains(edge))
        return makeError(QStringLiteral("these two steps are already connected that way"));
    // One path per output, except where the step is meant to fan out.
    if (nodeType(edge.from) != QLatin1String("parallel")) {
        for (const WorkflowEdge &e : m_edges) {
            if (e.from == edge.from && e.port == edge.port)
                return makeError(
                    QStringLiteral("the output \"%1\" of \"%2\" already leads to \"%3\"; use a "
                                   "parallel step to do several things at once")
                        .arg(edge.port, edge.from, e.to));
        }
    }
    return Ok {};
}

Status WorkflowGraph::addEdge(const WorkflowEdge &edge)
{
    if (Status ok = canConnect(edge); !ok)
        return ok;
    m_edges.append(edge);
    Q_EMIT edgeAdded(edge);
    Q_EMIT changed();
    return Ok {};
}

void WorkflowGraph::removeEdge(const WorkflowEdge &edge)
{
    if (!m_edges.removeOne(edge))
        return;
    Q_EMIT edgeRemoved(edge);
    Q_EMIT changed();
}

QHash<QString, QPointF> WorkflowGraph::layeredPositions() const
{
    QHash<QString, int> depth;
    QString start;
    for (const QString &id : m_order) {
        if (nodeType(id) == QLatin1String("trigger"))
            start = id;
    }
    QList<QString> queue;
    if (!start.isEmpty()) {
        depth.insert(start, 0);
        queue.append(start);
    }
    while (!queue.isEmpty()) {
        const QString id = queue.takeFirst();
        for (const WorkflowEdge &e : m_edges) {
            if (e.from == id && !depth.contains(e.to)) {
                depth.insert(e.to, depth.value(id) + 1);
                queue.append(e.to);
            }
        }
    }
    int deepest = 0;
    for (int d : std::as_const(depth))
        deepest = std::max(deepest, d);
    // Room for the builder's cards: 240 wide, and taller by 20 for each output port.
    QHash<int, double> nextY;
    QHash<QString, QPointF> positions;
    for (const QString &id : m_order) {
        const int d = depth.value(id, deepest + 1);
        double &y = nextY[d];
        positions.insert(id, QPointF(d * 310.0, y));
        y += 100.0 + 20.0 * double(std::max<qsizetype>(1, ports(id).size()));
    }
    return positions;
}

QJsonObject WorkflowGraph::fragment(const QStringList &ids) const
{
    QJsonArray nodes;
    for (const QString &id : ids)
        nodes.append(node(id));
    QJsonArray edges;
    for (const WorkflowEdge &e : m_edges) {
        if (ids.contains(e.from) && ids.contains(e.to))
            edges.append(QJsonObject {{QStringLiteral("from"), e.from},
                                      {QStringLiteral("to"), e.to},
                                      {QStringLiteral("port"), e.port}});
    }
    return {{QStringLiteral("nodes"), nodes}, {QStringLiteral("edges"), edges}};
}

QStringList WorkflowGraph::insertFragment(const QJsonObject &fragment, const QPointF &offset)
{
    QHash<QString, QString> renamed;
    QStringList added;
    for (const QJsonValue v : fragment.value(QLatin1String("nodes")).toArray()) {
        QJsonObject step = v.toObject();
        if (step.value(QLatin1String("type")).toString() == QLatin1String("trigger"))
            continue;
        const QString old = step.value(QLatin1String("id")).toString();
        const QString id = freshId(old);
        step.insert(QStringLiteral("id"), id);
        const QJsonObject p = step.value(QLatin1String("position")).toObject();
        step.insert(
            QStringLiteral("position"),
            QJsonObject {{QStringLiteral("x"), p[QLatin1String("x")].toDouble() + offset.x()},
                         {QStringLiteral("y"), p[QLatin1String("y")].toDouble() + offset.y()}});
        if (insertNode(step)) {
            renamed.insert(old, id);
            added << id;
        }
    }
    for (const QJsonValue v : fragment.value(QLatin1String("edges")).toArray()) {
        const QString from = renamed.value(v[QLatin1String("from")].toString());
        const QString to = renamed.value(v[QLatin1String("to")].toString());
        if (!from.isEmpty() && !to.isEmpty())
            (void)addEdge({from, to, v[QLatin1String("port")].toString()});
    }
    return added;
}

bool WorkflowGraph::hasPositions() const
{
    for (const QString &id : m_order) {
        if (m_nodes.value(id).contains(QLatin1String("position")))
            return true;
    }
    return false;
}

} // namespace Switchboard
