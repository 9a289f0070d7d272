#include "api/userroutes.h"

#include "api/apiserver.h"
#include "api/useraccounts.h"
#include "service/coreservice.h"

namespace Switchboard {

namespace {

const QStringList Roles {QStringLiteral("viewer"), QStringLiteral("support"),
                         QStringLiteral("manager"), QStringLiteral("admin")};

// A password in a body: present, text, within the policy's bounds (checked in full later).
RequestSchema &password(RequestSchema &schema, const char *name)
{
    return schema.required(QLatin1String(name), RequestSchema::Type::String).range(1, 1024);
}

// 204 when it was done, the error otherwise.
UserAccounts::Done noContent(const HttpReply &reply)
{
    return [reply](Result<QJsonObject> done) {
        if (!done)
            return reply.sendError(done.error());
        reply.send(204, {});
    };
}

void sendUser(const HttpReply &reply, int status, const Result<QJsonObject> &user)
{
    ApiServer::sendResult(reply, status, user);
}

} // namespace

void UserRoutes::install(ApiServer &server, CoreService &core)
{
    // {"name", "password"} → {"token", "expires_at", "user"}. Every refusal reads the same,
    // whatever the reason (the audit log says which); a name locked after wrong passwords
    // answers 429.
    server.route(
        "POST", QStringLiteral("/api/v1/login"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            static const RequestSchema schema = [] {
                RequestSchema s;
                s.required(QStringLiteral("name"), RequestSchema::Type::String).range(1, 60);
                password(s, "password");
                s.closed();
                return s;
            }();
            auto body = ApiServer::body(req, schema);
            if (!body)
                return reply.sendError(body.error());
            core.users()->login(body->value(QLatin1String("name")).toString(),
                                body->value(QLatin1String("password")).toString(),
                                [reply](Result<QJsonObject> session) {
                                    if (session)
                                        return reply.sendJson(200, *session);
                                    const Error &e = session.error();
                                    if (e.kind == ErrorKind::Invalid)
                                        return reply.sendError(401, e.message, e.field);
                                    if (e.kind == ErrorKind::Conflict)
                                        return reply.sendError(429, e.message, e.field);
                                    reply.sendError(e);
                                });
        });
    server.route("POST", QStringLiteral("/api/v1/logout"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     const QByteArray token = req.header("Authorization").mid(7).trimmed();
                     if (!UserAccounts::isSessionToken(token))
                         return reply.sendError(
                             400,
                             QStringLiteral("this is a service token, not a session; an "
                                            "admin revokes it in Settings › API tokens"));
                     if (Status st = core.users()->logout(token); !st)
                         return reply.sendError(st.error());
                     reply.send(204, {});
                 });
    server.route(
        "GET", QStringLiteral("/api/v1/me"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            QJsonObject me {{QStringLiteral("name"), req.actor},
                            {QStringLiteral("role"), req.role},
                            {QStringLiteral("queues"), QJsonArray::fromStringList(req.queues)}};
            const QByteArray token = req.header("Authorization").mid(7).trimmed();
            if (const auto holder = UserAccounts::isSessionToken(token) ? core.users()->check(token)
                                                                        : std::nullopt) {
                me.insert(QStringLiteral("display_name"), holder->displayName);
                me.insert(QStringLiteral("kind"), QStringLiteral("session"));
                me.insert(QStringLiteral("expires_at"),
                          QDateTime::fromMSecsSinceEpoch(holder->expiresAt, Qt::UTC)
                              .toString(Qt::ISODate));
            } else {
                me.insert(QStringLiteral("display_name"), req.actor);
                me.insert(QStringLiteral("kind"), QStringLiteral("token"));
            }
            reply.sendJson(200, me);
        });
    server.route("POST", QStringLiteral("/api/v1/me/password"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     static const RequestSchema schema = [] {
                         RequestSchema s;
                         password(s, "current");
                         password(s, "password");
                         s.closed();
                         return s;
                     }();
                     const QByteArray token = req.header("Authorization").mid(7).trimmed();
                     if (!UserAccounts::isSessionToken(token))
                         return reply.sendError(400,
                                                QStringLiteral("a service token has no password"));
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     core.users()->changePassword(
                         req.actor, body->value(QLatin1String("current")).toString(),
                         body->value(QLatin1String("password")).toString(), noContent(reply));
                 });

    server.route("GET", QStringLiteral("/api/v1/users"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     auto users = core.users()->list();
                     if (!users)
                         return reply.sendError(users.error());
                     reply.sendJson(200, {{QStringLiteral("users"), *users}});
                 });
    // {"name", "display_name", "role", "password", "queues"} → the person, 201.
    server.route(
        "POST", QStringLiteral("/api/v1/users"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            static const RequestSchema schema = [] {
                RequestSchema s;
                s.required(QStringLiteral("name"), RequestSchema::Type::String).range(1, 60);
                s.required(QStringLiteral("display_name"), RequestSchema::Type::String)
                    .range(1, 80);
                s.required(QStringLiteral("role"), RequestSchema::Type::String).oneOf(Roles);
                password(s, "password");
                s.optional(QStringLiteral("queues"), RequestSchema::Type::Array);
                s.closed();
                return s;
            }();
            auto body = ApiServer::body(req, schema);
            if (!body)
                return reply.sendError(body.error());
            QStringList queues;
            for (const QJsonValue v : body->value(QLatin1String("queues")).toArray())
                queues << v.toString();
            core.users()->create({body->value(QLatin1String("name")).toString(),
                                  body->value(QLatin1String("display_name")).toString(),
                                  *roleFromWire(body->value(QLatin1String("role")).toString()),
                                  queues},
                                 body->value(QLatin1String("password")).toString(), req.actor,
                                 [reply](Result<QJsonObject> user) { sendUser(reply, 201, user); });
        });
    // Any of {"display_name", "role", "queues", "disabled"}.
    server.route(
        "PATCH", QStringLiteral("/api/v1/users/{id}"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            static const RequestSchema schema = [] {
                RequestSchema s;
                s.optional(QStringLiteral("display_name"), RequestSchema::Type::String)
                    .range(1, 80);
                s.optional(QStringLiteral("role"), RequestSchema::Type::String).oneOf(Roles);
                s.optional(QStringLiteral("queues"), RequestSchema::Type::Array);
                s.optional(QStringLiteral("disabled"), RequestSchema::Type::Boolean);
                s.closed();
                return s;
            }();
            auto body = ApiServer::body(req, schema);
            if (!body)
                return reply.sendError(body.error());
            sendUser(reply, 200, core.users()->update(p.at(0).toLongLong(), *body, req.actor));
        });
    server.route("POST", QStringLiteral("/api/v1/users/{id}/password"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     static const RequestSchema schema = [] {
                         RequestSchema s;
                         password(s, "password");
                         s.closed();
                         return s;
                     }();
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     core.users()->resetPassword(p.at(0).toLongLong(),
                                                 body->value(QLatin1String("password")).toString(),
                                                 req.actor, noContent(reply));
                 });
}

} // namespace Switchboard
