#pragma once

#include "service/democlinic.h"

#include <memory>

namespace Switchboard {

class Clock;
class SimDemoStaff;
class SimFleet;

// DemoClinic on switchboard-sim's fleet, run inside the process.
class SimDemoClinic final : public DemoClinic
{
public:
    explicit SimDemoClinic(const Clock &clock);
    ~SimDemoClinic() override;

    Result<quint16> start(quint16 preferredBase, double eventsPerSecond) override;
    Status seed(CoreService &core, int days) override;

    SimFleet *fleet() const { return m_fleet.get(); }

private:
    std::unique_ptr<SimFleet> m_fleet;
    std::unique_ptr<SimDemoStaff> m_staff; // from seed on, in the core's thread
};

} // namespace Switchboard
