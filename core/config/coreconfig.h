#pragma once

#include "config/integrationconfig.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <algorithm>

namespace Switchboard {

// How the core proves itself to a module: an API key in a header, or a bearer token.
struct ModuleCredential
{
    QString kind; // api_key | bearer; empty: none
    QString header = QStringLiteral("apikey"); // api_key: the header that carries it (Kong)
    QString secret; // MODULE_NN_API_KEY or MODULE_NN_BEARER_TOKEN; moved to the secret store
};

struct ModuleConfig
{
    QString id;
    bool enabled = true;
    QUrl endpoint; // webhook URL, e.g. http://127.0.0.1:8702/webhook/consult-booking
    QUrl health; // empty: <endpoint>/health
    QUrl events; // empty: ws://<endpoint host:port>/events
    QUrl fallback; // used while the module's circuit is open; empty: fail fast
    int timeoutSeconds = 0; // module calls; 0: HEALTH_CHECK_TIMEOUT_MS, within 5–60 s
    ModuleCredential credential;
    QString n8nWorkflowId; // MODULE_NN_WORKFLOW_ID: with N8N_API_BASE, health from n8n

    int callTimeoutMs(int healthTimeoutMs) const
    {
        return timeoutSeconds > 0 ? timeoutSeconds * 1000
                                  : std::clamp(healthTimeoutMs, 5000, 60000);
    }

