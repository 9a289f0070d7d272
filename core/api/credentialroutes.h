#pragma once

namespace Switchboard {

class ApiServer;
class CoreService;

// The core's credential for each module (admin only; the secret is never answered):
// GET /api/v1/modules/{id}/credential → {"set", "kind", "header"};
// PUT /api/v1/modules/{id}/credential {"kind": "api_key" | "bearer", "header"?, "secret"};
// DELETE /api/v1/modules/{id}/credential.
namespace CredentialRoutes {

void install(ApiServer &server, CoreService &core);

} // namespace CredentialRoutes
} // namespace Switchboard
