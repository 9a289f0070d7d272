#pragma once

#include <QObject>

class QTimer;

namespace Switchboard {

class CoreService;

// The demo clinic's staff: nobody works the demo's review queues, so without them the queues
// would only grow (a document or a failed payment every few seconds). When more than MaxOpen
// tasks are open, they decide the oldest, as a person would (the first decision, the form as
// it stands, a missing required value filled in), until KeepOpen are left. Demo only.
class SimDemoStaff final : public QObject
{
    Q_OBJECT

public:
    explicit SimDemoStaff(CoreService &core, QObject *parent = nullptr);

    // One round; returns how many tasks were decided.
    int workQueue();

    static constexpr int MaxOpen = 10;
    static constexpr int KeepOpen = 6;
    static constexpr int IntervalMs = 20000;
    static QString name() { return QStringLiteral("demo-staff"); }

private:
    CoreService &m_core;
    QTimer *m_timer;
};

} // namespace Switchboard
