#pragma once

#include "common/clock.h"
#include "config/coreconfig.h"
#include "health/healthprobe.h"
#include "health/modulesnapshot.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <optional>

class QTimer;

namespace Switchboard {

class EventFeed;
class HealthChecker;

// Watches the nine modules: health checks on an interval and on demand, the live event feeds,
// and the rules that turn both into a status per module.
class ModuleCredentials;

class HealthMonitor final : public QObject
{
    Q_OBJECT

public:
    HealthMonitor(const Clock &clock, const CoreConfig &config, QObject *parent = nullptr);
    ~HealthMonitor() override;

    void setConfig(const CoreConfig &config);
    const CoreConfig &config() const { return m_config; }

    // Starts the check interval (checking at once) and the event feeds.
    void start();
    // Checks every enabled module now; roundFinished(round) follows when all have answered.
    quint64 checkAll();
    void checkModule(const QString &moduleId);
    // Where each module's credential header comes from, for the health checks.
    void setCredentials(const ModuleCredentials *credentials);
    // Hook for the resilience layer: the breaker state feeds the rules.
    void setCircuitState(const QString &moduleId, CircuitState state);

    QList<ModuleSnapshot> snapshots() const;
    ModuleSnapshot snapshot(const QString &moduleId) const;
    QDateTime lastRoundFinished() const { return m_lastRoundFinished; }

Q_SIGNALS:
    void moduleChanged(const Switchboard::ModuleSnapshot &snapshot);
    void roundFinished(quint64 round);
    // A health check of one module has been answered (or has failed); after moduleChanged.
    void checked(const Switchboard::ModuleSnapshot &snapshot);
    void eventReceived(const QString &moduleId, const QJsonObject &event);

private:
    struct State
    {
        ModuleSnapshot snapshot;
        std::optional<HealthProbe> probe;
        QDateTime lastActivity;
    };

    void onProbed(const QString &moduleId, const HealthProbe &probe);
    void onFeedChanged(const QString &moduleId, bool connected);
    void onEvent(const QString &moduleId, const QJsonObject &event);
    void reassess(State &state);

    const Clock &m_clock;
    CoreConfig m_config;
    HealthChecker *m_checker;
    EventFeed *m_feed;
    QTimer *m_interval;
    QHash<QString, State> m_states;
    QSet<QString> m_pending;
    quint64 m_round = 0;
    QDateTime m_lastRoundFinished;
};

} // namespace Switchboard
