#pragma once

#include <QObject>

class QSocketNotifier;

namespace Switchboard {

// SIGTERM (systemd's stop, a package upgrade) and SIGINT (Ctrl+C) as a Qt signal, so the
// program leaves its event loop and stops cleanly: the database is closed with its WAL folded
// in and the data folder's lock released, and the next start need not check every page. Without
// this, every `systemctl stop` was an unclean stop.
//
// The handler only writes a byte to a socket pair (async-signal-safe); the rest happens on the
// event loop. One instance per process.
class StopSignals : public QObject
{
    Q_OBJECT

public:
    explicit StopSignals(QObject *parent = nullptr);
    ~StopSignals() override;

    // Whether the handlers are installed.
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    // The name of the signal that asked to stop ("SIGTERM" or "SIGINT").
    void stopRequested(const QString &signalName);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Switchboard
