#include "tracing/spanbuilder.h"

#include <limits>

namespace Switchboard {

namespace {

bool isAttemptStart(const QString &type)
{
    return type == QLatin1String("step_started")
        || type == QLatin1String("compensation_step_started");
}

bool isAttemptEnd(const QString &type)
{
    return type == QLatin1String("step_completed") || type == QLatin1String("step_failed")
        || type == QLatin1String("compensation_completed")
        || type == QLatin1String("compensation_failed");
}

QString text(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

} // namespace

SpanBuilder::SpanBuilder(Lookup lookup, double ratio)
    : m_lookup(std::move(lookup))
    , m_ratio(ratio)
{
}

bool SpanBuilder::sampled(const QByteArray &traceId, double ratio)
{
    if (ratio >= 1.0)
        return true;
    if (ratio <= 0.0 || traceId.size() != 32)
        return false;
    bool ok = false;
    const quint64 low = traceId.right(16).toULongLong(&ok, 16);
    // Compared in long double: ratio × 2^64 does not fit a 64-bit integer at 1.
    return ok
        && static_cast<long double>(low) < static_cast<long double>(ratio)
            * (static_cast<long double>(std::numeric_limits<quint64>::max()) + 1.0L);
}

SpanBuilder::Followed *SpanBuilder::follow(const QString &executionId, const HistoryEvent &event)
{
    auto it = m_executions.find(executionId);
    if (it != m_executions.end())
        return &it.value();
    const bool starting = event.type == QLatin1String("execution_started")
        && event.data.contains(QLatin1String("trace_id"));
    const auto known = starting
        ? std::optional<Execution>(
            Execution {text(event.data, "trace_id").toLatin1(), text(event.data, "workflow_id")})
        : m_lookup ? m_lookup(executionId)
                   : std::nullopt;
    if (!known)
        return nullptr;
    if (m_executions.size() >= MaxExecutions) {
        // Forget the one followed longest (a wait of weeks); its spans end unexported.
        auto oldest = m_executions.begin();
        for (auto e = m_executions.begin(); e != m_executions.end(); ++e) {
            if (e->order < oldest->order)
                oldest = e;
        }
        m_executions.erase(oldest);
    }
    Followed f;
    f.traceId = known->traceId;
    f.workflowId = known->workflowId;
    f.order = ++m_order;
    if (event.type == QLatin1String("execution_started")) {
        f.spanId = text(event.data, "span_id").toLatin1();
        f.parentSpanId = text(event.data, "parent_span_id").toLatin1();
        f.correlationId = text(event.data, "correlation_id");
        f.startMs = event.ts;
        f.sampled = event.data.contains(QLatin1String("trace_sampled"))
            ? event.data.value(QLatin1String("trace_sampled")).toBool()
            : sampled(f.traceId, m_ratio);
    } else {
        f.sampled = sampled(f.traceId, m_ratio); // followed from the middle, after a restart
    }
    return &m_executions.insert(executionId, f).value();
}

QList<Span> SpanBuilder::add(const QString &executionId, const HistoryEvent &event)
{
    QList<Span> out;
    Followed *f = follow(executionId, event);
    if (!f)
        return out;
    if (isAttemptStart(event.type) && event.attempt > 0) {
        if (event.data.contains(QLatin1String("module")))
            f->calls.insert(event.node, {text(event.data, "module"), text(event.data, "action")});
        f->inflight.insert(event.node,
                           {text(event.data, "span_id").toLatin1(), event.ts, event.attempt,
                            event.type.startsWith(QLatin1String("compensation"))});
    } else if (isAttemptEnd(event.type) && event.attempt > 0) {
        const auto a = f->inflight.constFind(event.node);
        if (a != f->inflight.constEnd()) {
            if (f->sampled && !a->spanId.isEmpty())
                out.append(attemptSpan(executionId, *f, event.node, *a, event));
            f->inflight.erase(a);
        }
    } else if (event.type.startsWith(QLatin1String("execution_"))
               && event.type != QLatin1String("execution_started")
               && event.type != QLatin1String("execution_resumed")) {
        // completed, failed or cancelled: the execution's own span ends.
        if (f->sampled && !f->spanId.isEmpty()) {
            Span s;
            s.traceId = f->traceId;
            s.spanId = f->spanId;
            s.parentSpanId = f->parentSpanId;
            s.name = QStringLiteral("execution ") + f->workflowId;
            s.startMs = f->startMs;
            s.endMs = event.ts;
            const QString status = event.type.mid(10);
            s.attributes = {{QStringLiteral("switchboard.execution_id"), executionId},
                            {QStringLiteral("switchboard.workflow_id"), f->workflowId},
                            {QStringLiteral("switchboard.status"), status}};
            if (!f->correlationId.isEmpty())
                s.attributes.insert(QStringLiteral("switchboard.correlation_id"), f->correlationId);
            s.error = status == QLatin1String("failed");
            if (s.error)
                s.statusMessage = QStringLiteral("the execution failed");
            out.append(s);
        }
        m_executions.remove(executionId);
    }
    return out;
}

Span SpanBuilder::attemptSpan(const QString &executionId, const Followed &f, const QString &node,
                              const Attempt &a, const HistoryEvent &end) const
{
    const auto call = f.calls.value(node);
    Span s;
    s.traceId = f.traceId;
    s.spanId = a.spanId;
    s.parentSpanId = f.spanId;
    s.client = true;
    s.name = call.first.isEmpty() ? node : call.first + QLatin1Char(' ') + call.second;
    if (a.compensation)
        s.name = QStringLiteral("compensate ") + s.name;
    s.startMs = a.startMs;
    s.endMs = end.ts;
    const bool ok = end.type.endsWith(QLatin1String("_completed"));
    QString outcome = ok ? QStringLiteral("completed") : QStringLiteral("failed");
    if (!ok && text(end.data, "outcome") == QLatin1String("unknown"))
        outcome = QStringLiteral("unknown");
    s.attributes = {{QStringLiteral("switchboard.execution_id"), executionId},
                    {QStringLiteral("switchboard.workflow_id"), f.workflowId},
                    {QStringLiteral("switchboard.node"), node},
                    {QStringLiteral("switchboard.module"), call.first},
                    {QStringLiteral("switchboard.action"), call.second},
                    {QStringLiteral("switchboard.attempt"), a.attempt},
                    {QStringLiteral("switchboard.outcome"), outcome}};
    const int http = end.data.value(QLatin1String("http_status")).toInt();
    if (http > 0)
        s.attributes.insert(QStringLiteral("http.response.status_code"), http);
    if (!ok) {
        // The module's words may quote patient data: only the status goes out.
        s.error = true;
        s.statusMessage = http > 0 ? QStringLiteral("HTTP %1").arg(http)
                                   : QStringLiteral("no answer from the module");
    }
    return s;
}

} // namespace Switchboard
