#include "store/datafolder.h"

#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <algorithm>

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

Result<QString> DataFolder::backupNow(Database &db, const QString &dir, const QString &name)
{
    QDir manual(QDir(dir).filePath(QStringLiteral("backups/manual")));
    if (!manual.mkpath(QStringLiteral(".")))
        return unavailable(QStringLiteral("cannot create %1").arg(manual.path()));
    const QString path = manual.filePath(
        QStringLiteral("%1-%2.db")
            .arg(name,
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd_HH-mm-ss"))));
    if (QFile::exists(path))
        return conflict(QStringLiteral("a backup was made this second already: %1").arg(path));
    if (Status st = db.backupTo(path); !st)
        return st.error();
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

QStringList DataFolder::backups(const QString &dir, const QString &name)
{
    if (dir.isEmpty())
        return {};
    QList<QFileInfo> found;
    for (const QString &folder : {QStringLiteral("backups"), QStringLiteral("backups/manual")})
        found += QDir(QDir(dir).filePath(folder))
                     .entryInfoList({name + QStringLiteral("-*.db")}, QDir::Files);
    std::sort(found.begin(), found.end(), [](const QFileInfo &a, const QFileInfo &b) {
        return a.lastModified() > b.lastModified();
    });
    QStringList paths;
    for (const QFileInfo &f : std::as_const(found))
        paths << f.absoluteFilePath();
    return paths;
}

Status DataFolder::scheduleRestore(const QString &databasePath, const QString &backup)
{
    QFile file(backup);
    if (!file.open(QIODevice::ReadOnly))
        return notFound(
            QStringLiteral("cannot read the backup %1: %2").arg(backup, file.errorString()),
            QStringLiteral("backup"));
    if (file.read(16) != QByteArrayLiteral("SQLite format 3\0"))
        return makeError(QStringLiteral("%1 is not a Switchboard database").arg(backup),
                         QStringLiteral("backup"));
    QSaveFile marker(databasePath + QStringLiteral(".restore"));
    if (!marker.open(QIODevice::WriteOnly))
        return unavailable(QStringLiteral("cannot write %1").arg(marker.fileName()));
    marker.write(QFileInfo(backup).absoluteFilePath().toUtf8());
    if (!marker.commit())
        return unavailable(QStringLiteral("cannot write %1").arg(marker.fileName()));
    return Ok {};
}

QString DataFolder::pendingRestore(const QString &databasePath)
{
    QFile marker(databasePath + QStringLiteral(".restore"));
    if (!marker.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(marker.readAll()).trimmed();
}

Result<QString> DataFolder::restorePending(const QString &databasePath, const QString &dir,
                                           const QString &name)
{
    const QString backup = pendingRestore(databasePath);
    if (backup.isEmpty())
        return QString();
    if (!QFile::exists(backup))
        return notFound(QStringLiteral("the backup to restore, %1, is gone; remove %2 to start "
                                       "without restoring")
                            .arg(backup, databasePath + QStringLiteral(".restore")),
                        QStringLiteral("backup"));
    QDir backups(QDir(dir).filePath(QStringLiteral("backups")));
    if (!backups.mkpath(QStringLiteral(".")))
        return unavailable(QStringLiteral("cannot create %1").arg(backups.path()));
    // The database being replaced is kept, with its log, so nothing is lost if this was wrong.
    const QString kept = backups.filePath(
        QStringLiteral("%1-before-restore-%2.db")
            .arg(name,
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd_HH-mm-ss"))));
    if (QFile::exists(databasePath) && !QFile::rename(databasePath, kept))
        return unavailable(QStringLiteral("cannot move %1 aside to %2").arg(databasePath, kept));
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = databasePath + QLatin1String(suffix);
        if (QFile::exists(side))
            QFile::rename(side, kept + QLatin1String(suffix));
    }
    if (!QFile::copy(backup, databasePath)) {
        QFile::rename(kept, databasePath);
        return unavailable(QStringLiteral("cannot copy %1 to %2").arg(backup, databasePath));
    }
    QFile::setPermissions(databasePath, QFile::ReadOwner | QFile::WriteOwner);
    QFile::remove(databasePath + QStringLiteral(".restore"));
    return backup;
}

} // namespace Switchboard
