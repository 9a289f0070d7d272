#include "service/clusterduty.h"

#include "common/logging.h"
#include "store/database.h"

#include <QTimer>

namespace Switchboard {

ClusterDuty::ClusterDuty(Database &db, const QString &name, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_name(name)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &ClusterDuty::ask);
}

void ClusterDuty::start(int retryMs)
{
    ask();
    // A store of the core's own is held for good: nothing to ask again.
    if (!(m_held && !m_db.isPostgres()))
        m_timer->start(retryMs);
}

void ClusterDuty::ask()
{
    auto holds = m_db.holdClusterLock(m_name);
    if (!holds) {
        qCWarning(lcService) << "cannot ask for the" << m_name << "duty:" << holds.error().message;
        // A store that does not answer: the session, and the lock with it, may be gone.
        if (m_held && holds.error().isTransient()) {
            m_held = false;
            m_timer->stop();
            Q_EMIT lost();
        }
        return;
    }
    if (*holds == m_held)
        return;
    m_held = *holds;
    if (m_held) {
        qCInfo(lcService).noquote() << "this core now does the" << m_name << "duty";
        Q_EMIT gained();
    } else {
        m_timer->stop();
        qCCritical(lcService).noquote() << "this core lost the" << m_name << "duty";
        Q_EMIT lost();
    }
}

} // namespace Switchboard
