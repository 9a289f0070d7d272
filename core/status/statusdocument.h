#pragma once

#include "alerts/statusalert.h"
#include "config/coreconfig.h"
#include "health/modulesnapshot.h"

#include <QDateTime>
#include <QJsonObject>

namespace Switchboard::StatusDocument {

struct Inputs
{
    const CoreConfig *config = nullptr;
    QList<ModuleSnapshot> modules;
    QList<StatusAlert> alerts;
    QJsonObject kpis;
    QDateTime timestamp;
    QString traceId;
    qint64 executionMs = 0;
    QString controlAction; // empty: null
    QString dashboardUrl; // the published report's link; empty: null
};

// The primary specification's status document ("Response Examples"): success, timestamp,
// env_ok, modules, kpis, alerts, links, metadata. Trace ids only; never patient data.
QJsonObject build(const Inputs &inputs);

// One module's entry in "modules", and one of "alerts".
QJsonObject moduleJson(const ModuleSnapshot &snapshot);
QJsonObject alertJson(const StatusAlert &alert);

// "MANAGER-<ms since epoch>", the seed's trace id form.
QString newTraceId(const QDateTime &now);

} // namespace Switchboard::StatusDocument
