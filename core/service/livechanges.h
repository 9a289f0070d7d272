#pragma once

namespace Switchboard {

class CoreService;
class LiveFeed;

// What a console shows, put on the live feed as it changes: each module's health as the status
// document has it, the overview (health, key figures, alerts, review queues), each review task
// (with the names of who has and who decided it), each execution's status, and "the alerts
// changed" for the alert list to be read again.
namespace LiveChanges {
void publish(CoreService &core, LiveFeed &feed);
} // namespace LiveChanges

} // namespace Switchboard
