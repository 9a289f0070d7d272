#pragma once

#include "health/healthprobe.h"
#include "health/healthrules.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Switchboard {

// One change of a module's circuit breaker.
struct CircuitTransition
{
    QDateTime at;
    CircuitState state = CircuitState::Closed;

    friend bool operator==(const CircuitTransition &, const CircuitTransition &) = default;
};

// Everything the console and the status document know about one module at one moment.
// A value type: copied across threads, never shared.
struct ModuleSnapshot
{
    QString id;
    bool enabled = true;
    bool configured = false;
    QString endpoint; // where the module is called, without credentials or query
    int timeoutMs = 0; // module calls
    HealthAssessment assessment;
    CircuitState circuit = CircuitState::Closed;
    int responseMs = -1; // last health check; -1 when it did not answer
    int errors24h = 0;
    QDateTime lastRun; // newest of the module's reported last_run and events seen
    QDateTime lastCheck;
    QDateTime statusSince; // when the status last changed
    QString version;
    qint64 uptimeSeconds = 0;
    bool feedConnected = false;
    qint64 eventsSeen = 0;
    QList<int> responseHistory; // recent response times, oldest first; -1 = no answer
    QList<CircuitTransition> circuitHistory; // recent breaker changes, oldest first

    ModuleStatus status() const { return assessment.status; }

    static constexpr int HistoryLength = 40;
    static constexpr int CircuitHistoryLength = 10;
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::ModuleSnapshot)
