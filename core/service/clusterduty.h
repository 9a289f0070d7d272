#pragma once

#include <QObject>
#include <QString>

class QTimer;

namespace Switchboard {

class Database;

// A job the cores sharing a store do once between them: checking the modules and taking their
// events, raising alerts and sending notifications, pruning, the morning report. The core
// whose database session holds the job's advisory lock does it; the others ask again every few
// seconds, and one of them takes over within that time once the holder stops (its session ends
// and the lock with it). A core with a store of its own holds it from the start.
class ClusterDuty final : public QObject
{
    Q_OBJECT

public:
    ClusterDuty(Database &db, const QString &name, QObject *parent = nullptr);

    // Asks at once (gained() before this returns when the lock is free), then every retryMs:
    // for the lock while another core holds it, whether it is still held once it is.
    void start(int retryMs = 5000);
    bool held() const { return m_held; }

Q_SIGNALS:
    void gained();
    // The lock went with the session (the connection to the store broke): another core may
    // have taken the job already, so this one must stop doing it.
    void lost();

private:
    void ask();

    Database &m_db;
    QString m_name;
    QTimer *m_timer;
    bool m_held = false;
};

} // namespace Switchboard
