#pragma once

#include "config/integrationconfig.h"
#include "tracing/spanbuilder.h"

#include <QObject>
#include <QThreadPool>

class QTimer;

namespace Switchboard {

// Sends spans to an OpenTelemetry collector over OTLP/HTTP, JSON encoded
// (OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces), with libcurl on a thread of its own. Spans wait
// in a bounded queue and go in batches, one request at a time: a slow or absent collector
// never holds up the engine; past the bound the oldest spans are dropped and counted.
class OtlpExporter final : public QObject
{
    Q_OBJECT

public:
    // instance: the core's instance id (service.instance.id).
    OtlpExporter(const TracingSettings &settings, const QString &instance,
                 QObject *parent = nullptr);
    ~OtlpExporter() override;

    void add(const QList<Span> &spans);
    // Sends what waits now (at shutdown), and waits for it up to timeoutMs.
    void flush(int timeoutMs = 3000);

    // The request body for spans: {"resourceSpans": [...]}.
    static QByteArray body(const QList<Span> &spans, const QString &serviceName,
                           const QString &instance);

    qint64 exported() const { return m_exported; }
    qint64 dropped() const { return m_dropped; }

    static constexpr int MaxQueued = 4096;
    static constexpr int BatchSize = 256;

private:
    void sendNext();
    void sent(bool ok, int count);

    TracingSettings m_settings;
    QString m_instance;
    QByteArray m_url;
    QList<Span> m_queue;
    QList<Span> m_inflight;
    int m_failures = 0;
    qint64 m_exported = 0;
    qint64 m_dropped = 0;
    QTimer *m_timer;
    QThreadPool m_pool;
};

} // namespace Switchboard
