#include "api/settingsroutes.h"

#include "api/accesstokens.h"
#include "api/apiserver.h"
#include "service/coreservice.h"
#include "service/settingsdesk.h"

namespace Switchboard {

void SettingsRoutes::install(ApiServer &server, CoreService &core)
{
    server.route("GET", QStringLiteral("/api/v1/settings"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     ApiServer::sendResult(reply, 200, core.settings()->overview());
                 });
    // {"settings": {"ERROR_THRESHOLD": "7", …}}: every value checked by the env file's rule,
    // all or nothing; an empty value goes back to the configuration's.
    server.route(
        "PUT", QStringLiteral("/api/v1/settings"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            static const RequestSchema schema =
                RequestSchema().required(QStringLiteral("settings"), RequestSchema::Type::Object);
            auto body = ApiServer::body(req, schema);
            if (!body)
                return reply.sendError(body.error());
            ApiServer::sendResult(
                reply, 200,
                core.changeSettings(body->value(QLatin1String("settings")).toObject(), req.actor));
        });
    server.route("POST", QStringLiteral("/api/v1/backups"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     auto path = core.settings()->backupNow(req.actor);
                     if (!path)
                         return reply.sendError(path.error());
                     reply.sendJson(201, {{QStringLiteral("path"), *path}});
                 });
    server.route("POST", QStringLiteral("/api/v1/backups/restore"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .required(QStringLiteral("backup"), RequestSchema::Type::String)
                             .range(1, 4096);
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     const QString backup = body->value(QLatin1String("backup")).toString();
                     if (Status st = core.settings()->restoreAtNextStart(backup, req.actor); !st)
                         return reply.sendError(st.error());
                     reply.sendJson(202, {{QStringLiteral("restore_at_next_start"), backup}});
                 });

    // People and access: the tokens issued here, never their secrets after issuing.
    server.route("GET", QStringLiteral("/api/v1/tokens"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     auto tokens = core.accessTokens()->list();
                     if (!tokens)
                         return reply.sendError(tokens.error());
                     reply.sendJson(200, {{QStringLiteral("tokens"), *tokens}});
                 });
    // {"name": "Reception desk", "role": "support"} → the token, shown this once.
    server.route("POST", QStringLiteral("/api/v1/tokens"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .required(QStringLiteral("name"), RequestSchema::Type::String)
                             .range(1, 60)
                             .required(QStringLiteral("role"), RequestSchema::Type::String)
                             .oneOf({QStringLiteral("viewer"), QStringLiteral("support"),
                                     QStringLiteral("manager"), QStringLiteral("admin")})
                             .closed();
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     auto issued = core.accessTokens()->issue(
                         body->value(QLatin1String("name")).toString(),
                         *roleFromWire(body->value(QLatin1String("role")).toString()), req.actor);
                     if (!issued)
                         return reply.sendError(issued.error());
                     QJsonObject out = issued->entry;
                     out.insert(QStringLiteral("token"), issued->token);
                     reply.sendJson(201, out);
                 });
    server.route("DELETE", QStringLiteral("/api/v1/tokens/{id}"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     if (Status st = core.accessTokens()->revoke(p.at(0).toLongLong(), req.actor);
                         !st)
                         return reply.sendError(st.error());
                     reply.send(204, {});
                 });
}

} // namespace Switchboard
