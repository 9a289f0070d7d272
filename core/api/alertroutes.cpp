#include "api/alertroutes.h"

#include "alerts/alertbook.h"
#include "api/apiserver.h"
#include "notify/notifier.h"
#include "service/coreservice.h"

#include <QJsonArray>
#include <QPointer>

namespace Switchboard {

void AlertRoutes::install(ApiServer &server, CoreService &core)
{
    server.route("GET", QStringLiteral("/api/v1/alerts"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     const QString state = req.query.hasQueryItem(QStringLiteral("state"))
                         ? req.query.queryItemValue(QStringLiteral("state"))
                         : QStringLiteral("open");
                     auto alerts = core.alerts()->alerts(state);
                     if (!alerts)
                         return reply.sendError(alerts.error());
                     reply.sendJson(200,
                                    {{QStringLiteral("alerts"), *alerts},
                                     {QStringLiteral("paging"), core.alerts()->paging()}});
                 });
    server.route("GET", QStringLiteral("/api/v1/alerts/{id}"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &p) {
                     ApiServer::sendResult(reply, 200, core.alertDetails(p.at(0).toLongLong()));
                 });
    // ack | resolve | snooze, with an optional "note"; snooze takes "minutes".
    server.route("POST", QStringLiteral("/api/v1/alerts/{id}/{action}"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Support))
                         return;
                     // Snoozes last from a minute to a week; 60 minutes when left out.
                     static const RequestSchema schema =
                         RequestSchema()
                             .optional(QStringLiteral("note"), RequestSchema::Type::String)
                             .range(0, 1000)
                             .optional(QStringLiteral("minutes"), RequestSchema::Type::WholeNumber)
                             .range(1, 7 * 24 * 60);
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     ApiServer::sendResult(
                         reply, 200,
                         core.alerts()->act(p.at(0).toLongLong(), p.at(1), req.actor,
                                            body->value(QLatin1String("note")).toString(),
                                            body->value(QLatin1String("minutes")).toInt(60)));
                 });
    server.route("GET", QStringLiteral("/api/v1/silences"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                     reply.sendJson(200, {{QStringLiteral("silences"), core.alerts()->silences()}});
                 });
    server.route("POST", QStringLiteral("/api/v1/silences"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     auto body = req.jsonBody();
                     if (!body)
                         return reply.sendError(body.error());
                     auto added = core.alerts()->addSilence(*body, req.actor);
                     if (!added)
                         return reply.sendError(added.error());
                     reply.sendJson(201, *added);
                 });
    server.route("PUT", QStringLiteral("/api/v1/silences/{id}"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     auto body = req.jsonBody();
                     if (!body)
                         return reply.sendError(body.error());
                     auto updated =
                         core.alerts()->updateSilence(p.at(0).toLongLong(), *body, req.actor);
                     if (!updated)
                         return reply.sendError(updated.error());
                     reply.sendJson(200, *updated);
                 });
    server.route("DELETE", QStringLiteral("/api/v1/silences/{id}"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     if (Status st = core.alerts()->removeSilence(p.at(0).toLongLong(), req.actor);
                         !st)
                         return reply.sendError(st.error());
                     reply.send(204, {});
                 });
    // Notification channels; their secrets go in and never come out.
    server.route(
        "GET", QStringLiteral("/api/v1/channels"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            if (!ApiServer::allow(req, reply, Role::Manager))
                return;
            reply.sendJson(200, {{QStringLiteral("channels"), core.notifier()->channels()}});
        });
    server.route("PUT", QStringLiteral("/api/v1/channels/{id}"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     auto body = req.jsonBody();
                     if (!body)
                         return reply.sendError(body.error());
                     QJsonObject definition = *body;
                     const QString secret = definition.take(QLatin1String("secret")).toString();
                     definition.insert(QStringLiteral("id"), p.at(0));
                     core.notifier()->saveChannel(definition, secret, req.actor,
                                                  [reply](Result<QJsonObject> saved) {
                                                      if (!saved)
                                                          return reply.sendError(saved.error());
                                                      reply.sendJson(200, *saved);
                                                  });
                 });
    server.route("DELETE", QStringLiteral("/api/v1/channels/{id}"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     core.notifier()->removeChannel(p.at(0), req.actor, [reply](Status st) {
                         if (!st)
                             return reply.sendError(st.error());
                         reply.send(204, {});
                     });
                 });
    server.route("POST", QStringLiteral("/api/v1/channels/{id}/test"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     core.notifier()->sendTest(p.at(0), [reply](Status st) {
                         if (!st)
                             return reply.sendJson(502,
                                                   {{QStringLiteral("ok"), false},
                                                    {QStringLiteral("error"), st.error().message}});
                         reply.sendJson(200, {{QStringLiteral("ok"), true}});
                     });
                 });
}

} // namespace Switchboard
