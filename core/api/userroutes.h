#pragma once

#include <QString>

namespace Switchboard {

class ApiServer;
class CoreService;

// People and their sessions (UserAccounts): POST /api/v1/login (open: it is how a token is
// got), POST /api/v1/logout, GET /api/v1/me, POST /api/v1/me/password; and for admins
// GET/POST /api/v1/users, PATCH /api/v1/users/{id}, POST /api/v1/users/{id}/password.
class UserRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);
    // The routes served without a token.
    static bool isOpen(const QString &path) { return path == QLatin1String("/api/v1/login"); }
};

} // namespace Switchboard
