#pragma once

namespace Switchboard {

class ApiServer;
class CoreService;

// The clinic's settings (read by managers, changed by admins) and the database's backups:
// GET/PUT /api/v1/settings, POST /api/v1/backups, POST /api/v1/backups/restore.
class SettingsRoutes
{
public:
    static void install(ApiServer &server, CoreService &core);
};

} // namespace Switchboard
