#pragma once

#include "health/modulesnapshot.h"
#include "status/systemoverview.h"

#include <QObject>

namespace Switchboard {

// What the console needs from a core, wherever it runs: the embedded implementation runs one
// in-process on its own thread; a remote one speaks HTTP + WebSocket; tests use fakes.
class Orchestrator : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts the core (or the connection); ready() or failed() follows.
    virtual void start() = 0;
    // "Embedded core" or the remote URL, for the status bar.
    virtual QString connectionLabel() const = 0;
    // Whether the demo clinic (a simulated fleet) is what is being watched.
    virtual bool isDemo() const = 0;

    virtual void checkNow() = 0;
    virtual void checkModule(const QString &moduleId) = 0;
    virtual void resetCircuitBreaker(const QString &moduleId) = 0;
    // Builds the dashboard report (see DashboardReport); reportReady() follows, with an empty
    // page while the core is not running.
    virtual void requestReport() = 0;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    void moduleChanged(const Switchboard::ModuleSnapshot &snapshot);
    void overviewChanged(const Switchboard::SystemOverview &overview);
    void reportReady(const QString &html);
};

} // namespace Switchboard
