#include "api/apiserver.h"

#include "common/logging.h"
#include "service/coreservice.h"

#include <QElapsedTimer>

namespace Switchboard {

ApiServer::ApiServer(CoreService &core, TokenStore tokens, QObject *parent)
    : HttpService(parent)
    , m_core(core)
    , m_tokens(std::move(tokens))
{
    route("GET", QStringLiteral("/healthz"),
          [](const HttpRequest &, const HttpReply &reply, const QStringList &) {
              reply.sendJson(200, {{QStringLiteral("ok"), true}});
          });
    route("GET", QStringLiteral("/api/v1/status"),
          [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
              reply.sendJson(200, m_core.statusDocument(QString(), 0));
          });
    const auto control = [this](const HttpRequest &req, const HttpReply &reply,
                                const QStringList &) {
        onControl(req, reply);
    };
    route("POST", QStringLiteral("/webhook/manager/control"), control);
    route("POST", QStringLiteral("/api/v1/control"), control);
}

bool ApiServer::filter(HttpRequest &request, const HttpReply &reply)
{
    if (request.path == QLatin1String("/healthz"))
        return true;
    const QByteArray auth = request.header("Authorization");
    if (!auth.startsWith("Bearer ")) {
        reply.send(401,
                   R"({"error":"authentication required: send Authorization: Bearer <token>"})",
                   "application/json", {{"WWW-Authenticate", "Bearer"}});
        return false;
    }
    const auto role = m_tokens.roleFor(auth.mid(7).trimmed());
    if (!role) {
        reply.send(401, R"({"error":"the bearer token is not valid"})", "application/json",
                   {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
        return false;
    }
    request.role = toWire(*role);
    return true;
}

bool ApiServer::allow(const HttpRequest &request, const HttpReply &reply, Role minimum)
{
    const auto role = roleFromWire(request.role);
    if (role && int(*role) >= int(minimum))
        return true;
    reply.sendError(403,
                    QStringLiteral("the %1 role may not do this; it needs %2")
                        .arg(request.role, toWire(minimum)));
    return false;
}

void ApiServer::onControl(const HttpRequest &request, const HttpReply &reply)
{
    auto body = request.jsonBody();
    if (!body)
        return reply.sendError(400, body.error().message);
    const QString action = body->value(QLatin1String("action")).toString();
    if (action == QLatin1String("test")) {
        if (!allow(request, reply, Role::Manager))
            return;
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_core.runChecks([this, reply, timer] {
            reply.sendJson(200, m_core.statusDocument(QStringLiteral("test"), timer->elapsed()));
        });
        return;
    }
    if (action == QLatin1String("reset_circuit_breaker")) {
        if (!allow(request, reply, Role::Admin))
            return;
        const QString module = body->value(QLatin1String("module")).toString();
        Status st = m_core.resetCircuitBreaker(module);
        if (!st)
            return reply.sendError(400, st.error().message, st.error().field);
        return reply.sendJson(200, m_core.statusDocument(action, 0));
    }
    reply.sendError(
        400,
        action.isEmpty()
            ? QStringLiteral("the body needs an \"action\"")
            : QStringLiteral("unknown action \"%1\" (expected test or reset_circuit_breaker)")
                  .arg(action),
        QStringLiteral("action"));
}

} // namespace Switchboard
