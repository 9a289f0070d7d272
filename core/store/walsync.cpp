#include "store/walsync.h"

#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Switchboard {

WalSync::WalSync(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_databasePath(databasePath)
    , m_walPath(databasePath + QStringLiteral("-wal"))
    , m_thread([this] { loop(); })
    , m_checkpointThread([this] { checkpointLoop(); })
{
}

WalSync::~WalSync()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stop = true;
        m_held = false;
    }
    m_wake.notify_one();
    m_checkpointWake.notify_one();
    m_thread.join();
    m_checkpointThread.join();
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_checkpointer)
        sqlite3_close_v2(m_checkpointer);
}

void WalSync::request(quint64 position)
{
    {
        const std::lock_guard lock(m_mutex);
        if (position <= m_requested)
            return;
        m_requested = position;
    }
    m_wake.notify_one();
}

void WalSync::setHeld(bool held)
{
    {
        const std::lock_guard lock(m_mutex);
        m_held = held;
    }
    m_wake.notify_one();
}

int WalSync::walDescriptor()
{
    struct stat now = {};
    const QByteArray path = QFile::encodeName(m_walPath);
    if (::stat(path.constData(), &now) != 0)
        return m_fd; // none yet (nothing written), or gone with the last connection
    if (m_fd >= 0 && quint64(now.st_ino) == m_inode)
        return m_fd;
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    m_inode = quint64(now.st_ino);
    // A new WAL file: its directory entry must reach the disk too.
    const QByteArray dir = QFile::encodeName(QFileInfo(m_walPath).absolutePath());
    if (const int d = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); d >= 0) {
        ::fsync(d);
        ::close(d);
    }
    return m_fd;
}

void WalSync::checkpointSoon()
{
    {
        const std::lock_guard lock(m_mutex);
        if (m_checkpointWanted)
            return;
        m_checkpointWanted = true;
    }
    m_checkpointWake.notify_one();
}

void WalSync::checkpointLoop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_checkpointWake.wait(lock, [this] { return m_stop || m_checkpointWanted; });
        if (m_stop)
            return;
        lock.unlock();
        checkpoint();
        lock.lock();
        m_checkpointWanted = false;
    }
}

void WalSync::checkpoint()
{
    if (!m_checkpointer
        && sqlite3_open_v2(QFile::encodeName(m_databasePath).constData(), &m_checkpointer,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr)
            != SQLITE_OK) {
        qCWarning(lcStore) << "the log cannot be folded in on the side:"
                           << sqlite3_errmsg(m_checkpointer);
        sqlite3_close_v2(m_checkpointer);
        m_checkpointer = nullptr;
        return;
    }
    if (!m_checkpointerReady) {
        // A connection takes the WAL on at its first read.
        m_checkpointerReady = sqlite3_exec(m_checkpointer, "SELECT COUNT(*) FROM sqlite_master",
                                           nullptr, nullptr, nullptr)
            == SQLITE_OK;
        if (!m_checkpointerReady)
            return;
        sqlite3_busy_timeout(m_checkpointer, 2000);
    }
    // PASSIVE copies the bulk without holding the writer up. It can never finish while
    // commits keep coming, though, and only a finished checkpoint lets the log start over:
    // TRUNCATE then takes the write lock for the little that is left (the writer waits that
    // long, a few milliseconds) and empties the log. Busy is fine; the next request tries again.
    for (const int mode : {SQLITE_CHECKPOINT_PASSIVE, SQLITE_CHECKPOINT_TRUNCATE}) {
        const int rc = sqlite3_wal_checkpoint_v2(m_checkpointer, nullptr, mode, nullptr, nullptr);
        if (rc == SQLITE_BUSY)
            return;
        if (rc != SQLITE_OK) {
            qCWarning(lcStore) << "folding the log in failed:" << sqlite3_errmsg(m_checkpointer);
            return;
        }
    }
}

void WalSync::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || (!m_held && m_requested > m_done); });
        if (m_requested <= m_done && m_stop)
            return;
        // Under concurrent load (the last sync covered more than one commit), wait for more
        // commits to share this sync, as PostgreSQL's commit_delay does, but no longer than
        // the last sync took: an fdatasync costs ~0.4 ms of CPU on a virtual disk, and a
        // commit then waits at most one sync more. A lone client's commits sync at once.
        if (m_lastBatch > 1 && !m_stop) {
            m_wake.wait_for(lock, std::min(m_lastSyncTime, MaxGather),
                            [this] { return m_stop || m_held; });
            if (m_held && !m_stop)
                continue;
        }
        const quint64 target = m_requested;
        m_lastBatch = target - m_done;
        lock.unlock();
        const auto started = std::chrono::steady_clock::now();
        const int fd = walDescriptor();
        if (fd >= 0 && ::fdatasync(fd) != 0) {
            qCCritical(lcStore).noquote()
                << "the database's log could not be written to disk:" << std::strerror(errno)
                << "- stopping, so that nothing is reported stored that may not be";
            std::abort();
        }
        const auto took = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started);
        lock.lock();
        m_done = target;
        m_lastSyncTime = took;
        lock.unlock();
        Q_EMIT synced(target);
        lock.lock();
    }
}

} // namespace Switchboard
