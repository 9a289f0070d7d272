#pragma once

#include "common/result.h"
#include "health/modulesnapshot.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QObject>

class QTimer;

namespace Switchboard {

class Clock;
class Database;

// What the core doing the modules duty (ClusterDuty) sees, for the other cores sharing the
// store to show: each module's last snapshot and the key figures. The duty's core publishes
// them as they change; the others follow, reading them again every FollowMs, so that a console
// connected to any core shows the same tiles and figures.
class ClusterMirror final : public QObject
{
    Q_OBJECT

public:
    ClusterMirror(Database &db, const Clock &clock, QObject *parent = nullptr);

    Status publish(const ModuleSnapshot &snapshot);
    // After a round of checks: the key figures, and when the round ended.
    Status publishRound(const QJsonObject &figures, const QJsonObject &previousWeek,
                        const QDateTime &lastCheck);

    // Reads now and every FollowMs until stop().
    void follow();
    void stop();
    bool following() const;
    static constexpr int FollowMs = 2000;

    QList<ModuleSnapshot> modules() const;
    QJsonObject figures() const { return m_figures; }
    QJsonObject previousWeek() const { return m_previousWeek; }
    QDateTime lastCheck() const { return m_lastCheck; }

Q_SIGNALS:
    void moduleChanged(const Switchboard::ModuleSnapshot &snapshot);
    // A read ended (whatever changed).
    void refreshed();

private:
    Status put(const QString &row, const QJsonObject &json);
    void read();

    Database &m_db;
    const Clock &m_clock;
    QTimer *m_timer;
    QHash<QString, QJsonObject> m_modules; // id → the snapshot as stored
    QJsonObject m_figures;
    QJsonObject m_previousWeek;
    QDateTime m_lastCheck;
};

} // namespace Switchboard
