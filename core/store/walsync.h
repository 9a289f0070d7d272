#pragma once

#include <QObject>
#include <QString>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace Switchboard {

// Makes a WAL database's commits durable on a second thread. The connection commits with
// synchronous=NORMAL (SQLite writes the WAL without waiting for the disk); this thread then
// fdatasync()s the WAL, and one sync covers every commit written before it began (group
// commit). What depends on a commit being power-loss safe waits for synced(). A failed sync
// is fatal, as in PostgreSQL: after one, the kernel may have dropped the pages, and only a
// restart from what is on disk is safe.
//
// The same thread checkpoints the WAL into the database (its own connection, PASSIVE: the
// writer is never blocked) once the WAL passes CheckpointBytes, so the database file's sync
// is not on the event loop either; the connection's own automatic checkpoints are off.
class WalSync final : public QObject
{
    Q_OBJECT

public:
    explicit WalSync(const QString &databasePath, QObject *parent = nullptr);
    ~WalSync() override;

    // Everything written to the WAL before this call is to be made durable and then reported
    // as position. Positions only grow.
    void request(quint64 position);

    // Tests: while held, no sync starts (what waits for one stays waiting).
    void setHeld(bool held);

    static constexpr qint64 CheckpointBytes = 16LL * 1024 * 1024;

Q_SIGNALS:
    // Every commit up to position is durable. Delivered on the owner's thread.
    void synced(quint64 position);

private:
    void loop();
    // The WAL's descriptor, (re)opened when the file is new; -1 when there is none yet.
    int walDescriptor();
    // Copies the WAL into the database when it has grown past CheckpointBytes.
    void checkpointIfLarge();

    const QString m_databasePath;
    const QString m_walPath;
    sqlite3 *m_checkpointer = nullptr; // this thread's own connection
    bool m_checkpointerReady = false;
    int m_fd = -1;
    quint64 m_inode = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    quint64 m_requested = 0;
    quint64 m_done = 0;
    bool m_held = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Switchboard
