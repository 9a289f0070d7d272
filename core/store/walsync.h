#pragma once

#include <QObject>
#include <QString>
#include <chrono>
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
// A third thread checkpoints the WAL into the database when asked (its own connection,
// PASSIVE: the writer is never blocked), so the database file's sync is neither on the event
// loop nor in the way of the log's syncs; Database asks once the WAL holds CheckpointPages.
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

    // Copies the WAL into the database soon, on the checkpoint thread.
    void checkpointSoon();

    static constexpr int CheckpointPages = 4000; // SQLite's own default is 1,000
    // The longest a sync waits for more commits while several clients commit.
    static constexpr std::chrono::microseconds MaxGather {1000};

Q_SIGNALS:
    // Every commit up to position is durable. Delivered on the owner's thread.
    void synced(quint64 position);

private:
    void loop();
    void checkpointLoop();
    // The WAL's descriptor, (re)opened when the file is new; -1 when there is none yet.
    int walDescriptor();
    // Copies the WAL into the database (on the checkpoint thread).
    void checkpoint();

    const QString m_databasePath;
    const QString m_walPath;
    sqlite3 *m_checkpointer = nullptr; // the checkpoint thread's own connection
    bool m_checkpointerReady = false;
    int m_fd = -1;
    quint64 m_inode = 0;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    quint64 m_requested = 0;
    quint64 m_done = 0;
    quint64 m_lastBatch = 0; // commits the last sync covered
    std::chrono::microseconds m_lastSyncTime {0}; // how long it took
    bool m_held = false;
    bool m_stop = false;
    bool m_checkpointWanted = false;
    std::condition_variable m_checkpointWake;
    std::thread m_thread;
    std::thread m_checkpointThread;
};

} // namespace Switchboard
