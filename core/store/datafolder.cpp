#include "store/datafolder.h"

#include "store/database.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QLockFile>

namespace Switchboard {

Status DataFolder::prepare(const QString &dir)
{
    if (dir.isEmpty())
        return Ok {};
    if (!QDir().mkpath(dir))
        return unavailable(QStringLiteral("cannot create the data folder %1").arg(dir),
                           QStringLiteral("data"));
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return Ok {};
}

bool DataFolder::stoppedCleanly(const QString &databasePath)
{
    return !QFile::exists(databasePath + QStringLiteral(".lock"));
}

Result<std::unique_ptr<QLockFile>> DataFolder::lock(const QString &databasePath)
{
    auto lock = std::make_unique<QLockFile>(databasePath + QStringLiteral(".lock"));
    // A lock left by a process that is gone is taken over; a live holder is never waited for.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return lock;
    qint64 pid = 0;
    QString host;
    QString app;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &app))
        return conflict(QStringLiteral("the database %1 is in use by %2 (PID %3 on %4); stop it "
                                       "first, or give this core another --data folder")
                            .arg(databasePath, app.isEmpty() ? QStringLiteral("another core") : app)
                            .arg(pid)
                            .arg(host),
                        QStringLiteral("data"));
    return unavailable(
        QStringLiteral("cannot lock the database %1 (is its folder writable?)").arg(databasePath),
        QStringLiteral("data"));
}

Status DataFolder::backupDaily(Database &db, const QString &dir, const QString &name)
{
    QDir backups(QDir(dir).filePath(QStringLiteral("backups")));
    if (!backups.mkpath(QStringLiteral(".")))
        return unavailable(QStringLiteral("cannot create %1").arg(backups.path()));
    const QString today = backups.filePath(
        QStringLiteral("%1-%2.db").arg(name, QDate::currentDate().toString(Qt::ISODate)));
    if (QFile::exists(today))
        return Ok {};
    if (Status st = db.backupTo(today); !st)
        return st;
    const QStringList old = backups.entryList({name + QStringLiteral("-*.db")}, QDir::Files,
                                              QDir::Name | QDir::Reversed);
    for (qsizetype i = BackupsKept; i < old.size(); ++i)
        backups.remove(old.at(i));
    return Ok {};
}

QString DataFolder::latestBackup(const QString &dir, const QString &name)
{
    const QDir backups(QDir(dir).filePath(QStringLiteral("backups")));
    const QStringList found = backups.entryList({name + QStringLiteral("-*.db")}, QDir::Files,
                                                QDir::Name | QDir::Reversed);
    return found.isEmpty() ? QString() : backups.filePath(found.first());
}

} // namespace Switchboard
