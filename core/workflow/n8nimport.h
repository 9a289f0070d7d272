#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Switchboard {

// Workflows converted from an n8n export, with what happened to each n8n node.
//
// Nothing is guessed: a node, expression or trigger that cannot be converted exactly becomes a
// placeholder step that fails validation naming the n8n node and why, so the workflow cannot be
// published until someone replaces it.
struct N8nImport
{
    // One workflow per trigger (a Schedule Trigger with two rules counts twice), each with the
    // steps that trigger reaches; one with a manual start when the export has no trigger.
    QList<QJsonObject> workflows;
    QStringList mapped; // "Book consult → book_consult (call 02_booking, book_first_available)"
    QStringList unmapped; // "\"Send Email\" (n8n-nodes-base.emailSend): … placeholder send_email"

    // Whether a document looks like an n8n export ("nodes" and "connections").
    static bool looksLikeN8n(const QJsonObject &document);
    // Larger exports are refused: the conversion follows chains of nodes recursively.
    static constexpr qsizetype MaxNodes = 500;
    static Result<N8nImport> convert(const QJsonObject &n8n);
    // {"workflows": [...], "mapped": [...], "unmapped": [...]}, as the API answers.
    QJsonObject toJson() const;
};

} // namespace Switchboard
