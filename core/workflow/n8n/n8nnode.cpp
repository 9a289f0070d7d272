#include "workflow/n8n/n8nnode.h"

namespace Switchboard {

N8nNode N8nNode::fromJson(const QJsonObject &json)
{
    N8nNode n;
    n.name = json.value(QLatin1String("name")).toString();
    n.type = json.value(QLatin1String("type")).toString();
    n.version = json.value(QLatin1String("typeVersion")).toDouble(1);
    n.parameters = json.value(QLatin1String("parameters")).toObject();
    n.raw = json;
    n.disabled = json.value(QLatin1String("disabled")).toBool();
    return n;
}

} // namespace Switchboard
