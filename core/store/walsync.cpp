#include "store/walsync.h"

#include "common/logging.h"

#include <QDir>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Switchboard {

WalSync::WalSync(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_walPath(databasePath + QStringLiteral("-wal"))
    , m_thread([this] { loop(); })
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
    m_thread.join();
    if (m_fd >= 0)
        ::close(m_fd);
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

void WalSync::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stop || (!m_held && m_requested > m_done); });
        if (m_requested <= m_done && m_stop)
            return;
        const quint64 target = m_requested;
        lock.unlock();
        const int fd = walDescriptor();
        if (fd >= 0 && ::fdatasync(fd) != 0) {
            qCCritical(lcStore).noquote()
                << "the database's log could not be written to disk:" << std::strerror(errno)
                << "- stopping, so that nothing is reported stored that may not be";
            std::abort();
        }
        lock.lock();
        m_done = target;
        lock.unlock();
        Q_EMIT synced(target);
        lock.lock();
    }
}

} // namespace Switchboard
