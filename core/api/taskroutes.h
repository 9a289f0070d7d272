#pragma once

#include <QString>

namespace Switchboard {

class ApiServer;
class CoreService;
struct HttpRequest;

// The review queues and their tasks: list, read (PHI masked by role), claim, release, decide.
class TaskRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);
    // Support staff limited to some review queues work only those; managers and admins, and
    // support staff with no list, work them all.
    static bool mayWorkQueue(const HttpRequest &req, const QString &queue);
};

} // namespace Switchboard
