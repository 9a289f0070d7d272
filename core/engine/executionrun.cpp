#include "engine/executionrun.h"

#include "engine/executionjson.h"
#include "tracing/tracecontext.h"

namespace Switchboard {

using namespace ExecutionJson;

ExecutionRun *ExecutionRun::create(const Workflow &def, const QJsonObject &input,
                                   const QJsonObject &started, qint64 nowMs)
{
    auto *run = new ExecutionRun;
    // Time first, so new executions (and their history, keyed by execution) are added at the
    // end of the tables' B-trees, not all over them: with random ids a store of 100,000s of
    // executions wrote a random page of each tree per commit. 48 random bits keep ids unique
    // among executions started in the same millisecond.
    run->id = QStringLiteral("ex_%1").arg(nowMs, 12, 16, QLatin1Char('0'))
        + QString::fromLatin1(randomHex(6));
    run->workflowId = def.id;
    run->version = def.version;
    // A request that came with a trace continues it; else a new one starts.
    const TraceContext &incoming = TraceContext::current();
    run->traceId =
        QString::fromLatin1(incoming.traceId.isEmpty() ? randomHex(16) : incoming.traceId);
    run->input = input;
    // The kind only ("event", not "event:lead.created"): the list filters by it. The start
    // event in the history keeps the whole.
    run->origin = started.value(QLatin1String("origin")).toString().section(QLatin1Char(':'), 0, 0);
    run->def = def;
    run->state.ready = {def.triggerNode()->id};
    QJsonObject data = started;
    data.insert(QStringLiteral("version"), run->version);
    // The execution's own span, the parent of its steps' spans, and its trace.
    data.insert(QStringLiteral("trace_id"), run->traceId);
    data.insert(QStringLiteral("workflow_id"), def.id);
    data.insert(QStringLiteral("span_id"), QString::fromLatin1(randomHex(8)));
    if (!incoming.parentSpanId.isEmpty())
        data.insert(QStringLiteral("parent_span_id"), QString::fromLatin1(incoming.parentSpanId));
    if (incoming.hasSampling)
        data.insert(QStringLiteral("trace_sampled"), incoming.sampled);
    if (!incoming.correlationId.isEmpty())
        data.insert(QStringLiteral("correlation_id"), incoming.correlationId);
    run->record(nowMs, QStringLiteral("execution_started"), {}, 0, data);
    return run;
}

Result<ExecutionRun *>
ExecutionRun::restore(const QString &id, const ExecutionStore::Stored &stored, const Workflow &def)
{
    auto state = ExecutionState::fromJson(stored.state);
    if (!state)
        return internalError(QStringLiteral("execution \"%1\" is damaged in the database: %2")
                                 .arg(id, state.error().message),
                             state.error().field);
    auto *run = new ExecutionRun;
    run->id = id;
    run->workflowId = stored.workflowId;
    run->version = stored.version;
    run->status = stored.status;
    run->committedStatus = stored.status;
    run->traceId = stored.traceId;
    run->input = stored.input;
    run->state = std::move(state).value();
    run->output = stored.output;
    run->error = stored.error;
    run->seq = stored.lastSeq;
    run->rev = stored.rev;
    run->def = def;
    run->inserted = true;
    run->waited = true;
    return run;
}

void ExecutionRun::record(qint64 nowMs, const QString &type, const QString &node, int attempt,
                          const QJsonObject &data)
{
    HistoryEvent e {++seq, nowMs, type, node, attempt, data};
    if (type == QLatin1String("step_started")
        || type == QLatin1String("compensation_step_started")) {
        // Each attempt is a span of the execution's trace: the same id goes into the history
        // and, as X-Parent-Span-ID and traceparent, to the module.
        const QString span = QString::fromLatin1(randomHex(8));
        e.data.insert(QStringLiteral("span_id"), span);
        state.inflight[node].span = span;
    }
    events.append(std::move(e));
}

void ExecutionRun::queueCall(qint64 nowMs, const QString &node, int attempt, bool compensation,
                             const QJsonObject &details)
{
    state.inflight.insert(node, {attempt, std::max(1, state.visits(node)), compensation, {}});
    record(nowMs,
           compensation ? QStringLiteral("compensation_step_started")
                        : QStringLiteral("step_started"),
           node, attempt, details);
    calls.append({node, compensation});
}

void ExecutionRun::follow(const QString &nodeId, const QString &port)
{
    for (const WorkflowEdge &e : def.outgoing(nodeId)) {
        if (e.port == port)
            state.ready.append(e.to);
    }
}

QJsonObject ExecutionRun::scope(bool steps, const QJsonObject &event) const
{
    return {{QStringLiteral("input"), input},
            {QStringLiteral("steps"), steps ? state.stepsJson() : QJsonObject()},
            {QStringLiteral("vars"), state.vars},
            {QStringLiteral("event"), event},
            {QStringLiteral("env"),
             QJsonObject {{QStringLiteral("execution_id"), id},
                          {QStringLiteral("workflow_id"), workflowId}}}};
}

} // namespace Switchboard
