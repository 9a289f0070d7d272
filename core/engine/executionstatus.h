#pragma once

#include <QString>
#include <optional>

namespace Switchboard {

// Where an execution is. Stored and shown by its wire name ("running", …).
enum class ExecutionStatus {
    Running, // steps are ready or calls are in flight
    Waiting, // only on timers, events or review tasks
    Completed,
    Failed,
    Cancelled,
};

inline bool isFinal(ExecutionStatus status)
{
    return status == ExecutionStatus::Completed || status == ExecutionStatus::Failed
        || status == ExecutionStatus::Cancelled;
}

inline QString toWire(ExecutionStatus status)
{
    switch (status) {
    case ExecutionStatus::Running:
        return QStringLiteral("running");
    case ExecutionStatus::Waiting:
        return QStringLiteral("waiting");
    case ExecutionStatus::Completed:
        return QStringLiteral("completed");
    case ExecutionStatus::Failed:
        return QStringLiteral("failed");
    case ExecutionStatus::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

// Empty for a name that is not a status (a damaged row).
inline std::optional<ExecutionStatus> executionStatusFromWire(const QString &name)
{
    for (ExecutionStatus s :
         {ExecutionStatus::Running, ExecutionStatus::Waiting, ExecutionStatus::Completed,
          ExecutionStatus::Failed, ExecutionStatus::Cancelled}) {
        if (toWire(s) == name)
            return s;
    }
    return std::nullopt;
}

} // namespace Switchboard
