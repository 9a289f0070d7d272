#pragma once

namespace Switchboard {

class ApiServer;
class CoreService;

// Workflows (drafts, versions, publishing, promotion), starting them, and events in.
class WorkflowRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);
};

} // namespace Switchboard
