#pragma once

#include "common/result.h"

namespace Switchboard {

class CoreService;

// The demo clinic: a simulated fleet of the nine modules on loopback, and what a fresh demo
// comes with (a month of history, past alerts, work waiting for review). The simulator is not
// part of the production library: the programs that offer a demo (the console,
// switchboard-core --demo) link it and hand the core one through CoreOptions::demoClinic.
class DemoClinic
{
public:
    virtual ~DemoClinic() = default;

    // Starts the fleet on 127.0.0.1 at preferredBase (0: 8700, else a free one); returns the
    // base port (module NN listens on base + NN).
    virtual Result<quint16> start(quint16 preferredBase, double eventsPerSecond) = 0;
    // Fills a fresh core's history: `days` of key figures and checks, the alerts of that
    // history, and review tasks. Leaves alone what the core already has.
    virtual Status seed(CoreService &core, int days) = 0;
};

} // namespace Switchboard
