#pragma once

#include "config/coreconfig.h"
#include "health/healthprobe.h"
#include "texts/message.h"

#include <QDateTime>
#include <optional>

namespace Switchboard {

// Why a module has the status it has. The code is stable; the text is made by reasonText().
enum class HealthReason {
    NotChecked,
    NotConfigured,
    Disabled,
    Responding,
    NoAnswer,
    ReportedDown,
    CircuitOpen,
    NoExecution,
    Malformed,
    CircuitHalfOpen,
    TooManyErrors,
    ReportedDegraded,
    Slow,
    CredentialRefused, // the module or the n8n API refused the check's credential (401/403)
};

struct HealthAssessment
{
    ModuleStatus status = ModuleStatus::Unknown;
    HealthReason reason = HealthReason::NotChecked;
    qint64 value = 0; // errors, milliseconds or hours, depending on the reason
    qint64 limit = 0; // the threshold it was compared with

    bool operator==(const HealthAssessment &) const = default;
};

namespace HealthRules {

// The primary specification's rules: disabled; down when the module does not answer, says it
// is down, has its circuit open or has not run for noExecutionHours; degraded when its answer
// is unreadable, its circuit is half-open, it had more than errorThreshold errors in 24 h,
// says it is degraded, or answered slower than slowResponseMs; healthy otherwise.
// lastActivity is the newest sign of work seen by other means (e.g. its event feed).
HealthAssessment assess(const ModuleConfig &module, const std::optional<HealthProbe> &probe,
                        CircuitState circuit, const HealthSettings &settings, const QDateTime &now,
                        const QDateTime &lastActivity = {});

// Why the module has its status, as a message: "Slow response: 4100 ms (limit: 3000 ms)".
Message reason(const HealthAssessment &assessment);
// English text for the status document and alerts (translated == false), or the user's
// language for the console.
QString reasonText(const HealthAssessment &assessment, bool translated);

} // namespace HealthRules
} // namespace Switchboard
