#pragma once

#include "api/requestschema.h"
#include "api/tokenstore.h"
#include "api/webhookwaits.h"
#include "net/httpservice.h"

#include <optional>

namespace Switchboard {

class CoreService;
class LiveRoute;

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

    // Who a bearer token stands for: a person's session (not expired, not revoked), a token
    // from the configuration or one issued here (not revoked). The request has role, actor
    // and queues set; nullopt when the token is none of these.
    std::optional<HttpRequest> identify(const QByteArray &token);
    LiveRoute *live() const { return m_live; }

protected:
    bool filter(HttpRequest &request, const HttpReply &reply) override;

private:
    void onControl(const HttpRequest &request, const HttpReply &reply);
    // POST /hooks/<path>: starts the published workflow whose webhook trigger has that path.
    void onWebhook(const HttpRequest &request, const HttpReply &reply);
    void startFromWebhook(const QString &workflowId, bool respondOnEnd, const HttpRequest &request,
                          const HttpReply &reply);
    void addSecretRoutes();

    CoreService &m_core;
    TokenStore m_tokens;
    bool m_loopback = true;
    WebhookWaits *m_webhookWaits;
    LiveRoute *m_live = nullptr;
};

} // namespace Switchboard
