#pragma once

namespace Switchboard {

class ApiServer;
class CoreService;

// Workflows (drafts, versions, publishing, promotion) and their executions (start, list, read,
// cancel, retry) and events in.
class WorkflowRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);
};

} // namespace Switchboard
