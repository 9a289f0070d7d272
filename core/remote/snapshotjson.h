#pragma once

#include "health/modulesnapshot.h"
#include "status/systemoverview.h"

#include <QJsonObject>

// What a core sends a remote console about its modules and the clinic as a whole, and how the
// console reads it back: every field the console shows, so that a remote console draws the same
// tiles, banner and map as the embedded one. The module's JSON is the status document's entry
// (StatusDocument::moduleJson) with the rest added, so readers of the status document can read
// it too.
namespace Switchboard::SnapshotJson {

QJsonObject toJson(const ModuleSnapshot &snapshot);
ModuleSnapshot moduleFromJson(const QJsonObject &json);

QJsonObject toJson(const StatusAlert &alert);
StatusAlert alertFromJson(const QJsonObject &json);

QJsonObject toJson(const SystemOverview &overview);
SystemOverview overviewFromJson(const QJsonObject &json);

} // namespace Switchboard::SnapshotJson
