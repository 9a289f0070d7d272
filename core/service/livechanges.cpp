#include "service/livechanges.h"

#include "api/livefeed.h"
#include "engine/workflowengine.h"
#include "remote/snapshotjson.h"
#include "review/reviewdesk.h"
#include "service/coreservice.h"

namespace Switchboard::LiveChanges {

void publish(CoreService &core, LiveFeed &feed)
{
    QObject::connect(&core, &CoreService::moduleChanged, &feed,
                     [&feed](const ModuleSnapshot &snapshot) {
                         feed.publish(QStringLiteral("module"), SnapshotJson::toJson(snapshot));
                     });
    QObject::connect(&core, &CoreService::overviewChanged, &feed,
                     [&feed](const SystemOverview &overview) {
                         feed.publish(QStringLiteral("overview"), SnapshotJson::toJson(overview));
                     });
    QObject::connect(&core, &CoreService::alertsChanged, &feed,
                     [&feed] { feed.publish(QStringLiteral("alerts"), {}); });
    QObject::connect(core.engine(), &WorkflowEngine::taskChanged, &feed,
                     [&feed, review = core.review()](const QJsonObject &task) {
                         feed.publish(QStringLiteral("task"), review->named(task));
                     });
    QObject::connect(core.engine(), &WorkflowEngine::executionChanged, &feed,
                     [&feed](const QString &id, const QString &status) {
                         feed.publish(
                             QStringLiteral("execution"),
                             {{QStringLiteral("id"), id}, {QStringLiteral("status"), status}});
                     });
}

} // namespace Switchboard::LiveChanges
