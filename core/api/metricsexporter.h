#pragma once

#include <QByteArray>

namespace Switchboard {

class CoreService;

namespace MetricsExporter {

// The core's metrics in the Prometheus text exposition format (version 0.0.4): module calls by
// outcome, call latency histograms, circuit state, bulkhead occupancy, rate-limit waits,
// dead letters, executions by status, module health and the key figures.
QByteArray render(CoreService &core);

} // namespace MetricsExporter
} // namespace Switchboard
