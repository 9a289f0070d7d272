#include "api/credentialroutes.h"

#include "api/apiserver.h"
#include "modules/modulecatalog.h"
#include "modules/modulecredentials.h"
#include "service/coreservice.h"

namespace Switchboard::CredentialRoutes {

namespace {

// The module the path names, or a 404 sent.
bool known(const QString &id, const HttpReply &reply)
{
    if (ModuleCatalog::find(id))
        return true;
    reply.sendError(404,
                    QStringLiteral("no module \"%1\" (expected one of 01_intake … "
                                   "09_compliance)")
                        .arg(id),
                    QStringLiteral("id"));
    return false;
}

} // namespace

void install(ApiServer &server, CoreService &core)
{
    const QString path = QStringLiteral("/api/v1/modules/{id}/credential");
    server.route("GET", path,
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin) || !known(p.at(0), reply))
                         return;
                     reply.sendJson(200, core.credentials()->describe(p.at(0)));
                 });
    server.route("PUT", path,
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin) || !known(p.at(0), reply))
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .required(QStringLiteral("kind"), RequestSchema::Type::String)
                             .oneOf({QStringLiteral("api_key"), QStringLiteral("bearer")})
                             .optional(QStringLiteral("header"), RequestSchema::Type::String)
                             .range(1, 64)
                             .required(QStringLiteral("secret"), RequestSchema::Type::String)
                             .range(1, 4096);
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     ModuleCredential credential;
                     credential.kind = body->value(QLatin1String("kind")).toString();
                     credential.header =
                         body->value(QLatin1String("header")).toString(QStringLiteral("apikey"));
                     credential.secret = body->value(QLatin1String("secret")).toString();
                     const QString &module = p.at(0);
                     core.credentials()->set(
                         module, credential, req.actor, false, [&core, reply, module](Status st) {
                             if (!st)
                                 return reply.sendError(st.error());
                             reply.sendJson(200, core.credentials()->describe(module));
                         });
                 });
    server.route("DELETE", path,
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin) || !known(p.at(0), reply))
                         return;
                     core.credentials()->remove(p.at(0), req.actor,
                                                [reply](Status) { reply.send(204, QByteArray()); });
                 });
}

} // namespace Switchboard::CredentialRoutes
