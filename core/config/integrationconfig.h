#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Switchboard {

// ALERT_EMAIL and SUPPORT_EMAIL, sent through SMTP_URL: each becomes an e-mail channel.
struct EmailAlertSettings
{
    QUrl smtpUrl; // SMTP_URL: smtp://host:587 (STARTTLS when offered) or smtps://host:465
    QString username; // SMTP_USERNAME
    QString password; // SMTP_PASSWORD: a secret, moved to the secret store on start
    QString from; // SMTP_FROM; empty: the first ALERT_EMAIL address
    QStringList alertTo; // ALERT_EMAIL: every alert, critical and warning
    QStringList supportTo; // SUPPORT_EMAIL: what support staff act on (review, resilience)

    bool wanted() const { return !alertTo.isEmpty() || !supportTo.isEmpty(); }
};

// Where the dashboard report is published (seed 000 §6).
struct DashboardPublishing
{
    QString storage = QStringLiteral("local"); // DASHBOARD_STORAGE: local | s3
    QString bucket; // S3_DASHBOARD_BUCKET
    QString prefix = QStringLiteral("manager-dashboard/"); // S3_PREFIX
    QString region = QStringLiteral("us-east-1"); // S3_REGION
    // S3_ENDPOINT: an S3-compatible server (MinIO, Ceph); empty: AWS's own for the region.
    QUrl endpoint;
    QString accessKeyId; // AWS_ACCESS_KEY_ID
    QString secretAccessKey; // AWS_SECRET_ACCESS_KEY: a secret
    int signedUrlTtlSeconds = 3600; // SIGNED_URL_TTL_SECONDS: how long the shared link works

    bool toS3() const { return storage == QLatin1String("s3"); }
};

// Spans sent to an OpenTelemetry collector over OTLP/HTTP (seed 000 §8).
struct TracingSettings
{
    QUrl otlpEndpoint; // OTEL_EXPORTER_OTLP_ENDPOINT (…/v1/traces is added); empty: none
    double sampleRatio = 1.0; // OTEL_TRACES_SAMPLER_ARG: share of traces kept, 0–1
    QString serviceName = QStringLiteral("switchboard"); // OTEL_SERVICE_NAME
};

// Health "Option B" (seed 000 §5): each module's health read from the n8n API, the last
// executions of its workflow, instead of its /health endpoint.
struct N8nHealthSettings
{
    QUrl apiBase; // N8N_API_BASE, e.g. http://localhost:5678/api/v1
    QString token; // N8N_API_TOKEN, sent as X-N8N-API-KEY; a secret

    bool enabled() const { return !apiBase.isEmpty(); }
};

} // namespace Switchboard
