#pragma once

#include "engine/historyevent.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <optional>

namespace Switchboard {

// One finished span, as OTLP carries it.
struct Span
{
    QByteArray traceId; // 32 hex digits
    QByteArray spanId; // 16 hex digits
    QByteArray parentSpanId; // empty: a root span
    QString name;
    bool client = false; // a call to a module (CLIENT) rather than work inside the core
    qint64 startMs = 0;
    qint64 endMs = 0;
    QJsonObject attributes; // string, integer and boolean values only; never patient data
    bool error = false;
    QString statusMessage; // with error: what went wrong, in words without patient data
};

// Turns an execution's history, event by event as it becomes durable, into spans: one for the
// execution and one for each attempt of a module call (module, action, attempt, outcome).
// Only ids, names, counts and statuses go into a span: inputs, outputs and module answers,
// which hold patient data, never do.
class SpanBuilder
{
public:
    struct Execution
    {
        QByteArray traceId;
        QString workflowId;
    };
    // What the store knows of an execution the builder did not see start (a restart).
    using Lookup = std::function<std::optional<Execution>(const QString &executionId)>;

    // ratio: OTEL_TRACES_SAMPLER_ARG, the share of new traces kept; a trace continued from a
    // caller follows the caller's choice.
    SpanBuilder(Lookup lookup, double ratio);

    // The spans this event finishes.
    QList<Span> add(const QString &executionId, const HistoryEvent &event);

    // The OpenTelemetry "TraceIdRatioBased" choice: the trace id's last 16 hex digits as a
    // number below ratio × 2^64.
    static bool sampled(const QByteArray &traceId, double ratio);

    // Executions followed at once at most; the oldest is forgotten past it.
    static constexpr int MaxExecutions = 10000;

private:
    struct Attempt
    {
        QByteArray spanId;
        qint64 startMs = 0;
        int attempt = 0;
        bool compensation = false;
    };
    struct Followed
    {
        QByteArray traceId;
        QByteArray spanId;
        QByteArray parentSpanId;
        QString workflowId;
        QString correlationId;
        qint64 startMs = 0;
        bool sampled = true;
        QHash<QString, Attempt> inflight; // by node
        QHash<QString, QPair<QString, QString>> calls; // node → module, action
        qint64 order = 0;
    };

    Followed *follow(const QString &executionId, const HistoryEvent &event);
    Span attemptSpan(const QString &executionId, const Followed &f, const QString &node,
                     const Attempt &a, const HistoryEvent &end) const;

    Lookup m_lookup;
    double m_ratio;
    QHash<QString, Followed> m_executions;
    qint64 m_order = 0;
};

} // namespace Switchboard
