#include "engine/executionrun.h"

#include "engine/executionjson.h"

namespace Switchboard {

using namespace ExecutionJson;

void ExecutionRun::record(qint64 nowMs, const QString &type, const QString &node, int attempt,
                          const QJsonObject &data)
{
    QJsonObject e {{QStringLiteral("seq"), ++seq},
                   {QStringLiteral("ts"), double(nowMs)},
                   {QStringLiteral("type"), type}};
    if (!node.isEmpty())
        e.insert(QStringLiteral("node"), node);
    if (attempt > 0)
        e.insert(QStringLiteral("attempt"), attempt);
    QJsonObject details = data;
    if (type == QLatin1String("step_started")
        || type == QLatin1String("compensation_step_started")) {
        // Each attempt is a span of the execution's trace: the same id goes into the history
        // and, as X-Parent-Span-ID and traceparent, to the module.
        const QString span = QString::fromLatin1(randomHex(8));
        details.insert(QStringLiteral("span_id"), span);
        QJsonObject inflight = map("inflight");
        QJsonObject entry = inflight.value(node).toObject();
        entry.insert(QStringLiteral("span"), span);
        inflight.insert(node, entry);
        setMap("inflight", inflight);
    }
    if (!details.isEmpty())
        e.insert(QStringLiteral("data"), details);
    events.append(e);
}

void ExecutionRun::follow(const QString &nodeId, const QString &port)
{
    QJsonArray ready = list("ready");
    for (const WorkflowEdge &e : def.outgoing(nodeId)) {
        if (e.port == port)
            ready.append(e.to);
    }
    setList("ready", ready);
}

QJsonObject ExecutionRun::scope(const QJsonObject &event) const
{
    return {{QStringLiteral("input"), input},
            {QStringLiteral("steps"), map("steps")},
            {QStringLiteral("vars"), map("vars")},
            {QStringLiteral("event"), event},
            {QStringLiteral("env"),
             QJsonObject {{QStringLiteral("execution_id"), id},
                          {QStringLiteral("workflow_id"), workflowId}}}};
}

} // namespace Switchboard
