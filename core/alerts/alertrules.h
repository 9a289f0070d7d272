#pragma once

#include "alerts/statusalert.h"
#include "config/coreconfig.h"
#include "health/modulesnapshot.h"
#include "modules/modulestatus.h"

#include <QHash>

namespace Switchboard::AlertRules {

// The primary specification's alerts for the current state: one critical configuration alert
// per missing required setting; "Module Down: <name>" (critical) and "Module Degraded: <name>"
// (warning) per module; "Module down in critical path" when a down module is on the patient
// journey. Critical alerts come first.
// deadLetters: module calls waiting in the dead-letter queue; a warning from
// config.deadLetterAlertThreshold on.
QList<StatusAlert> evaluate(const CoreConfig &config, const QList<ModuleSnapshot> &modules,
                            int deadLetters = 0);

// "Module Down: <name>" (critical) for a down module, with "Module down in critical path" when
// it is on the patient journey and "Circuit Open: <name>" when its breaker is open.
QList<StatusAlert> moduleDown(const ModuleSnapshot &snapshot);
// "Module Degraded: <name>" (warning), with why.
StatusAlert moduleDegraded(const QString &moduleId, const Message &reason);

// "Review SLA Breached: <queue>" (warning) for each queue whose tasks waited past their SLA and
// went to the supervisors, with how many are still open.
QList<StatusAlert> reviewSla(const QHash<QString, int> &overdueByQueue);

// A notification channel whose last delivery failed for good.
struct ChannelFailure
{
    QString id;
    QString name;
    QString error;
};

// "Notifications Failing: <channel>" (warning) per failing channel; its subject is
// "channel:<id>", so the channel itself is not asked to carry it.
QList<StatusAlert> notificationFailures(const QList<ChannelFailure> &failures);

// A secret from the configuration that no secret store took.
struct UnstoredSecret
{
    QString variable; // SLACK_WEBHOOK_URL …
    QString reason;
};

// "Secret Not Stored: <variable>" (warning) each: it works for this run from memory only.
QList<StatusAlert> unstoredSecrets(const QList<UnstoredSecret> &secrets);

// CRITICAL with any critical alert, DEGRADED with any warning, HEALTHY otherwise.
SystemHealth systemHealth(const QList<StatusAlert> &alerts);

} // namespace Switchboard::AlertRules
