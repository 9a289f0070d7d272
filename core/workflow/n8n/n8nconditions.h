#pragma once

#include "common/result.h"

#include <QJsonObject>

namespace Switchboard {

class N8nExpressions;

// n8n's comparisons as JavaScript conditions that decide exactly as n8n does.
namespace N8nConditions {

// IF v1 ("conditions": {"number": [...], "string": [...], …}, "combineOperation"), with n8n's
// defaults for what an export leaves out (a number comparison is "smaller" unless it says).
Result<QString> ifV1(const QJsonObject &parameters, const N8nExpressions &x);
// One v1 comparison, as IF v1 and Switch v1/v2 rules make them.
Result<QString> compareV1(const QString &dataType, const QString &operation, const QString &left,
                          const QString &right);
// The filter of IF v2, Switch v3 and Filter: {"conditions": [...], "combinator", "options"}.
Result<QString> filter(const QJsonObject &conditions, const N8nExpressions &x);

} // namespace N8nConditions

} // namespace Switchboard
