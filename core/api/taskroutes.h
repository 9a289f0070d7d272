#pragma once

namespace Switchboard {

class ApiServer;
class CoreService;

// The review queues and their tasks: list, read (PHI masked by role), claim, release, decide.
class TaskRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);
};

} // namespace Switchboard
