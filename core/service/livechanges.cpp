#include "service/livechanges.h"

#include "api/livefeed.h"
#include "engine/workflowengine.h"
#include "review/reviewdesk.h"
#include "service/coreservice.h"
#include "status/statusdocument.h"

#include <QJsonArray>

namespace Switchboard::LiveChanges {

namespace {

QJsonObject overviewJson(const SystemOverview &overview)
{
    QJsonArray alerts;
    for (const StatusAlert &alert : overview.alerts)
        alerts.append(StatusDocument::alertJson(alert));
    return {{QStringLiteral("health"), toWire(overview.health)},
            {QStringLiteral("env_ok"), overview.envOk},
            {QStringLiteral("last_check"),
             overview.lastCheck.isValid()
                 ? QJsonValue(overview.lastCheck.toUTC().toString(Qt::ISODateWithMs))
                 : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("dead_letters"), overview.deadLetters},
            {QStringLiteral("kpis"), overview.kpis},
            {QStringLiteral("review_queues"), overview.reviewQueues},
            {QStringLiteral("alerts"), alerts}};
}

} // namespace

void publish(CoreService &core, LiveFeed &feed)
{
    QObject::connect(&core, &CoreService::moduleChanged, &feed,
                     [&feed](const ModuleSnapshot &snapshot) {
                         QJsonObject module = StatusDocument::moduleJson(snapshot);
                         module.insert(QStringLiteral("id"), snapshot.id);
                         feed.publish(QStringLiteral("module"), module);
                     });
    QObject::connect(&core, &CoreService::overviewChanged, &feed,
                     [&feed](const SystemOverview &overview) {
                         feed.publish(QStringLiteral("overview"), overviewJson(overview));
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
