#pragma once

#include "common/result.h"

#include <QJsonObject>

namespace Switchboard {

// A fault the simulator plays on one module (POST /faults on the control port).
struct SimFault
{
    enum class Mode { None, Down, Slow, Errors, Timeout, Flapping, Malformed };

    Mode mode = Mode::None;
    int latencyMs = 4000; // slow: added to every answer
    double errorRate = 0.5; // errors: share of webhook calls answered 500
    int flapPeriodMs = 5000; // flapping: alternates up and down every period
    int retryAfterSeconds = 0; // errors: answer 429 with this Retry-After instead of 500

    static Result<SimFault> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    static QString modeName(Mode mode);
};

} // namespace Switchboard
