#include "api/apiserver.h"

#include "alerts/alertbook.h"
#include "api/accesstokens.h"
#include "api/alertroutes.h"
#include "api/credentialroutes.h"
#include "api/executionroutes.h"
#include "api/healthroutes.h"
#include "api/livefeed.h"
#include "api/liveroute.h"
#include "api/metricsexporter.h"
#include "api/settingsroutes.h"
#include "api/taskroutes.h"
#include "api/useraccounts.h"
#include "api/userroutes.h"
#include "api/workflowroutes.h"
#include "audit/auditlog.h"
#include "common/logging.h"
#include "engine/workflowengine.h"
#include "health/healthmonitor.h"
#include "kpis/kpihistory.h"
#include "modules/modulecatalog.h"
#include "notify/notifier.h"
#include "remote/snapshotjson.h"
#include "review/reviewdesk.h"
#include "secrets/secretstore.h"
#include "service/coreservice.h"
#include "store/workflowstore.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>
#include <QWebSocket>

namespace Switchboard {

namespace {

// The query's "days", a whole number, or fallback when it is left out.
Result<int> daysParameter(const HttpRequest &req, int fallback)
{
    const QString text = req.query.queryItemValue(QStringLiteral("days"));
    bool number = true;
    const int days = text.isEmpty() ? fallback : text.toInt(&number);
    if (!number)
        return makeError(QStringLiteral("days must be a whole number"), QStringLiteral("days"));
    return days;
}

} // namespace

ApiServer::ApiServer(CoreService &core, TokenStore tokens, QObject *parent)
    : HttpService(parent)
    , m_core(core)
    , m_tokens(std::move(tokens))
    , m_webhookWaits(new WebhookWaits(core.clock(), WebhookResponseTimeoutMs, this))
{
    const ApiLimits &api = m_core.config().api;
    HttpLimits limits;
    limits.maxBodyBytes = api.maxBodyBytes;
    setLimits(limits);
    setTimeouts(
        {api.headerTimeoutMs, api.bodyTimeoutMs, api.idleTimeoutMs, HttpTimeouts().lingerMs});
    setMaxConnections(api.maxConnections);
    setMaxWebSockets(api.maxWebSockets);
    connect(m_core.engine(), &WorkflowEngine::executionFinished, m_webhookWaits,
            &WebhookWaits::finish);
    route("GET", QStringLiteral("/healthz"),
          [](const HttpRequest &, const HttpReply &reply, const QStringList &) {
              reply.sendJson(200, {{QStringLiteral("ok"), true}});
          });
    route("GET", QStringLiteral("/api/v1/status"),
          [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
              reply.sendJson(200, m_core.statusDocument(QString(), 0));
          });
    // What a console shows at once: every module's snapshot and the clinic's overview, as the
    // live feed's module and overview changes carry them (SnapshotJson).
    route("GET", QStringLiteral("/api/v1/overview"),
          [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
              QJsonArray modules;
              for (const ModuleSnapshot &s : m_core.modules())
                  modules.append(SnapshotJson::toJson(s));
              reply.sendJson(
                  200,
                  {{QStringLiteral("modules"), modules},
                   {QStringLiteral("overview"), SnapshotJson::toJson(m_core.overview())}});
          });
    const auto control = [this](const HttpRequest &req, const HttpReply &reply,
                                const QStringList &) {
        onControl(req, reply);
    };
    route("POST", QStringLiteral("/webhook/manager/control"), control);
    route("POST", QStringLiteral("/api/v1/control"), control);
    WorkflowRoutes::install(*this, m_core);
    UserRoutes::install(*this, m_core);
    if (m_core.live()) {
        m_live = new LiveRoute(
            *m_core.live(), [this](const QByteArray &token) { return identify(token); }, this);
        webSocketRoute(LiveRoute::path());
        connect(this, &HttpService::webSocketConnected, m_live, &LiveRoute::accept);
    }
    HealthRoutes::install(*this, m_core);
    ExecutionRoutes::install(*this, m_core);
    TaskRoutes::install(*this, m_core);
    AlertRoutes::install(*this, m_core);
    SettingsRoutes::install(*this, m_core);
    CredentialRoutes::install(*this, m_core);
    addSecretRoutes();
    route("GET", QStringLiteral("/api/v1/report"),
          [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
              reply.send(200, m_core.reportHtml().toUtf8(), "text/html; charset=utf-8");
          });
    route("GET", QStringLiteral("/api/v1/kpis/history"),
          [this](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
              const auto days = daysParameter(req, 7);
              if (!days)
                  return reply.sendError(days.error());
              const QString name = req.query.queryItemValue(QStringLiteral("name"));
              auto compared = m_core.kpiHistory()->compare(name, m_core.clock().now(), *days);
              if (!compared)
                  return reply.sendError(compared.error());
              const auto orNull = [](std::optional<double> v) {
                  return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
              };
              reply.sendJson(
                  200,
                  {{QStringLiteral("name"), name},
                   {QStringLiteral("days"), *days},
                   {QStringLiteral("samples"), KpiHistory::toJson(compared->samples)},
                   {QStringLiteral("average"), orNull(compared->average)},
                   {QStringLiteral("previous_average"), orNull(compared->previousAverage)}});
          });
    route("GET", QStringLiteral("/api/v1/modules/{id}/history"),
          [this](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
              const auto days = daysParameter(req, 1);
              if (!days)
                  return reply.sendError(days.error());
              auto history = m_core.moduleHistory(p.at(0), *days);
              if (!history)
                  return reply.sendError(history.error());
              reply.sendJson(200, *history);
          });
    route(
        "GET", QStringLiteral("/api/v1/dependencies"),
        [this](const HttpRequest &req, const HttpReply &reply, const QStringList &) {
            const DependencyGraph &graph = m_core.overview().dependencies;
            QStringList subjects;
            if (const QString module = req.query.queryItemValue(QStringLiteral("module"));
                !module.isEmpty()) {
                if (!ModuleCatalog::find(module))
                    return reply.sendError(
                        400,
                        QStringLiteral("module \"%1\" is not one of the nine modules").arg(module),
                        QStringLiteral("module"));
                subjects << module;
            } else {
                for (const ModuleSnapshot &s : m_core.modules()) {
                    if (s.status() == ModuleStatus::Down)
                        subjects << s.id;
                }
            }
            QJsonArray radii;
            for (const QString &module : std::as_const(subjects))
                radii.append(DependencyGraph::toJson(graph.blastRadius(module)));
            QJsonObject body = graph.toJson();
            body.insert(QStringLiteral("blast_radius"), radii);
            reply.sendJson(200, body);
        });
    route("GET", QStringLiteral("/metrics"),
          [this](const HttpRequest &, const HttpReply &reply, const QStringList &) {
              reply.send(200, MetricsExporter::render(m_core),
                         "text/plain; version=0.0.4; charset=utf-8");
          });
}

Result<QJsonObject> ApiServer::body(const HttpRequest &req, const RequestSchema &schema)
{
    auto body = req.jsonBody();
    if (!body)
        return body.error();
    if (Status st = schema.check(*body); !st)
        return st.error();
    return body;
}

Result<QJsonObject> ApiServer::objectMember(const HttpRequest &req, const QString &name)
{
    auto checked = body(req, RequestSchema().optional(name, RequestSchema::Type::Object));
    if (!checked)
        return checked.error();
    return checked->value(name).toObject();
}

void ApiServer::sendResult(const HttpReply &reply, int status, const Result<QJsonObject> &result)
{
    if (!result)
        return reply.sendError(result.error());
    reply.sendJson(status, *result);
}

void ApiServer::onWebhook(const HttpRequest &request, const HttpReply &reply)
{
    if (request.method != "POST")
        return reply.sendError(405, QStringLiteral("webhooks accept POST only"));
    const QString path = request.path.mid(int(qstrlen("/hooks/")));
    const auto hook = m_core.engine()->triggers().forWebhook(path);
    if (!hook)
        return reply.sendError(
            404, QStringLiteral("no published, enabled workflow listens on /hooks/%1").arg(path));
    const QString workflowId = hook->id;
    const bool respondOnEnd =
        hook->trigger.value(QLatin1String("respond")).toString() == QLatin1String("on_end");
    const QString header = hook->trigger.value(QLatin1String("secret_header")).toString();
    if (header.isEmpty()) {
        if (!m_loopback)
            return reply.sendError(403,
                                   QStringLiteral("webhooks without a shared secret are served "
                                                  "only while the core listens on loopback"));
        return startFromWebhook(workflowId, respondOnEnd, request, reply);
    }
    // The secret lives in the keychain; the caller proves it knows it, or signs the body with it.
    const bool hmac =
        hook->trigger.value(QLatin1String("signature")).toString() == QLatin1String("hmac-sha256");
    const QByteArray presented = request.header(header.toLatin1());
    const QString secretName = QStringLiteral("webhook.") + workflowId;
    QPointer<ApiServer> self(this);
    m_core.secrets()->read(
        secretName,
        [self, reply, request, presented, hmac, secretName, workflowId,
         respondOnEnd](Result<QString> secret) {
            if (!self)
                return;
            if (!secret)
                return reply.sendError(
                    503,
                    QStringLiteral("no secret is stored for this webhook yet; an admin sets it "
                                   "with PUT /api/v1/secrets/%1")
                        .arg(secretName));
            const QByteArray expected = hmac ? "sha256="
                    + QMessageAuthenticationCode::hash(request.body, secret->toUtf8(),
                                                       QCryptographicHash::Sha256)
                          .toHex()
                                             : secret->toUtf8();
            // Compare in constant time.
            unsigned diff = unsigned(expected.size() ^ presented.size());
            for (qsizetype i = 0; i < expected.size(); ++i)
                diff |= unsigned(expected.at(i) ^ (i < presented.size() ? presented.at(i) : 0));
            if (diff != 0 || presented.isEmpty())
                return reply.sendError(
                    401,
                    hmac ? QStringLiteral("the request's signature does not match")
                         : QStringLiteral("the shared secret is missing or wrong"));
            self->startFromWebhook(workflowId, respondOnEnd, request, reply);
        });
}

void ApiServer::startFromWebhook(const QString &workflowId, bool respondOnEnd,
                                 const HttpRequest &request, const HttpReply &reply)
{
    auto body = request.jsonBody();
    if (!body)
        return reply.sendError(body.error());
    // A sender's retry with the same Idempotency-Key reaches the first execution, not a new one.
    auto started = request.header("Idempotency-Key").isNull()
        ? m_core.engine()->start(workflowId, *body, QStringLiteral("webhook"))
        : m_core.engine()->startOnce(QString::fromUtf8(request.header("Idempotency-Key")),
                                     workflowId, *body, QStringLiteral("webhook"));
    if (!started)
        return reply.sendError(started.error());
    if (!respondOnEnd)
        return reply.sendJson(202, *started);
    // Like n8n's "Respond to Webhook": the answer waits for the end node, within a bound. It
    // comes from the engine's announcement of the committed end, not from reading it back.
    const QString executionId = started->value(QLatin1String("execution_id")).toString();
    // It may have ended in its first commit already (no module call, no wait).
    auto now = m_core.engine()->outcome(executionId);
    if (!now)
        return reply.sendError(now.error());
    if (const QString status = now->value(QLatin1String("status")).toString();
        status != QLatin1String("running") && status != QLatin1String("waiting"))
        return WebhookWaits::answer(reply, executionId, status,
                                    now->value(QLatin1String("output")).toObject(),
                                    now->value(QLatin1String("error")).toString());
    m_webhookWaits->wait(executionId, reply);
}

void ApiServer::addSecretRoutes()
{
    // Secrets go into the OS keychain and never come back out through the API.
    static const QRegularExpression name(QStringLiteral("^[a-z0-9._-]{1,100}$"));
    route("PUT", QStringLiteral("/api/v1/secrets/{name}"),
          [this](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
              if (!allow(req, reply, Role::Admin))
                  return;
              if (!name.match(p.at(0)).hasMatch())
                  return reply.sendError(
                      400, QStringLiteral("use 1–100 lower-case letters, digits, '.', '_' or '-'"),
                      QStringLiteral("name"));
              static const RequestSchema schema =
                  RequestSchema()
                      .required(QStringLiteral("value"), RequestSchema::Type::String)
                      .range(1, 4096);
              auto body = ApiServer::body(req, schema);
              if (!body)
                  return reply.sendError(body.error());
              const QString value = body->value(QLatin1String("value")).toString();
              m_core.secrets()->write(p.at(0), value, [reply](Status st) {
                  if (!st)
                      return reply.sendError(st.error());
                  reply.send(204, {});
              });
          });
    route("DELETE", QStringLiteral("/api/v1/secrets/{name}"),
          [this](const HttpRequest &req, const HttpReply &reply, const QStringList &p) {
              if (!allow(req, reply, Role::Admin))
                  return;
              m_core.secrets()->remove(p.at(0), [reply](Status st) {
                  if (!st)
                      return reply.sendError(st.error());
                  reply.send(204, {});
              });
          });
}

bool ApiServer::filter(HttpRequest &request, const HttpReply &reply)
{
    if (request.path == QLatin1String("/healthz") || HealthRoutes::isOpen(request.path)
        || UserRoutes::isOpen(request.path))
        return true;
    if (request.path.startsWith(QLatin1String("/hooks/"))) {
        onWebhook(request, reply);
        return false;
    }
    const QByteArray auth = request.header("Authorization");
    if (!auth.startsWith("Bearer ")) {
        reply.send(401,
                   R"({"error":"authentication required: send Authorization: Bearer <token>"})",
                   "application/json", {{"WWW-Authenticate", "Bearer"}});
        return false;
    }
    const QByteArray token = auth.mid(7).trimmed();
    // What a role may not do is audited, with who asked.
    request.refused = [core = &m_core](const HttpRequest &refused, const QString &needed) {
        if (Status st = core->auditRefusal(QString::fromLatin1(refused.method) + QLatin1Char(' ')
                                               + refused.path,
                                           refused.role, refused.actor, needed);
            !st)
            qCWarning(lcApi) << "refusal not audited:" << st.error().message;
    };
    if (const auto caller = identify(token)) {
        request.role = caller->role;
        request.actor = caller->actor;
        request.queues = caller->queues;
        return true;
    }
    if (UserAccounts::isSessionToken(token)) {
        reply.send(401, R"({"error":"the session has expired or was ended; log in again"})",
                   "application/json", {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
        return false;
    }
    reply.send(401, R"({"error":"the bearer token is not valid"})", "application/json",
               {{"WWW-Authenticate", "Bearer error=\"invalid_token\""}});
    return false;
}

std::optional<HttpRequest> ApiServer::identify(const QByteArray &token)
{
    HttpRequest caller;
    // A person's session (UserAccounts), until it expires or is revoked.
    if (UserAccounts::isSessionToken(token)) {
        const auto holder = m_core.users() ? m_core.users()->check(token) : std::nullopt;
        if (!holder)
            return std::nullopt;
        caller.role = toWire(holder->role);
        caller.actor = holder->name;
        caller.queues = holder->queues;
        return caller;
    }
    if (const auto role = m_tokens.roleFor(token)) {
        caller.role = toWire(*role);
        caller.actor = m_tokens.nameFor(token);
        return caller;
    }
    // A token issued from the console, unless it was revoked.
    if (const auto holder =
            m_core.accessTokens() ? m_core.accessTokens()->check(token) : std::nullopt) {
        caller.role = toWire(holder->role);
        caller.actor = holder->name;
        return caller;
    }
    return std::nullopt;
}

bool ApiServer::allow(const HttpRequest &request, const HttpReply &reply, Role minimum)
{
    const auto role = roleFromWire(request.role);
    if (role && int(*role) >= int(minimum))
        return true;
    if (request.refused)
        request.refused(request, toWire(minimum));
    reply.sendError(403,
                    QStringLiteral("the %1 role may not do this; it needs %2")
                        .arg(request.role, toWire(minimum)));
    return false;
}

void ApiServer::onControl(const HttpRequest &request, const HttpReply &reply)
{
    static const RequestSchema schema =
        RequestSchema()
            .required(QStringLiteral("action"), RequestSchema::Type::String)
            .oneOf({QStringLiteral("test"), QStringLiteral("reset_circuit_breaker"),
                    QStringLiteral("enable_module"), QStringLiteral("disable_module")})
            .optional(QStringLiteral("module"), RequestSchema::Type::String)
            .range(1, 100);
    auto body = ApiServer::body(request, schema);
    if (!body)
        return reply.sendError(body.error());
    const QString action = body->value(QLatin1String("action")).toString();
    if (action == QLatin1String("test")) {
        if (!allow(request, reply, Role::Manager))
            return;
        // One module: checked now, its tile changes when the answer is in.
        if (const QString module = body->value(QLatin1String("module")).toString();
            !module.isEmpty()) {
            if (!m_core.config().module(module))
                return reply.sendError(404, QStringLiteral("no module \"%1\"").arg(module),
                                       QStringLiteral("module"));
            m_core.checkModule(module);
            return reply.sendJson(202, {{QStringLiteral("checking"), module}});
        }
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        // As the seed's run: check, publish the dashboard (when it goes to S3), answer.
        m_core.runChecks([this, reply, timer] {
            m_core.publishDashboard([this, reply, timer](const Result<QString> &) {
                reply.sendJson(200,
                               m_core.statusDocument(QStringLiteral("test"), timer->elapsed()));
            });
        });
        return;
    }
    if (action == QLatin1String("reset_circuit_breaker")) {
        if (!allow(request, reply, Role::Admin))
            return;
        const QString module = body->value(QLatin1String("module")).toString();
        Status st = m_core.resetCircuitBreaker(module, request.actor);
        if (!st)
            return reply.sendError(st.error());
        return reply.sendJson(200, m_core.statusDocument(action, 0));
    }
    if (action == QLatin1String("enable_module") || action == QLatin1String("disable_module")) {
        if (!allow(request, reply, Role::Admin))
            return;
        const QString module = body->value(QLatin1String("module")).toString();
        Status st = m_core.setModuleEnabled(module, action == QLatin1String("enable_module"),
                                            request.actor);
        if (!st)
            return reply.sendError(st.error());
        return reply.sendJson(200, m_core.statusDocument(action, 0));
    }
    reply.sendError(400,
                    action.isEmpty()
                        ? QStringLiteral("the body needs an \"action\"")
                        : QStringLiteral("unknown action \"%1\" (expected test, "
                                         "reset_circuit_breaker, enable_module or disable_module)")
                              .arg(action),
                    QStringLiteral("action"));
}

} // namespace Switchboard
