#include "workflow/workflow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace Switchboard {

namespace {
const char *const TypeNames[] = {"trigger", "module_call",    "condition",    "parallel", "join",
                                 "delay",   "wait_for_event", "human_review", "notify",   "set",
                                 "end",     "run_workflow"};
}

qint64 durationMs(const QString &text)
{
    // At most 12 digits, so that the product below cannot overflow before the bound is checked.
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,12})(ms|s|m|h|d)$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return -1;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    const qint64 factor = unit == QLatin1String("ms") ? 1
        : unit == QLatin1String("s")                  ? 1000
        : unit == QLatin1String("m")                  ? 60000
        : unit == QLatin1String("h")                  ? 3600000
                                                      : 86400000;
    const qint64 ms = n * factor;
    return ms <= MaxDurationMs ? ms : -1;
}

QString toWire(NodeType type)
{
    return QString::fromLatin1(TypeNames[int(type)]);
}

std::optional<NodeType> nodeTypeFromWire(const QString &text)
{
    for (int i = 0; i < int(std::size(TypeNames)); ++i) {
        if (text == QLatin1String(TypeNames[i]))
            return NodeType(i);
    }
    return std::nullopt;
}

QStringList WorkflowNode::ports() const
{
    switch (type) {
    case NodeType::ModuleCall:
    case NodeType::RunWorkflow:
        return {QStringLiteral("out"), QStringLiteral("error")};
    case NodeType::Condition: {
        QStringList labels;
        for (const auto &c : settings.value(QLatin1String("cases")).toArray())
            labels << c.toObject().value(QLatin1String("label")).toString();
        labels << settings.value(QLatin1String("default")).toString(QStringLiteral("default"));
        return labels;
    }
    case NodeType::WaitForEvent:
        return {QStringLiteral("event"), QStringLiteral("timeout")};
    case NodeType::HumanReview: {
        QStringList outcomes;
        for (const auto &o : settings.value(QLatin1String("outcomes")).toArray())
            outcomes << o.toString();
        return outcomes;
    }
    case NodeType::End:
        return {};
    default:
        return {QStringLiteral("out")};
    }
}

Result<Workflow> Workflow::fromJson(const QJsonObject &json)
{
    Workflow w;
    w.id = json.value(QLatin1String("id")).toString();
    w.name = json.value(QLatin1String("name")).toString();
    w.description = json.value(QLatin1String("description")).toString();
    w.version = json.value(QLatin1String("version")).toInt(0);
    w.enabled = json.value(QLatin1String("enabled")).toBool(true);
    w.trigger = json.value(QLatin1String("trigger")).toObject();
    const QJsonArray nodes = json.value(QLatin1String("nodes")).toArray();
    for (int i = 0; i < nodes.size(); ++i) {
        const QJsonObject n = nodes.at(i).toObject();
        const auto type = nodeTypeFromWire(n.value(QLatin1String("type")).toString());
        if (!type)
            return makeError(QStringLiteral("unknown node type \"%1\"")
                                 .arg(n.value(QLatin1String("type")).toString()),
                             QStringLiteral("nodes[%1].type").arg(i));
        WorkflowNode node {n.value(QLatin1String("id")).toString(), *type, n};
        node.readsSteps = QJsonDocument(n).toJson(QJsonDocument::Compact).contains("steps");
        w.nodes.append(node);
    }
    for (const auto &e : json.value(QLatin1String("edges")).toArray()) {
        const QJsonObject o = e.toObject();
        w.edges.append({o.value(QLatin1String("from")).toString(),
                        o.value(QLatin1String("to")).toString(),
                        o.value(QLatin1String("port")).toString(QStringLiteral("out"))});
    }
    const QJsonObject correlation = json.value(QLatin1String("correlation")).toObject();
    for (auto it = correlation.begin(); it != correlation.end(); ++it) {
        const QString path = it.value().toString();
        if (!path.startsWith(QLatin1String("input.")))
            return makeError(QStringLiteral("a correlation key is read from the input, as "
                                            "\"input.<field>\"; \"%1\" is not")
                                 .arg(path),
                             QStringLiteral("correlation.%1").arg(it.key()));
        w.correlation.append({it.key(), path.mid(6).split(QLatin1Char('.'))});
    }
    w.buildIndex();
    return w;
}

