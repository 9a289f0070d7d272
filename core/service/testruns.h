#pragma once

#include "common/result.h"

#include <QJsonObject>

namespace Switchboard {

class CoreService;

namespace TestRuns {

// Runs a workflow as it is being edited, with sample input: the document is published as
// "test-run-<id>" (disabled, so only this start runs it) and started with origin "test-run".
// Answers the execution's id. The embedded console and POST /api/v1/workflows/{id}/test-run
// both come here.
Result<QString> start(CoreService &core, const QJsonObject &document, const QJsonObject &input,
                      const QString &actor);

// "test-run-<id>"
QString workflowId(const QString &id);

} // namespace TestRuns

} // namespace Switchboard
