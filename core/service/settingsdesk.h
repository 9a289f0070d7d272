#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "config/coreconfig.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <functional>

namespace Switchboard {

class AuditTrail;
class Database;

// The clinic's settings as people change them from the console or the API: module addresses,
// health checks and thresholds, key-figure targets, retention. Each is one of the env file's
// variables, validated by the same rule (SettingsTable), kept in the core's database and
// audited. The files win: a variable that the env file, the JSON file or the environment sets
// is shown with where it is set, and cannot be changed here (change it there), so a
// sysadmin's file never silently loses to a click.
class SettingsDesk
{
public:
    struct Editable
    {
        QString env; // MODULE_02_ENDPOINT
        QString section; // clinic, modules, health, kpis, retention
        bool live; // applied at once; otherwise at the next start
        std::function<QString(const CoreConfig &)> read;
    };
    static const QList<Editable> &editable();

    // config: the running configuration, changed in place; lockedBy: variable → where a file
    // or the environment sets it ("/etc/switchboard/switchboard.env:12", "environment").
    SettingsDesk(Database &db, const Clock &clock, CoreConfig &config,
                 QMap<QString, QString> lockedBy);
    // Changes are audited here; set before the first change.
    void setAudit(AuditTrail *audit) { m_audit = audit; }
    // The data folder (empty: none, the core runs in memory) and the database in it, named
    // "switchboard" or "demo" in its backups.
    void setDataFolder(const QString &dir, const QString &database, const QString &name);

    // At start, once the database is open: the stored values over the configuration. A stored
    // value that no longer passes its rule is skipped with a warning, never fatal.
    Status applyStored();
    // [{name, section, value, default, live, locked_by, changed_by, changed_at, next_start}],
    // in the order of editable(); next_start: a stored value that waits for a restart.
    Result<QJsonArray> list() const;

    struct Changed
    {
        QStringList applied; // in effect now
        QStringList atRestart; // in effect from the next start
    };
    // values: {"ERROR_THRESHOLD": "7", "MODULE_02_TIMEOUT_S": ""} — an empty value goes back
    // to the configuration's. All or nothing: the first bad value is refused, naming it, and
    // nothing is stored.
    Result<Changed> change(const QJsonObject &values, const QString &actor);

    // The settings and the data folder: {settings: list(), data: {folder, database,
    // backups: [{path, at, bytes}], restore_at_next_start}}.
    Result<QJsonObject> overview() const;
    // A backup of the database now, in the data folder's backups/manual; its path. Audited.
    Result<QString> backupNow(const QString &actor);
    // Puts one of the data folder's backups in the database's place when the core next
    // starts (DataFolder::restorePending). Audited.
    Status restoreAtNextStart(const QString &backup, const QString &actor);

private:
    Result<QMap<QString, QString>> stored() const;
    Result<CoreConfig> composed(const QMap<QString, QString> &values) const;

    Database &m_db;
    AuditTrail *m_audit = nullptr;
    const Clock &m_clock;
    CoreConfig &m_config;
    CoreConfig m_base; // as the files and the environment made it
    QMap<QString, QString> m_lockedBy;
    QString m_dataDir;
    QString m_database;
    QString m_name;
};

} // namespace Switchboard