QString CorrelationKey::valueIn(const QJsonObject &input) const
{
    QJsonValue v = input;
    for (const QString &member : path)
        v = v.toObject().value(member);
    if (v.isString())
        return v.toString().left(200);
    if (v.isDouble() && v.toDouble() == double(qint64(v.toDouble())))
        return QString::number(qint64(v.toDouble()));
    return {};
}

QJsonObject Workflow::toJson() const
{
    QJsonArray nodeArray;
    for (const WorkflowNode &n : nodes)
        nodeArray.append(n.settings);
    QJsonArray edgeArray;
    for (const WorkflowEdge &e : edges) {
        QJsonObject o {{QStringLiteral("from"), e.from}, {QStringLiteral("to"), e.to}};
        if (e.port != QLatin1String("out"))
            o[QStringLiteral("port")] = e.port;
        edgeArray.append(o);
    }
    QJsonObject json {{QStringLiteral("id"), id},
                      {QStringLiteral("name"), name},
                      {QStringLiteral("trigger"), trigger},
                      {QStringLiteral("nodes"), nodeArray},
                      {QStringLiteral("edges"), edgeArray}};
    if (!description.isEmpty())
        json[QStringLiteral("description")] = description;
    if (!correlation.isEmpty()) {
        QJsonObject keys;
        for (const CorrelationKey &k : correlation)
            keys.insert(k.key, QStringLiteral("input.") + k.path.join(QLatin1Char('.')));
        json[QStringLiteral("correlation")] = keys;
    }
    if (version > 0)
        json[QStringLiteral("version")] = version;
    if (!enabled)
        json[QStringLiteral("enabled")] = false;
    return json;
}

void Workflow::buildIndex()
{
    m_nodeIndex.clear();
    m_outgoing.clear();
    m_incoming.clear();
    for (qsizetype i = nodes.size() - 1; i >= 0; --i)
        m_nodeIndex.insert(nodes.at(i).id, i); // the first of duplicates wins, as in a scan
    for (qsizetype i = 0; i < edges.size(); ++i) {
        m_outgoing[edges.at(i).from].append(i);
        m_incoming[edges.at(i).to].append(i);
    }
    m_indexed = true;
}

const WorkflowNode *Workflow::node(const QString &nodeId) const
{
    if (m_indexed) {
        const auto it = m_nodeIndex.constFind(nodeId);
        return it == m_nodeIndex.constEnd() ? nullptr : &nodes.at(*it);
    }
    for (const WorkflowNode &n : nodes) { // built by hand, without the index
        if (n.id == nodeId)
            return &n;
    }
    return nullptr;
}

QList<WorkflowEdge> Workflow::outgoing(const QString &nodeId) const
{
    QList<WorkflowEdge> out;
    if (m_indexed) {
        for (qsizetype i : m_outgoing.value(nodeId))
            out.append(edges.at(i));
        return out;
    }
    for (const WorkflowEdge &e : edges) {
        if (e.from == nodeId)
            out.append(e);
    }
    return out;
}

QList<WorkflowEdge> Workflow::incoming(const QString &nodeId) const
{
    QList<WorkflowEdge> in;
    if (m_indexed) {
        for (qsizetype i : m_incoming.value(nodeId))
            in.append(edges.at(i));
        return in;
    }
    for (const WorkflowEdge &e : edges) {
        if (e.to == nodeId)
            in.append(e);
    }
    return in;
}

const WorkflowNode *Workflow::triggerNode() const
{
    for (const WorkflowNode &n : nodes) {
        if (n.type == NodeType::Trigger)
            return &n;
    }
    return nullptr;
}

} // namespace Switchboard
