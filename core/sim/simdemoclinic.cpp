#include "sim/simdemoclinic.h"

#include "alerts/alertbook.h"
#include "alerts/alertrules.h"
#include "engine/workflowengine.h"
#include "health/healthrules.h"
#include "health/modulehistory.h"
#include "kpis/kpihistory.h"
#include "service/coreservice.h"
#include "sim/simdemostaff.h"
#include "sim/simfleet.h"

#include <QRandomGenerator>

namespace Switchboard {

SimDemoClinic::SimDemoClinic(const Clock &clock)
    : m_fleet(std::make_unique<SimFleet>(clock, QRandomGenerator::global()->generate()))
{
}

SimDemoClinic::~SimDemoClinic() = default;

Result<quint16> SimDemoClinic::start(quint16 preferredBase, double eventsPerSecond)
{
    QList<quint16> candidates {preferredBase ? preferredBase : quint16(8700)};
    if (!preferredBase) {
        for (int i = 0; i < 20; ++i)
            candidates << SimFleet::randomBasePort();
    }
    Error last;
    for (quint16 base : std::as_const(candidates)) {
        if (Status st = m_fleet->start(QHostAddress::LocalHost, base); !st) {
            last = st.error();
            continue;
        }
        m_fleet->setEventMix(SimFleet::clinicMix());
        m_fleet->setEventRate(eventsPerSecond);
        return base;
    }
    return makeError(QStringLiteral("cannot start the demo clinic: %1").arg(last.message));
}

Status SimDemoClinic::seed(CoreService &core, int days)
{
    if (days <= 0)
        return Ok {};
    // A month of history, so the trends have a shape...
    if (core.kpiHistory()->isEmpty()) {
        if (Status past = core.kpiHistory()->record(m_fleet->pastKpis(days)); !past)
            return past;
        if (Status past = core.moduleHistory()->store(m_fleet->pastChecks(days)); !past)
            return past;
    }
    // ...the alerts of that history in the inbox...
    if (days >= 10 && core.alerts()->isEmpty()) {
        const qint64 hour = core.clock().now().toSecsSinceEpoch() / 3600 * 3600;
        const auto hoursAgo = [hour](int h) {
            return QDateTime::fromSecsSinceEpoch(hour - 3600LL * h, Qt::UTC);
        };
        ModuleSnapshot billing;
        billing.id = QStringLiteral("04_billing");
        billing.assessment = {ModuleStatus::Down, HealthReason::NoAnswer};
        const StatusAlert billingDown = AlertRules::moduleDown(billing).constFirst();
        const StatusAlert followupSlow = AlertRules::moduleDegraded(
            QStringLiteral("05_followup"),
            HealthRules::reason({ModuleStatus::Degraded, HealthReason::Slow, 4100, 3000}));
        for (Status st :
             {core.alerts()->recordPast(followupSlow, hoursAgo(9 * 24 + 1), hoursAgo(9 * 24)),
              core.alerts()->recordPast(billingDown, hoursAgo(74), hoursAgo(72),
                                        QStringLiteral("maria"),
                                        QStringLiteral("Stripe reports an incident"))}) {
            if (!st)
                return st;
        }
    }
    // ...and with staff who keep the review queues from growing without end.
    m_staff = std::make_unique<SimDemoStaff>(core);
    // ...and with some work waiting in the Review section.
    if (core.engine()->tasks(QString(), QStringLiteral("open")).valueOr({}).isEmpty()) {
        for (const QJsonObject &e : m_fleet->reviewStarters())
            (void)core.engine()->deliverEvent(e.value(QLatin1String("type")).toString(),
                                              e.value(QLatin1String("module")).toString(),
                                              e.value(QLatin1String("data")).toObject());
    }
    return Ok {};
}

} // namespace Switchboard
