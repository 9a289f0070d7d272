#include "tracing/otlpexporter.h"

#include "common/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <curl/curl.h>

namespace Switchboard {

namespace {

constexpr int FlushEveryMs = 2000;
constexpr int MaxFailures = 3; // a batch is given up after this many failed sends in a row

QJsonObject anyValue(const QJsonValue &v)
{
    if (v.isBool())
        return {{QStringLiteral("boolValue"), v.toBool()}};
    if (v.isDouble())
        return {{QStringLiteral("intValue"), QString::number(v.toInteger())}};
    return {{QStringLiteral("stringValue"), v.toString()}};
}

QJsonArray attributes(const QJsonObject &values)
{
    QJsonArray out;
    for (auto it = values.begin(); it != values.end(); ++it)
        out.append(QJsonObject {{QStringLiteral("key"), it.key()},
                                {QStringLiteral("value"), anyValue(it.value())}});
    return out;
}

QString nanos(qint64 ms)
{
    return QString::number(ms) + QStringLiteral("000000");
}

size_t discard(char *, size_t size, size_t count, void *)
{
    return size * count;
}

// Blocking; runs on the exporter's thread. The HTTP status, or 0 without an answer.
long post(const QByteArray &url, const QByteArray &body)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return 0;
    curl_slist *headers = curl_slist_append(nullptr, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, 10000L);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Switchboard/" SWITCHBOARD_VERSION);
    long status = 0;
    if (curl_easy_perform(curl) == CURLE_OK)
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    return status;
}

} // namespace

OtlpExporter::OtlpExporter(const TracingSettings &settings, const QString &instance,
                           QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_instance(instance)
    , m_timer(new QTimer(this))
{
    QString url = settings.otlpEndpoint.toString(QUrl::FullyEncoded);
    // OTEL_EXPORTER_OTLP_ENDPOINT is the collector's base; the traces go to /v1/traces.
    if (!url.endsWith(QLatin1String("/v1/traces")))
        url =
            (url.endsWith(QLatin1Char('/')) ? url.chopped(1) : url) + QStringLiteral("/v1/traces");
    m_url = url.toUtf8();
    m_pool.setMaxThreadCount(1);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &OtlpExporter::sendNext);
}

OtlpExporter::~OtlpExporter()
{
    // The pool's task posts back to this object: let it finish first.
    m_pool.waitForDone();
}

void OtlpExporter::add(const QList<Span> &spans)
{
    if (spans.isEmpty())
        return;
    m_queue.append(spans);
    if (m_queue.size() > MaxQueued) {
        const qsizetype over = m_queue.size() - MaxQueued;
        m_queue.remove(0, over);
        m_dropped += over;
        qCWarning(lcService) << "tracing:" << over << "spans dropped, the collector is behind";
    }
    if (!m_inflight.isEmpty())
        return;
    if (m_queue.size() >= BatchSize)
        sendNext();
    else if (!m_timer->isActive())
        m_timer->start(FlushEveryMs);
}

void OtlpExporter::sendNext()
{
    if (!m_inflight.isEmpty() || m_queue.isEmpty())
        return;
    m_inflight = m_queue.mid(0, BatchSize);
    m_queue.remove(0, m_inflight.size());
    const QByteArray payload = body(m_inflight, m_settings.serviceName, m_instance);
    const int count = int(m_inflight.size());
    m_pool.start([this, url = m_url, payload, count] {
        const long status = post(url, payload);
        QMetaObject::invokeMethod(
            this, [this, status, count] { sent(status >= 200 && status < 300, count); },
            Qt::QueuedConnection);
    });
}

void OtlpExporter::sent(bool ok, int count)
{
    if (ok) {
        m_exported += count;
        m_failures = 0;
    } else if (++m_failures >= MaxFailures) {
        m_dropped += count;
        m_failures = 0;
        qCWarning(lcService) << "tracing: the collector did not take" << count << "spans after"
                             << MaxFailures << "tries; dropped";
    } else {
        // Sent again first, after a pause.
        m_queue = m_inflight + m_queue;
        m_inflight.clear();
        m_timer->start(FlushEveryMs * (1 << m_failures));
        return;
    }
    m_inflight.clear();
    if (m_queue.size() >= BatchSize)
        sendNext();
    else if (!m_queue.isEmpty() && !m_timer->isActive())
        m_timer->start(FlushEveryMs);
}

void OtlpExporter::flush(int timeoutMs)
{
    m_timer->stop();
    sendNext();
    m_pool.waitForDone(timeoutMs);
}

QByteArray OtlpExporter::body(const QList<Span> &spans, const QString &serviceName,
                              const QString &instance)
{
    QJsonArray out;
    for (const Span &s : spans) {
        QJsonObject span {{QStringLiteral("traceId"), QString::fromLatin1(s.traceId)},
                          {QStringLiteral("spanId"), QString::fromLatin1(s.spanId)},
                          {QStringLiteral("name"), s.name},
                          // SPAN_KIND_INTERNAL 1, SPAN_KIND_CLIENT 3
                          {QStringLiteral("kind"), s.client ? 3 : 1},
                          {QStringLiteral("startTimeUnixNano"), nanos(s.startMs)},
                          {QStringLiteral("endTimeUnixNano"), nanos(s.endMs)},
                          {QStringLiteral("attributes"), attributes(s.attributes)}};
        if (!s.parentSpanId.isEmpty())
            span.insert(QStringLiteral("parentSpanId"), QString::fromLatin1(s.parentSpanId));
        // STATUS_CODE_OK 1, STATUS_CODE_ERROR 2
        QJsonObject status {{QStringLiteral("code"), s.error ? 2 : 1}};
        if (s.error)
            status.insert(QStringLiteral("message"), s.statusMessage);
        span.insert(QStringLiteral("status"), status);
        out.append(span);
    }
    const QJsonObject resource {
        {QStringLiteral("attributes"),
         attributes({{QStringLiteral("service.name"), serviceName},
                     {QStringLiteral("service.instance.id"), instance},
                     {QStringLiteral("service.version"), QStringLiteral(SWITCHBOARD_VERSION)}})}};
    const QJsonObject scope {{QStringLiteral("name"), QStringLiteral("switchboard")},
                             {QStringLiteral("version"), QStringLiteral(SWITCHBOARD_VERSION)}};
    const QJsonObject resourceSpans {{QStringLiteral("resource"), resource},
                                     {QStringLiteral("scopeSpans"),
                                      QJsonArray {QJsonObject {{QStringLiteral("scope"), scope},
                                                               {QStringLiteral("spans"), out}}}}};
    return QJsonDocument(
               QJsonObject {{QStringLiteral("resourceSpans"), QJsonArray {resourceSpans}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace Switchboard
