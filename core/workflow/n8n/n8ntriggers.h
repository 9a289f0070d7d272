#pragma once

#include "workflow/n8n/n8nexpressions.h"
#include "workflow/n8n/n8nnode.h"

#include <QList>

namespace Switchboard {

// What starts one Switchboard workflow converted from an n8n trigger node.
struct N8nTrigger
{
    QJsonObject trigger; // Switchboard's "trigger" object
    QString described; // "webhook POST /hooks/new-lead", for the report
    QString refused; // non-empty: the trigger step becomes a placeholder with this reason
    N8nDataRoot item; // what $json is in the node after it
    QString name; // the n8n node's name, with "(rule 2)" when one node makes several
};

// n8n's trigger nodes as Switchboard triggers: Webhook, Manual, Schedule (every rule), Cron
// (every time), "When called by another workflow". A Schedule Trigger with two rules starts
// two workflows, as it fires at both.
namespace N8nTriggers {

bool isTrigger(const N8nNode &node);
QList<N8nTrigger> map(const N8nNode &node);
// The Schedule Trigger's and Cron node's times as five-field cron, or why not.
Result<QStringList> cronsOf(const N8nNode &node);

} // namespace N8nTriggers

} // namespace Switchboard
