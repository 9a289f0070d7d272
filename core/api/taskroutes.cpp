#include "api/taskroutes.h"

#include "api/apiserver.h"
#include "audit/auditlog.h"
#include "engine/workflowengine.h"
#include "review/reviewdesk.h"
#include "service/coreservice.h"

#include <QJsonArray>
#include <QPointer>

namespace Switchboard {

namespace {

// Answers 403 (audited) when the task's queue is not the request's to work.
bool allowQueue(const HttpRequest &req, const HttpReply &reply, const QJsonObject &task)
{
    const QString queue = task.value(QLatin1String("queue")).toString();
    if (TaskRoutes::mayWorkQueue(req, queue))
        return true;
    if (req.refused)
        req.refused(req, QStringLiteral("queue ") + queue);
    reply.sendError(403,
                    QStringLiteral("%1 works the queues %2, not \"%3\"")
                        .arg(req.actor, req.queues.join(QStringLiteral(", ")), queue));
    return false;
}

} // namespace

bool TaskRoutes::mayWorkQueue(const HttpRequest &req, const QString &queue)
{
    const auto role = roleFromWire(req.role);
    return req.queues.isEmpty() || (role && *role > Role::Support) || req.queues.contains(queue);
}

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
            if (!queue.isEmpty() && !allowQueue(req, reply, {{QStringLiteral("queue"), queue}}))
                return;
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
                    tasks.append(core.review()->named(
                        mayReadPhi(req) ? t.toObject() : ReviewDesk::masked(t.toObject())));
            }
            QJsonArray mine;
            for (const QJsonValue t : std::as_const(tasks)) {
                if (mayWorkQueue(req, t[QLatin1String("queue")].toString()))
                    mine.append(t);
            }
            reply.sendJson(200, {{QStringLiteral("tasks"), mine}});
        });
    server.route(
        "GET", QStringLiteral("/api/v1/tasks/{id}"),
        [&core, mayReadPhi](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            auto task = core.review()->task(p.at(0), mayReadPhi(req));
            if (task && !allowQueue(req, reply, *task))
                return;
            ApiServer::sendResult(reply, 200, task);
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
        return ApiServer::allow(req, reply, needed.value_or(Role::Support))
            && allowQueue(req, reply, *task);
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
        [&core, mayWork, mayReadPhi](const HttpRequest &req, const HttpReply &reply,
                                     const QStringList &p) {
            if (!ApiServer::allow(req, reply, Role::Support) || !mayWork(req, reply, p.at(0)))
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
                     reply.sendJson(200,
                                    core.review()->named(
                                        mayReadPhi(req) ? *decided : ReviewDesk::masked(*decided)));
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
            for (const QString &id : std::as_const(ids)) {
                if (auto task = core.engine()->task(id); task && !allowQueue(req, reply, *task))
                    return;
            }
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
