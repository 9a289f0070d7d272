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

    static constexpr int BackupsKept = 3;
};

} // namespace Switchboard
