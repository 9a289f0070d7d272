#pragma once

#include "api/requestschema.h"
#include "api/tokenstore.h"
#include "net/httpservice.h"

class QTimer;

namespace Switchboard {

class CoreService;

// The core's HTTP API (DESIGN.md "Core HTTP API"): bearer tokens with roles, JSON errors.
class ApiServer final : public HttpService
{
    Q_OBJECT

public:
    ApiServer(CoreService &core, TokenStore tokens, QObject *parent = nullptr);

    // Webhooks without a shared secret are served only while the API listens on loopback.
    void setLoopbackOnly(bool loopback) { m_loopback = loopback; }
    static constexpr int WebhookResponseTimeoutMs = 30000;

    // For the route groups (WorkflowRoutes, TaskRoutes, AlertRoutes):
    // Answers 403 and returns false when the request's role is below minimum.
    static bool allow(const HttpRequest &request, const HttpReply &reply, Role minimum);
    // The object, or the error with the status its kind calls for.
    static void sendResult(const HttpReply &reply, int status, const Result<QJsonObject> &result);
    // The request body's member `name`, which may be left out but must otherwise be an object.
    static Result<QJsonObject> objectMember(const HttpRequest &req, const QString &name);
    // The request body, checked against the route's schema.
    static Result<QJsonObject> body(const HttpRequest &req, const RequestSchema &schema);

protected:
    bool filter(HttpRequest &request, const HttpReply &reply) override;

private:
    void onControl(const HttpRequest &request, const HttpReply &reply);
    // POST /hooks/<path>: starts the published workflow whose webhook trigger has that path.
    void onWebhook(const HttpRequest &request, const HttpReply &reply);
    void startFromWebhook(const QString &workflowId, bool respondOnEnd, const HttpRequest &request,
                          const HttpReply &reply);
    // A webhook waiting for its execution's end gets its answer (200 with the end's output, or
    // 500 with the error).
    void onExecutionFinished(const QString &executionId, const QString &status,
                             const QJsonObject &output, const QString &error);
    static void answerWebhook(const HttpReply &reply, const QString &executionId,
                              const QString &status, const QJsonObject &output,
                              const QString &error);
    void addSecretRoutes();
    void addDeadLetterRoutes();

    CoreService &m_core;
    TokenStore m_tokens;
    bool m_loopback = true;
    // Webhooks answering on the end of their execution, by execution id, each with its bound.
    struct WebhookAnswer
    {
        HttpReply reply;
        QTimer *timer = nullptr;
    };
    QHash<QString, WebhookAnswer> m_webhookAnswers;
};

} // namespace Switchboard
