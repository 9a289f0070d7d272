#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace Switchboard {

struct ModuleCallRequest
{
    QString module; // "02_booking"
    QUrl url; // the module's webhook endpoint
    QJsonObject body; // {"action": …, …payload}
    QByteArray idempotencyKey; // <execution>:<node>:<visit>
    QByteArray traceId; // 32 hex digits
    QByteArray spanId; // 16 hex digits, this call's span
    int timeoutMs = 10000;
};

struct ModuleCallResult
{
    int httpStatus = 0; // 0: no HTTP answer
    QJsonObject body;
    QString error; // empty on success
    bool retryable = false;
    qint64 elapsedMs = 0;
    qint64 retryAfterMs = -1; // the module's Retry-After, when it sent one
    // The request went out and no definite answer came back (a timeout, the connection lost
    // after sending, a 504, a 2xx answer that is not JSON): the module may have acted.
    bool uncertain = false;

    bool ok() const { return error.isEmpty(); }
};

// The one path every module call takes (the resilience layer wraps it). Carries the
// Idempotency-Key and the trace headers: traceparent, X-Trace-ID, X-Parent-Span-ID,
// X-Service-Name. done is called exactly once, on the caller's thread, and never before
// call() has returned.
class ModuleClient
{
public:
    using Callback = std::function<void(const ModuleCallResult &)>;
    virtual ~ModuleClient() = default;
    virtual void call(const ModuleCallRequest &request, Callback done) = 0;

    // Connection refused or reset, timeouts, 408, 429 and 5xx are worth retrying; other
    // answers are not.
    static bool retryableStatus(int httpStatus)
    {
        return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500;
    }
};

} // namespace Switchboard
