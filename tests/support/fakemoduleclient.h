#pragma once

#include "engine/moduleclient.h"

#include <QList>
#include <QTimer>

// A ModuleClient that records every call. By default it answers success at once (on the next
// event-loop turn); a test may set a responder, or hold calls and answer them itself.
class FakeModuleClient final : public Switchboard::ModuleClient
{
public:
    struct Call
    {
        Switchboard::ModuleCallRequest request;
        Callback done;
    };

    std::function<Switchboard::ModuleCallResult(const Switchboard::ModuleCallRequest &)> responder;
    bool hold = false;
    QList<Switchboard::ModuleCallRequest> calls;
    QList<Call> held;

    void call(const Switchboard::ModuleCallRequest &request, Callback done) override
    {
        calls.append(request);
        if (hold) {
            held.append({request, std::move(done)});
            return;
        }
        Switchboard::ModuleCallResult result;
        if (responder)
            result = responder(request);
        else
            result.body = QJsonObject {
                {QStringLiteral("success"), true},
                {QStringLiteral("action"), request.body.value(QLatin1String("action"))}};
        QTimer::singleShot(0, [done, result] { done(result); });
    }

    static Switchboard::ModuleCallResult failure(bool retryable, int status = 503)
    {
        Switchboard::ModuleCallResult r;
        r.httpStatus = status;
        r.error = QStringLiteral("HTTP %1").arg(status);
        r.retryable = retryable;
        return r;
    }

    QStringList actions() const
    {
        QStringList out;
        for (const auto &c : calls)
            out << c.body.value(QLatin1String("action")).toString();
        return out;
    }
};
