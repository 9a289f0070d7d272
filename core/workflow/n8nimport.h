#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QStringList>

namespace Switchboard {

// A workflow converted from an n8n export, with what happened to each n8n node.
struct N8nImport
{
    QJsonObject workflow; // in Switchboard's format, ready for the builder
    QStringList mapped; // "Webhook → start (webhook /hooks/new-lead)"
    QStringList unmapped; // "Send Email (emailSend): kept as placeholder step send_email"

    // Whether a document looks like an n8n export ("nodes" with "type"s and "connections").
    static bool looksLikeN8n(const QJsonObject &document);
    // Converts what maps: Webhook, Manual and Schedule triggers; HTTP Request (to a module's
    // webhook, recognised by its path); IF; Switch; Wait; Merge. Anything else becomes a
    // placeholder "set" step named after it, so the shape of the flow stays; every open branch
    // ends in an "end" step. $json.x becomes input.x in expressions.
    static Result<N8nImport> convert(const QJsonObject &n8n);
};

} // namespace Switchboard
