// CoreService: the modules — health checks now, the circuit breaker, switching a module on or
// off (kept over the configuration), and a module's stored history.
#include "audit/auditlog.h"
#include "common/logging.h"
#include "health/healthmonitor.h"
#include "health/modulehistory.h"
#include "modules/modulecatalog.h"
#include "resilience/resilientmoduleclient.h"
#include "service/coreservice.h"
#include "store/database.h"
#include "store/modulesettings.h"

#include <QJsonArray>

namespace Switchboard {

void CoreService::runChecks(std::function<void()> done)
{
    const quint64 round = m_monitor->checkAll();
    auto *connection = new QMetaObject::Connection;
    *connection = connect(this, &CoreService::checksFinished, this,
                          [connection, round, done](quint64 finished) {
                              if (finished < round)
                                  return;
                              QObject::disconnect(*connection);
                              delete connection;
                              done();
                          });
}

void CoreService::checkModule(const QString &moduleId)
{
    if (m_monitor)
        m_monitor->checkModule(moduleId);
}

Status CoreService::resetCircuitBreaker(const QString &moduleId, const QString &actor)
{
    if (!ModuleCatalog::find(moduleId))
        return makeError(
            QStringLiteral("unknown module \"%1\" (expected 01_intake … 09_compliance)")
                .arg(moduleId),
            QStringLiteral("module"));
    // Recorded first: a reset that cannot be recorded does not happen.
    if (Status st = m_audit->record(QStringLiteral("module.circuit_reset"), actor,
                                    {{QStringLiteral("module"), moduleId}});
        !st)
        return st;
    m_resilient->resetBreaker(moduleId);
    m_monitor->setCircuitState(moduleId, CircuitState::Closed);
    m_monitor->checkModule(moduleId);
    return Ok {};
}

Result<QJsonObject> CoreService::moduleHistory(const QString &moduleId, int days) const
{
    auto samples = m_moduleHistory->samples(moduleId, m_clock.now(), days);
    if (!samples)
        return samples.error();
    const ModuleCallStats stats = m_resilient->stats().value(moduleId);
    return QJsonObject {{QStringLiteral("module"), moduleId},
                        {QStringLiteral("days"), days},
                        {QStringLiteral("samples"), ModuleHistory::toJson(*samples)},
                        {QStringLiteral("calls"), stats.toJson()},
                        {QStringLiteral("recent_calls"), stats.recentJson()}};
}

Status CoreService::applyModuleSettings()
{
    auto switched = ModuleSettings(*m_db).enabled();
    if (!switched)
        return switched.error();
    for (ModuleConfig &m : m_config.modules)
        m.enabled = switched->value(m.id, m.enabled);
    return Ok {};
}

Status CoreService::setModuleEnabled(const QString &moduleId, bool enabled, const QString &actor)
{
    auto it = std::find_if(m_config.modules.begin(), m_config.modules.end(),
                           [&](const ModuleConfig &m) { return m.id == moduleId; });
    if (it == m_config.modules.end())
        return makeError(
            QStringLiteral("unknown module \"%1\" (expected 01_intake … 09_compliance)")
                .arg(moduleId),
            QStringLiteral("module"));
    // Kept over the configuration, so that a restart does not quietly switch it back.
    Status saved = m_db->transaction([&]() -> Status {
        if (Status kept = ModuleSettings(*m_db).setEnabled(moduleId, enabled, m_clock.nowMs());
            !kept)
            return kept;
        return m_audit->record(enabled ? QStringLiteral("module.enabled")
                                       : QStringLiteral("module.disabled"),
                               actor, {{QStringLiteral("module"), moduleId}});
    });
    if (!saved)
        return saved;
    if (it->enabled == enabled)
        return Ok {};
    it->enabled = enabled;
    qCInfo(lcService) << moduleId << (enabled ? "enabled" : "disabled");
    m_monitor->setConfig(m_config);
    if (enabled)
        m_monitor->checkModule(moduleId);
    refreshOverview();
    return Ok {};
}

} // namespace Switchboard
