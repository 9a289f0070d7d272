#include "api/workflowroutes.h"

#include "api/apiserver.h"
#include "engine/workflowengine.h"
#include "modules/modulecatalog.h"
#include "service/coreservice.h"
#include "service/testruns.h"
#include "store/workflowstore.h"
#include "workflow/n8nimport.h"
#include "workflow/workflowvalidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QUrl>

namespace Switchboard {

namespace {

// A workflow sent to /api/v1/workflows/{id}… names that id, or a 400 says so (field).
bool idMatches(const QJsonObject &document, const QString &id, const QString &field,
               const HttpReply &reply)
{
    if (document.value(QLatin1String("id")).toString() == id)
        return true;
    reply.sendError(400, QStringLiteral("the workflow's id must match the URL (%1)").arg(id),
                    field);
    return false;
}

QJsonArray issuesJson(const QList<WorkflowIssue> &issues)
{
    QJsonArray out;
    for (const WorkflowIssue &i : issues)
        out.append(QJsonObject {{QStringLiteral("node"), i.node},
                                {QStringLiteral("field"), i.field},
                                {QStringLiteral("message"), i.message.text()},
                                {QStringLiteral("texts"),
                                 QJsonObject {{QStringLiteral("message"), i.message.toJson()}}}});
    return out;
}

// POST /api/v1/import/n8n: an n8n export converted, with what mapped, what did not and each
// workflow's problems. Nothing is saved: the admin saves what they want with PUT.
void importN8n(const HttpRequest &req, const HttpReply &reply, const CoreService &core)
{
    if (!ApiServer::allow(req, reply, Role::Admin))
        return;
    auto body = req.jsonBody();
    if (!body)
        return reply.sendError(body.error());
    auto converted = N8nImport::convert(*body);
    if (!converted)
        return reply.sendError(converted.error());
    QJsonObject answer = converted->toJson();
    QJsonObject problems;
    for (const QJsonObject &w : std::as_const(converted->workflows))
        problems.insert(w.value(QLatin1String("id")).toString(),
                        issuesJson(core.validator()->validate(w)));
    answer.insert(QStringLiteral("problems"), problems);
    reply.sendJson(200, answer);
}

} // namespace

void WorkflowRoutes::install(ApiServer &server, CoreService &core)
{
    server.route("POST", QStringLiteral("/api/v1/import/n8n"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     importN8n(req, reply, core);
                 });
    server.route("GET", QStringLiteral("/api/v1/workflows"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                     QJsonArray list;
                     for (const WorkflowStore::Summary &w : core.workflows()->list()) {
                         list.append(
                             QJsonObject {{QStringLiteral("id"), w.id},
                                          {QStringLiteral("name"), w.name},
                                          {QStringLiteral("enabled"), w.enabled},
                                          {QStringLiteral("latest_version"), w.latestVersion},
                                          {QStringLiteral("trigger"), w.trigger}});
                     }
                     reply.sendJson(200, {{QStringLiteral("workflows"), list}});
                 });
    server.route("GET", QStringLiteral("/api/v1/workflows/{id}"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &p) {
                     auto draft = core.workflows()->draft(p.at(0));
                     if (!draft)
                         return reply.sendError(draft.error());
                     auto versions = core.workflows()->versions(p.at(0));
                     if (!versions)
                         return reply.sendError(versions.error());
                     reply.sendJson(200,
                                    {{QStringLiteral("draft"), *draft},
                                     {QStringLiteral("versions"), *versions}});
                 });
    server.route(
        "PUT", QStringLiteral("/api/v1/workflows/{id}"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            auto body = req.jsonBody();
            if (!body)
                return reply.sendError(body.error());
            if (!idMatches(*body, p.at(0), QStringLiteral("id"), reply))
                return;
            auto saved = core.workflows()->saveDraft(*body);
            if (!saved)
                return reply.sendError(saved.error());
            if (!saved->isEmpty()) {
                const QJsonArray issues = issuesJson(*saved);
                const WorkflowIssue &first = saved->first();
                return reply.sendJson(
                    422,
                    {{QStringLiteral("error"), first.toString()},
                     {QStringLiteral("field"),
                      first.node.isEmpty() ? first.field
                                           : first.node + QLatin1Char('.') + first.field},
                     {QStringLiteral("issues"), issues}});
            }
            reply.sendJson(200, {{QStringLiteral("id"), p.at(0)}, {QStringLiteral("saved"), true}});
        },
        core.config().api.maxWorkflowBytes);
    server.route("POST", QStringLiteral("/api/v1/workflows/{id}/publish"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     auto body = req.jsonBody();
                     if (!body)
                         return reply.sendError(body.error());
                     auto version = core.workflows()->publish(
                         p.at(0), body->value(QLatin1String("note")).toString(), req.actor);
                     if (!version)
                         return reply.sendError(version.error());
                     if (Status scheduled = core.engine()->scheduleWorkflows(); !scheduled)
                         return reply.sendError(scheduled.error());
                     core.refreshAlerts();
                     reply.sendJson(
                         201,
                         {{QStringLiteral("id"), p.at(0)}, {QStringLiteral("version"), *version}});
                 });
    // The builder's test run from a remote console (TestRuns).
    server.route(
        "POST", QStringLiteral("/api/v1/workflows/{id}/test-run"),
        [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
            if (!ApiServer::allow(req, reply, Role::Admin))
                return;
            auto body = req.jsonBody();
            if (!body)
                return reply.sendError(body.error());
            const QJsonObject document = body->value(QLatin1String("document")).toObject();
            if (!idMatches(document, p.at(0), QStringLiteral("document.id"), reply))
                return;
            auto started = TestRuns::start(
                core, document, body->value(QLatin1String("input")).toObject(), req.actor);
            if (!started)
                return reply.sendError(started.error());
            reply.sendJson(201,
                           {{QStringLiteral("execution_id"), *started},
                            {QStringLiteral("workflow_id"), TestRuns::workflowId(p.at(0))}});
        },
        core.config().api.maxWorkflowBytes);
    server.route("POST", QStringLiteral("/api/v1/workflows/{id}/promote"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Admin))
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .required(QStringLiteral("version"), RequestSchema::Type::WholeNumber)
                             .range(1, 1e9)
                             .optional(QStringLiteral("environment"), RequestSchema::Type::String)
                             .range(1, 50);
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     if (Status st = core.workflows()->promote(
                             p.at(0), body->value(QLatin1String("version")).toInt(),
                             body->value(QLatin1String("environment")).toString(), req.actor);
                         !st)
                         return reply.sendError(st.error());
                     if (Status scheduled = core.engine()->scheduleWorkflows(); !scheduled)
                         return reply.sendError(scheduled.error());
                     core.refreshAlerts();
                     auto deployments = core.workflows()->deployments(p.at(0));
                     if (!deployments)
                         return reply.sendError(deployments.error());
                     reply.sendJson(200,
                                    {{QStringLiteral("id"), p.at(0)},
                                     {QStringLiteral("deployments"), *deployments}});
                 });
    server.route("GET", QStringLiteral("/api/v1/workflows/{id}/versions/{version}"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &p) {
                     bool ok = false;
                     const int number = p.at(1).toInt(&ok);
                     if (!ok || number < 1)
                         return reply.sendError(400, QStringLiteral("a version is a number from 1"),
                                                QStringLiteral("version"));
                     auto version = core.workflows()->version(p.at(0), number);
                     if (!version)
                         return reply.sendError(version.error());
                     reply.sendJson(200, version->toJson());
                 });
    server.route("GET", QStringLiteral("/api/v1/workflows/{id}/versions"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &p) {
                     auto versions = core.workflows()->versions(p.at(0));
                     if (!versions)
                         return reply.sendError(versions.error());
                     auto deployments = core.workflows()->deployments(p.at(0));
                     if (!deployments)
                         return reply.sendError(deployments.error());
                     reply.sendJson(200,
                                    {{QStringLiteral("versions"), *versions},
                                     {QStringLiteral("deployments"), *deployments}});
                 });
    server.route("POST", QStringLiteral("/api/v1/workflows/{id}/executions"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     const auto input = ApiServer::objectMember(req, QStringLiteral("input"));
                     if (!input)
                         return reply.sendError(input.error());
                     // A client's retry with the same Idempotency-Key gets the first answer.
                     const QString key = QString::fromUtf8(req.header("Idempotency-Key"));
                     auto started = req.header("Idempotency-Key").isNull()
                         ? core.engine()->start(p.at(0), *input, QStringLiteral("api"))
                         : core.engine()->startOnce(key, p.at(0), *input, QStringLiteral("api"));
                     if (!started)
                         return reply.sendError(started.error());
                     reply.sendJson(started->value(QLatin1String("replayed")).toBool() ? 200 : 201,
                                    *started);
                 });

    server.route("POST", QStringLiteral("/api/v1/events"),
                 [&core](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
                     if (!ApiServer::allow(req, reply, Role::Manager))
                         return;
                     static const RequestSchema schema =
                         RequestSchema()
                             .required(QStringLiteral("type"), RequestSchema::Type::String)
                             .range(1, 200)
                             .optional(QStringLiteral("module"), RequestSchema::Type::String)
                             .oneOf(ModuleCatalog::ids())
                             .optional(QStringLiteral("data"), RequestSchema::Type::Object);
                     auto body = ApiServer::body(req, schema);
                     if (!body)
                         return reply.sendError(body.error());
                     const QString type = body->value(QLatin1String("type")).toString();
                     const QString module = body->value(QLatin1String("module")).toString();
                     auto delivered = core.engine()->deliverEvent(
                         type, module, body->value(QLatin1String("data")).toObject(),
                         QString::fromUtf8(req.header("Idempotency-Key")));
                     if (!delivered)
                         return reply.sendError(delivered.error());
                     reply.sendJson(delivered->value(QLatin1String("replayed")).toBool() ? 200
                                                                                         : 202,
                                    *delivered);
                 });
}

} // namespace Switchboard
