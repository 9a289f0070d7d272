#include "api/taskroutes.h"

#include "api/apiserver.h"
#include "audit/auditlog.h"
#include "engine/workflowengine.h"
#include "review/reviewdesk.h"
#include "service/coreservice.h"

#include <QJsonArray>
#include <QPointer>

namespace Switchboard {

void TaskRoutes::install(ApiServer &server, CoreService &core)
{
    const auto mayReadPhi = [](const HttpRequest &req) {
        const auto role = roleFromWire(req.role);
        return role && TokenStore::mayReadPhi(*role);
    };
    server.route("GET", QStringLiteral("/api/v1/review/queues"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                     reply.sendJson(200, {{QStringLiteral("queues"), core.review()->queues()}});
                 });
    server.route(
        "GET", QStringLiteral("/api/v1/tasks"),
        [&core, mayReadPhi](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            const QString queue = req.query.queryItemValue(QStringLiteral("queue"));
            const QString status = req.query.queryItemValue(QStringLiteral("status"));
            QJsonArray tasks;
            if (status.isEmpty() || status == QLatin1String("open")) {
                auto open = core.review()->openTasks(queue, mayReadPhi(req));
                if (!open)
                    return reply.sendError(open.error());
                tasks = *open;
            } else {
                auto found = core.engine()->tasks(queue, status);
                if (!found)
                    return reply.sendError(found.error());
                for (const auto &t : std::as_const(*found))
                    tasks.append(mayReadPhi(req) ? t.toObject() : ReviewDesk::masked(t.toObject()));
            }
            reply.sendJson(200, {{QStringLiteral("tasks"), tasks}});
        });
    server.route(
        "GET", QStringLiteral("/api/v1/tasks/{id}"),
        [&core, mayReadPhi](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            ApiServer::sendResult(reply, 200, core.review()->task(p.at(0), mayReadPhi(req)));
        });
    // Claiming and deciding need the task's role (support; manager once escalated) or above.
    const auto mayWork = [&core](const HttpRequest &req, const HttpReply &reply,
                                 const QString &taskId) {
        auto task = core.engine()->task(taskId);
        if (!task) {
            reply.sendError(task.error());
            return false;
        }
        const auto needed = roleFromWire(task->value(QLatin1String("role")).toString());
        return ApiServer::allow(req, reply, needed.value_or(Role::Support));
    };
    server.route("POST", QStringLiteral("/api/v1/tasks/{id}/claim"),
                 [&core, mayWork, mayReadPhi](const HttpRequest &req, const HttpReply &reply,
                                              const QStringList &p) {
                     if (!mayWork(req, reply, p.at(0)))
                         return;
                     if (Status st = core.review()->claim(p.at(0), req.actor); !st)
                         return reply.sendError(st.error());
                     ApiServer::sendResult(reply, 200,
                                           core.review()->task(p.at(0), mayReadPhi(req)));
                 });
    server.route(
        "POST", QStringLiteral("/api/v1/tasks/{id}/release"),
        [&core, mayReadPhi](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            if (!ApiServer::allow(req, reply, Role::Support))
                return;
            if (Status st = core.review()->release(p.at(0), req.actor); !st)
                return reply.sendError(st.error());
            ApiServer::sendResult(reply, 200, core.review()->task(p.at(0), mayReadPhi(req)));
        });
    server.route("POST", QStringLiteral("/api/v1/tasks/{id}/decision"),
                 [&core, mayWork, mayReadPhi](const HttpRequest &req, const HttpReply &reply,
                                              const QStringList &p) {
                     if (!mayWork(req, reply, p.at(0)))
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .required(QStringLiteral("decision"), RequestSchema::Type::String)
                             .range(1, 100)
                             .optional(QStringLiteral("fields"), RequestSchema::Type::Object)
                             .optional(QStringLiteral("comment"), RequestSchema::Type::String)
                             .range(0, 4000);
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     auto decided = core.review()->decide(
                         p.at(0), body->value(QLatin1String("decision")).toString(),
                         body->value(QLatin1String("fields")).toObject(),
                         body->value(QLatin1String("comment")).toString(), req.actor);
                     if (!decided)
                         return reply.sendError(decided.error());
                     reply.sendJson(200, mayReadPhi(req) ? *decided : ReviewDesk::masked(*decided));
                 });
    server.route(
        "POST", QStringLiteral("/api/v1/tasks/decisions"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            if (!ApiServer::allow(req, reply, Role::Support))
                return;
            static const RequestSchema schema =
                RequestSchema()
                    .required(QStringLiteral("ids"), RequestSchema::Type::Array)
                    .required(QStringLiteral("decision"), RequestSchema::Type::String)
                    .range(1, 100);
            auto body = ApiServer::body(req, schema);
            if (!body)
                return reply.sendError(body.error());
            QStringList ids;
            for (const auto &v : body->value(QLatin1String("ids")).toArray()) {
                if (!v.isString() || v.toString().isEmpty())
                    return reply.sendError(400,
                                           QStringLiteral("\"ids\" must list task ids as strings"),
                                           QStringLiteral("ids"));
                ids << v.toString();
            }
            if (ids.isEmpty())
                return reply.sendError(400, QStringLiteral("\"ids\" must list the tasks"),
                                       QStringLiteral("ids"));
            reply.sendJson(
                200,
                {{QStringLiteral("results"),
                  core.review()->decideMany(ids, body->value(QLatin1String("decision")).toString(),
                                            req.actor)}});
        });
    server.route(
        "GET", QStringLiteral("/api/v1/audit"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            const Status chain = core.audit()->verify();
            reply.sendJson(
                200,
                {{QStringLiteral("entries"),
                  core.audit()->entries(
                      req.query.queryItemValue(QStringLiteral("after")).toLongLong(),
                      std::clamp(req.query.hasQueryItem(QStringLiteral("limit"))
                                     ? req.query.queryItemValue(QStringLiteral("limit")).toInt()
                                     : 200,
                                 1, 1000))},
                 {QStringLiteral("chain_ok"), chain.ok()},
                 {QStringLiteral("waiting"), core.audit()->waiting()}});
        });
}

} // namespace Switchboard
