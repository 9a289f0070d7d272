#pragma once

#include <QString>

namespace Switchboard {

class ApiServer;
class CoreService;

// The health endpoints as seed 003 shows them, answered without a token like /healthz, for
// monitors and load balancers; they carry no patient data.
//
// GET /health: {status, version, uptime_seconds, timestamp, service_name}. GET /health/detailed:
// the same with checks {database, external_services, memory}. GET /health/dependencies: each
// module (true when it answers), the database, overall_status and degradation_mode.
// A core whose database does not answer says "unhealthy" with 503; modules that are down make
// it "degraded", still 200: the core itself works.
namespace HealthRoutes {

void install(ApiServer &server, CoreService &core);
// Whether a path is one of these, open without a token.
bool isOpen(const QString &path);

} // namespace HealthRoutes
} // namespace Switchboard