    QUrl healthUrl() const;
    QUrl eventsUrl() const;
};

struct HealthSettings
{
    int intervalMs = 15 * 60 * 1000; // the seed checks every 15 minutes
    int timeoutMs = 10000; // HEALTH_CHECK_TIMEOUT_MS
    int retries = 1; // the seed's maxTries=2
    int retryDelayMs = 1000; // the seed's waitBetweenTries
    int errorThreshold = 5; // ERROR_THRESHOLD: degraded above this many errors in 24 h
    int slowResponseMs = 3000; // a slower health answer counts as degraded
    int noExecutionHours = 24; // no execution for longer than this counts as down
};

struct CircuitBreakerSettings
{
    int threshold = 5; // CIRCUIT_BREAKER_THRESHOLD, consecutive failures
    int timeoutMs = 60000; // CIRCUIT_BREAKER_TIMEOUT (ms, as the seed writes it): open time
};

struct ResilienceSettings
{
    int globalPerMinute = 1000; // RATE_LIMIT_GLOBAL_PER_MIN
    int modulePerMinute = 100; // RATE_LIMIT_MODULE_PER_MIN
    int maxWaitMs = 30000; // RATE_LIMIT_MAX_WAIT_MS: longer waits are refused
    int bulkheadConcurrent = 10; // BULKHEAD_MAX_CONCURRENT calls per module
    int bulkheadQueued = 100; // BULKHEAD_MAX_QUEUED calls waiting per module
};

// How long finished work is kept (RETENTION_DAYS_EXECUTIONS, _SAMPLES, _ALERTS, _DELIVERIES). The
// audit log is not here: it is kept for ever (the specification keeps it seven years) and only
// verified.
struct RetentionSettings
{
    int executionDays = 90; // finished executions with their history and review tasks
    int sampleDays = 400; // module and key-figure samples, event counts (trends, year on year)
    int alertDays = 365; // resolved alerts with their history
    int deliveryDays = 90; // notification deliveries and the notices they came from
};

// What the HTTP API lets one client take (HttpService, HttpConnection).
struct ApiLimits
{
    int maxConnections = 1000; // kept under the descriptor limit as well
    int maxWebSockets = 256;
    int headerTimeoutMs = 10000; // a request's head must arrive within this (slowloris)
    int bodyTimeoutMs = 60000; // and its body within this
    int idleTimeoutMs = 60000; // a kept-alive connection with nothing to do is closed
    int maxBodyBytes = 1024 * 1024; // execution starts, events, webhooks and the rest
    int maxWorkflowBytes = 8 * 1024 * 1024; // workflow drafts and imports
};

// What one workflow and one execution may grow to.
struct EngineLimits
{
    int maxNodes = 2000; // per workflow; connections at most four times that
    int maxHistoryEvents = 10000; // per execution: past it the execution fails (a runaway loop)
};

struct CoreConfig
{
    QString brandName = QStringLiteral("Demo Clinic");
    QString instanceId = QStringLiteral("switchboard-001");
    QString environment = QStringLiteral("production"); // dev | staging | production
    QString timezone;
    bool hipaaMode = true;
    bool anonymizeDashboard = false;
    // PHI_FIELDS: field names that hold patient data, beyond PhiMask's built-in ones.
    QStringList phiFields;
    // TRACE_URL_TEMPLATE: where a trace is shown, e.g. "http://jaeger:16686/trace/{trace_id}".
    QString traceUrlTemplate;
    HealthSettings health;
    CircuitBreakerSettings circuitBreaker;
    ResilienceSettings resilience;
    RetentionSettings retention;
    ApiLimits api;
    EngineLimits limits;
    int deadLetterAlertThreshold = 10; // DLQ_ALERT_THRESHOLD
    int flapChanges = 3; // an alert whose condition changes this often within the window flaps
    int flapWindowMs = 15 * 60 * 1000;
    // DURABILITY: "power" (synchronous=FULL, commits survive a power loss) or "process"
    // (synchronous=NORMAL, faster; commits survive a crash of the core but not of the machine).
    QString durability = QStringLiteral("power");
    // SLACK_WEBHOOK_URL: moved into the keychain as the "slack" channel on start, never stored.
    QString slackWebhookUrl;
    // PAGERDUTY_ROUTING_KEY: the same, as the "pagerduty" channel.
    QString pagerDutyRoutingKey;
    // OPSGENIE_API_KEY: the same, as the "opsgenie" channel; OPSGENIE_API_URL for the EU.
    QString opsGenieApiKey;
    QUrl opsGenieUrl;
    // The seed's module-specific credentials (HUBSPOT_CREDENTIAL_ID, CALCOM_API_KEY, …): the
    // modules' own, kept by the modules. Once the configuration names any of them, every
    // enabled module's are required, as the seed validates them.
    QMap<QString, QString> moduleCredentialIds;
    EmailAlertSettings email;
    DashboardPublishing publishing;
    TracingSettings tracing;
    N8nHealthSettings n8n;
    // SECRETS_BACKEND: auto (the desktop keychain when a Secret Service answers, else the
    // encrypted file), keychain or file.
    QString secretsBackend = QStringLiteral("auto");
    // LOG_FORMAT: text (a level and a time on every line) or json (one object a line).
    QString logFormat = QStringLiteral("text");
    // STORE_LEASE_MS: with a shared PostgreSQL store, how long an execution stays with a core
    // that stopped renewing its lease before another core takes it over.
    qint64 storeLeaseMs = 30000;
    int notifyAttempts = 5; // NOTIFY_RETRY_ATTEMPTS: sends before a delivery fails
    int notifyRetryDelayMs = 2000; // NOTIFY_RETRY_DELAY_MS: first backoff, doubling to 60 s
    QString reportCron =
        QStringLiteral("0 7 * * *"); // REPORT_CRON: the seed's 07:00 morning report
    QMap<QString, double> kpiThresholds; // min_leads_24h, min_lead_to_booking_rate, …
    QList<ModuleConfig> modules; // always the nine modules, in catalog order

    CoreConfig();

    ModuleConfig *module(const QString &id);
    const ModuleConfig *module(const QString &id) const;

    // Required settings that are missing, as the seed's configuration alert words them,
    // e.g. {"MODULE_02_ENDPOINT", "required for Module 02 (Consult Booking)"}.
    struct MissingSetting
    {
        QString variable;
        QString reason;
        QString module; // the module the setting is for, if any
        QStringList modules; // or the modules, when several need it
        QString because; // the setting that makes it required, e.g. ALERT_EMAIL
    };
    QList<MissingSetting> missingRequired() const;
    // The seed's module credentials still missing (none while none is given at all).
    QList<MissingSetting> missingModuleCredentials() const;
    bool anyModuleConfigured() const;

    // Points every module at a simulated fleet on 127.0.0.1 with the given base port.
    void useSimulatedFleet(quint16 basePort);
};

} // namespace Switchboard
