#pragma once

#include "modules/modulestatus.h"

#include <QDateTime>
#include <QString>

namespace Switchboard {

// What one health check of one module found, before any rule is applied.
struct HealthProbe
{
    // Refused: it answered 401/403, so the check's credential is wrong, not the module.
    enum class Outcome { Answered, NoAnswer, Malformed, Refused };

    Outcome outcome = Outcome::NoAnswer;
    QString error; // for NoAnswer/Malformed: "connection refused", "timed out after 10000 ms", …
    ModuleStatus reported = ModuleStatus::Unknown; // the module's own "status"
    int errors24h = 0;
    QDateTime lastRun; // the module's last execution, invalid when it reported none
    qint64 uptimeSeconds = 0;
    QString version;
    int responseMs = -1;
};

enum class CircuitState { Closed, Open, HalfOpen };
QString toWire(CircuitState state); // "closed", "open", "half_open"

} // namespace Switchboard
