#include "api/executionroutes.h"

#include "api/apiserver.h"
#include "engine/workflowengine.h"
#include "modules/modulecatalog.h"
#include "service/coreservice.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QRegularExpression>
#include <QUrl>
#include <climits>

namespace Switchboard {

std::optional<bool> ExecutionRoutes::revealRequested(const HttpRequest &req, const HttpReply &reply)
{
    const QString text = req.query.queryItemValue(QStringLiteral("reveal"));
    if (text.isEmpty() || text == QLatin1String("false"))
        return false;
    if (text != QLatin1String("true")) {
        reply.sendError(
            makeError(QStringLiteral("reveal is true or false, not \"%1\"").arg(text.left(40)),
                      QStringLiteral("reveal")));
        return std::nullopt;
    }
    const auto role = roleFromWire(req.role);
    if (!role || !TokenStore::mayReadPhi(*role)) {
        if (req.refused)
            req.refused(req, QStringLiteral("patient data"));
        reply.sendError(403,
                        QStringLiteral("the %1 role may not read patient data")
                            .arg(req.role.isEmpty() ? QStringLiteral("viewer") : req.role));
        return std::nullopt;
    }
    return true;
}

QJsonObject ExecutionRoutes::queryObject(const HttpRequest &req, const QStringList &numbers)
{
    QJsonObject query;
    for (const auto &[key, value] : req.query.queryItems(QUrl::FullyDecoded)) {
        bool whole = false;
        const qint64 n = value.toLongLong(&whole);
        query.insert(key,
                     whole && numbers.contains(key) ? QJsonValue(double(n)) : QJsonValue(value));
    }
    return query;
}

void ExecutionRoutes::install(ApiServer &server, CoreService &core)
{
    server.route("GET", QStringLiteral("/api/v1/executions"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     using Type = RequestSchema::Type;
                     static const RequestSchema schema =
                         RequestSchema()
                             .optional(QStringLiteral("limit"), Type::WholeNumber)
                             .range(1, 10000)
                             .optional(QStringLiteral("status"), Type::String)
                             .oneOf({QStringLiteral("running"), QStringLiteral("waiting"),
                                     QStringLiteral("completed"), QStringLiteral("failed"),
                                     QStringLiteral("cancelled")})
                             .optional(QStringLiteral("workflow"), Type::String)
                             .optional(QStringLiteral("origin"), Type::String)
                             .oneOf({QStringLiteral("webhook"), QStringLiteral("api"),
                                     QStringLiteral("event"), QStringLiteral("schedule"),
                                     QStringLiteral("retry"), QStringLiteral("rerun"),
                                     QStringLiteral("test-run")})
                             .optional(QStringLiteral("from"), Type::String)
                             .isoDateTime()
                             .optional(QStringLiteral("to"), Type::String)
                             .isoDateTime()
                             .optional(QStringLiteral("q"), Type::String)
                             .range(1, 200)
                             .optional(QStringLiteral("cursor"), Type::String)
                             .range(3, 200)
                             .closed();
                     const QJsonObject query = queryObject(req, {QStringLiteral("limit")});
                     if (Status valid = schema.check(query); !valid)
                         return reply.sendError(valid.error());
                     const auto ms = [&](const char *key) {
                         const QString text = query.value(QLatin1String(key)).toString();
                         return text.isEmpty()
                             ? qint64(0)
                             : QDateTime::fromString(text, Qt::ISODateWithMs).toMSecsSinceEpoch();
                     };
                     ExecutionFilter filter;
                     filter.limit = query.value(QLatin1String("limit")).toInt(200);
                     filter.status = query.value(QLatin1String("status")).toString();
                     filter.workflowId = query.value(QLatin1String("workflow")).toString();
                     filter.origin = query.value(QLatin1String("origin")).toString();
                     filter.fromMs = ms("from");
                     filter.toMs = ms("to");
                     filter.search = query.value(QLatin1String("q")).toString();
                     filter.cursor = query.value(QLatin1String("cursor")).toString();
                     auto page = core.engine()->executions(filter);
                     if (!page)
                         return reply.sendError(page.error());
                     reply.sendJson(200,
                                    {{QStringLiteral("executions"), page->executions},
                                     {QStringLiteral("next_cursor"),
                                      page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                 : QJsonValue(page->nextCursor)}});
                 });
    server.route(
        "GET", QStringLiteral("/api/v1/executions/{id}"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            auto reveal = ExecutionRoutes::revealRequested(req, reply);
            if (!reveal)
                return;
            static const RequestSchema schema =
                RequestSchema()
                    .optional(QStringLiteral("history_limit"), RequestSchema::Type::WholeNumber)
                    .range(1, HistoryWindow::MaxLimit)
                    .optional(QStringLiteral("history_before"), RequestSchema::Type::WholeNumber)
                    .range(1, INT_MAX)
                    .optional(QStringLiteral("reveal"), RequestSchema::Type::String)
                    .closed();
            const QJsonObject query = queryObject(
                req, {QStringLiteral("history_limit"), QStringLiteral("history_before")});
            if (Status valid = schema.check(query); !valid)
                return reply.sendError(valid.error());
            HistoryWindow window;
            window.limit =
                query.value(QLatin1String("history_limit")).toInt(HistoryWindow::DefaultLimit);
            window.beforeSeq = query.value(QLatin1String("history_before")).toInt();
            auto execution = core.engine()->execution(p.at(0), window);
            if (!execution)
                return reply.sendError(execution.error());
            reply.sendJson(200,
                           core.phi().show(*execution, QStringLiteral("execution"), p.at(0),
                                           req.actor, *reveal));
        });
    server.route("POST", QStringLiteral("/api/v1/executions/{id}/cancel"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     if (Status st = core.engine()->cancel(p.at(0), req.actor); !st)
                         return reply.sendError(st.error());
                     ApiServer::sendResult(reply, 200, core.engine()->execution(p.at(0)));
                 });
    server.route("POST", QStringLiteral("/api/v1/executions/{id}/retry"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     auto retried = core.engine()->retry(p.at(0), req.actor);
                     if (!retried)
                         return reply.sendError(retried.error());
                     reply.sendJson(201, *retried);
                 });
    // Re-run from a step: the preview lists the calls it would make; the re-run starts it.
    const auto rerunBody = [](const HttpRequest &req) -> Result<QJsonObject> {
        static const RequestSchema schema =
            RequestSchema()
                .required(QStringLiteral("from_step"), RequestSchema::Type::String)
                .range(1, 200)
                .optional(QStringLiteral("input"), RequestSchema::Type::Object)
                .closed();
        return ApiServer::body(req, schema);
    };
    // The preview and the re-run take the same body and differ only in what they do with it.
    for (const bool preview : {true, false}) {
        server.route("POST",
                     preview ? QStringLiteral("/api/v1/executions/{id}/rerun/preview")
                             : QStringLiteral("/api/v1/executions/{id}/rerun"),
                     [&core, rerunBody, preview](const HttpRequest &req, const HttpReply &reply,
                                                 const QStringList &p) {
                         if (!ApiServer::allow(req, reply, Role::Manager))
                             return;
                         auto body = rerunBody(req);
                         if (!body)
                             return reply.sendError(body.error());
                         const QString step = body->value(QLatin1String("from_step")).toString();
                         const std::optional<QJsonObject> input =
                             body->contains(QLatin1String("input"))
                             ? std::optional(body->value(QLatin1String("input")).toObject())
                             : std::nullopt;
                         ApiServer::sendResult(
                             reply, preview ? 200 : 201,
                             preview ? core.engine()->rerunPreview(p.at(0), step, input)
                                     : core.engine()->rerun(p.at(0), step, input, req.actor));
                     });
    }
    server.route(
        "GET", QStringLiteral("/api/v1/journeys/{key}/{value}"),
        [&core](const HttpRequest &, const HttpReply &reply, const QStringList &p) {
            static const QRegularExpression keyName(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
            if (!keyName.match(p.at(0)).hasMatch())
                return reply.sendError(
                    makeError(QStringLiteral("\"%1\" is not a correlation key's name "
                                             "(lower-case letters, digits, \"_\")")
                                  .arg(p.at(0).left(60)),
                              QStringLiteral("key")));
            if (p.at(1).isEmpty() || p.at(1).size() > 200)
                return reply.sendError(makeError(QStringLiteral("the value is 1 to 200 characters"),
                                                 QStringLiteral("value")));
            auto journey = core.engine()->journey(p.at(0), p.at(1));
            if (!journey)
                return reply.sendError(journey.error());
            reply.sendJson(200,
                           {{QStringLiteral("key"), p.at(0)},
                            {QStringLiteral("value"), p.at(1)},
                            {QStringLiteral("executions"), *journey}});
        });
    installDeadLetters(server, core);
}

void ExecutionRoutes::installDeadLetters(ApiServer &server, CoreService &core)
{
    server.route("GET", QStringLiteral("/api/v1/dlq"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     auto reveal = revealRequested(req, reply);
                     if (!reveal)
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .optional(QStringLiteral("status"), RequestSchema::Type::String)
                             .oneOf({QStringLiteral("pending"), QStringLiteral("replaying"),
                                     QStringLiteral("replayed"), QStringLiteral("discarded")})
                             .optional(QStringLiteral("module"), RequestSchema::Type::String)
                             .oneOf(ModuleCatalog::ids())
                             .optional(QStringLiteral("execution"), RequestSchema::Type::String)
                             .range(1, 200)
                             .optional(QStringLiteral("reveal"), RequestSchema::Type::String)
                             .closed();
                     const QJsonObject query = queryObject(req, {});
                     if (Status valid = schema.check(query); !valid)
                         return reply.sendError(valid.error());
                     DeadLetterQueue::Filter filter;
                     filter.status = query.value(QLatin1String("status")).toString();
                     filter.module = query.value(QLatin1String("module")).toString();
                     filter.executionId = query.value(QLatin1String("execution")).toString();
                     auto letters = core.engine()->deadLetters().list(filter);
                     if (!letters)
                         return reply.sendError(letters.error());
                     QJsonArray shown;
                     for (const QJsonValue v : std::as_const(*letters)) {
                         const QJsonObject letter = v.toObject();
                         shown.append(core.phi().show(letter, QStringLiteral("dead_letter"),
                                                      letter.value(QLatin1String("id")).toString(),
                                                      req.actor, *reveal));
                     }
                     reply.sendJson(200, {{QStringLiteral("dead_letters"), shown}});
                 });
    server.route(
        "POST", QStringLiteral("/api/v1/dlq/replay"),
        [&core, &server](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            static const RequestSchema schema =
                RequestSchema()
                    .required(QStringLiteral("ids"), RequestSchema::Type::Array)
                    .range(1, MaxBulkReplay)
                    .closed();
            auto body = ApiServer::body(req, schema);
            if (!body)
                return reply.sendError(body.error());
            QStringList ids;
            for (const QJsonValue v : body->value(QLatin1String("ids")).toArray()) {
                if (!v.isString() || v.toString().isEmpty())
                    return reply.sendError(
                        makeError(QStringLiteral("ids holds dead-letter ids (strings)"),
                                  QStringLiteral("ids")));
                if (!ids.contains(v.toString()))
                    ids << v.toString();
            }
            QPointer<QObject> alive(&server);
            core.engine()->deadLetters().replayAll(
                ids, req.actor, [alive, &core, reply](const QJsonArray &outcomes) {
                    reply.sendJson(200, {{QStringLiteral("results"), outcomes}});
                    if (alive)
                        core.refreshAlerts();
                });
        });
    server.route(
        "POST", QStringLiteral("/api/v1/dlq/{id}/replay"),
        [&core, &server](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            const auto payload = ApiServer::objectMember(req, QStringLiteral("payload"));
            if (!payload)
                return reply.sendError(payload.error());
            QPointer<QObject> alive(&server);
            core.engine()->deadLetters().replay(p.at(0), *payload, req.actor,
                                                [alive, &core, reply](Result<QJsonObject> result) {
                                                    if (!result)
                                                        return reply.sendError(result.error());
                                                    reply.sendJson(200, *result);
                                                    if (alive)
                                                        core.refreshAlerts();
                                                });
        });
    server.route("POST", QStringLiteral("/api/v1/dlq/{id}/discard"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .required(QStringLiteral("reason"), RequestSchema::Type::String)
                             .range(1, 500)
                             .closed();
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     if (Status st = core.engine()->deadLetters().discard(
                             p.at(0), body->value(QLatin1String("reason")).toString(), req.actor);
                         !st)
                         return reply.sendError(st.error());
                     core.refreshAlerts();
                     reply.send(204, {});
                 });
}

} // namespace Switchboard
