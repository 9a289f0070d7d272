#pragma once

#include "config/integrationconfig.h"
#include "tracing/spanbuilder.h"

#include <QObject>

namespace Switchboard {

class OtlpExporter;
class WorkflowEngine;

// Follows the engine's durable history and exports a span per execution and per module-call
// attempt over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT), sampled at OTEL_TRACES_SAMPLER_ARG.
class EngineTracer final : public QObject
{
    Q_OBJECT

public:
    EngineTracer(WorkflowEngine &engine, const TracingSettings &settings, const QString &instance,
                 QObject *parent = nullptr);
    ~EngineTracer() override;

private:
    SpanBuilder m_spans;
    OtlpExporter *m_exporter;
};

} // namespace Switchboard
