#pragma once

#include "workflow/n8n/n8nnode.h"

namespace Switchboard {

class N8nExpressions;

// Converts one n8n node (not a trigger) into the Switchboard step that does exactly what it
// does, or refuses it with the reason. Conditions, delays, fields, module calls, merges and
// webhook answers map; anything that would mean something else is refused.
namespace N8nSteps {

// id: the step's id, for the expressions that name its own output.
N8nStep map(const N8nNode &node, const QString &id, const N8nExpressions &x);

} // namespace N8nSteps

} // namespace Switchboard
