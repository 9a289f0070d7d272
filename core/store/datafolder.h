#pragma once

#include "common/result.h"

#include <QString>
#include <memory>

class QLockFile;

namespace Switchboard {

class Database;

// The core's data folder: owner-only (0700), held by one core at a time through a lock file
// (a second core on the same folder would drive the same executions), with daily consistent
// backups of the database kept beside it in backups/.
class DataFolder
{
public:
    // Creates the folder (owner-only) if needed; an empty dir is left alone.
    static Status prepare(const QString &dir);
    // Takes the database's lock (<database>.lock); refuses, naming the process that holds it,
    // when another core has it.
    static Result<std::unique_ptr<QLockFile>> lock(const QString &databasePath);
    // No lock was left behind: the last core to use the database stopped cleanly (a crash, a
    // kill -9 or a power loss leave theirs). Ask before taking the lock.
    static bool stoppedCleanly(const QString &databasePath);
    // Writes backups/<name>-<date>.db unless today's is there, keeping the newest three.
    static Status backupDaily(Database &db, const QString &dir, const QString &name);
    // The newest backup of <name>, or an empty string.
    static QString latestBackup(const QString &dir, const QString &name);

    // A backup asked for by someone: backups/manual/<name>-<yyyy-MM-dd_HH-mm-ss>.db, kept until
    // deleted. Returns its path.
    static Result<QString> backupNow(Database &db, const QString &dir, const QString &name);
    // Every backup of <name>, daily and manual, newest first.
    static QStringList backups(const QString &dir, const QString &name);
    // Restores a backup when the core next starts: the database cannot be swapped under a
    // running core. The backup must be one of backups(); it is checked to be a Switchboard
    // database first.
    static Status scheduleRestore(const QString &databasePath, const QString &backup);
    static QString pendingRestore(const QString &databasePath);
    // Before the database is opened: puts a scheduled backup in its place, keeping the
    // database it replaces in backups/ as <name>-before-restore-<time>.db. Returns the backup
    // restored, or an empty string when none was scheduled.
    static Result<QString> restorePending(const QString &databasePath, const QString &dir,
                                          const QString &name);

    static constexpr int BackupsKept = 3;
};

} // namespace Switchboard
