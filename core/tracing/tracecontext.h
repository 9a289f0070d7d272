#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Switchboard {

// The trace a request came with (W3C traceparent, or the seed's X-Trace-ID) and its
// X-Correlation-ID, current on this thread while the request is handled, so that what the
// request starts (an execution) continues that trace instead of starting one of its own.
struct TraceContext
{
    QByteArray traceId; // 32 lower-case hex digits; empty: none came
    QByteArray parentSpanId; // 16 hex digits of the caller's span; empty with X-Trace-ID alone
    bool sampled = false; // the caller's traceparent asked for the trace to be kept
    bool hasSampling = false; // whether a traceparent said so either way
    QString correlationId; // X-Correlation-ID, when it is a plain id

    bool isEmpty() const { return traceId.isEmpty() && correlationId.isEmpty(); }

    // From a request's headers: traceparent wins over X-Trace-ID; a malformed one is ignored
    // (a new trace starts), never an error. An X-Trace-ID that is not 32 hex digits (the
    // seed's "MANAGER-1730905800000") is hashed into one, so the same id maps to one trace.
    static TraceContext fromHeaders(const QList<QPair<QByteArray, QByteArray>> &headers);
    // The context of the request being handled on this thread; empty outside one.
    static const TraceContext &current();

    class Scope;
};

// Makes a context current until it goes out of scope.
class TraceContext::Scope
{
public:
    explicit Scope(TraceContext context);
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

private:
    TraceContext m_previous;
};

} // namespace Switchboard
