#pragma once

namespace Switchboard {

class ApiServer;
class CoreService;

// The alert book (list, read, acknowledge, resolve, snooze), silences and notification
// channels.
class AlertRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);
};

} // namespace Switchboard
