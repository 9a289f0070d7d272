// CoreService's part in a clinic of several cores sharing one PostgreSQL store: the jobs one
// core does for all (ClusterDuty), and what the other cores change that this one keeps in
// memory.
#include "alerts/alertbook.h"
#include "common/logging.h"
#include "health/healthmonitor.h"
#include "notify/notifier.h"
#include "report/reportpublisher.h"
#include "service/clustermirror.h"
#include "service/coreservice.h"
#include "service/settingsdesk.h"
#include "store/workflowstore.h"

namespace Switchboard {

void CoreService::takeDuties()
{
    if (m_mirror->following()) {
        m_mirror->stop();
        if (Status loaded = m_alertBook->load(); !loaded)
            qCWarning(lcService) << "cannot read the alerts:" << loaded.error().message;
    }
    m_monitor->start();
    startRetention();
    if (Status sending = m_notifier->startSending(); !sending)
        qCWarning(lcService) << "notifications cannot be sent yet:" << sending.error().message;
    if (!m_options.reportDir.isEmpty() || m_config.publishing.toS3())
        m_report->schedule(m_options.reportDir,
                           [this](std::function<void()> done) { runChecks(std::move(done)); });
}

void CoreService::applyOtherCoresChange(const QString &topic)
{
    qCDebug(lcService).noquote() << "another core changed" << topic;
    if (topic == QLatin1String("workflows")) {
        m_workflows->invalidate();
        refreshOverview();
    } else if (topic == QLatin1String("settings") || topic == QLatin1String("modules")) {
        if (topic == QLatin1String("settings")) {
            if (Status applied = m_settings->applyStored(); !applied) {
                qCWarning(lcService) << "the settings another core changed are not applied:"
                                     << applied.error().message;
                return;
            }
        }
        if (Status switched = applyModuleSettings(); !switched)
            qCWarning(lcService) << "module switches not read:" << switched.error().message;
        applySettings();
    } else if (topic == QLatin1String("alerts") && !m_mirror->following()) {
        if (Status read = m_alertBook->refresh(); !read)
            qCWarning(lcService) << "cannot read the alerts:" << read.error().message;
    }
}

} // namespace Switchboard
