#include "tracing/enginetracer.h"

#include "engine/workflowengine.h"
#include "tracing/otlpexporter.h"

namespace Switchboard {

EngineTracer::EngineTracer(WorkflowEngine &engine, const TracingSettings &settings,
                           const QString &instance, QObject *parent)
    : QObject(parent)
    , m_spans(
          [&engine](const QString &id) -> std::optional<SpanBuilder::Execution> {
              // Only for an execution that started before this process did.
              auto e = engine.execution(id);
              if (!e)
                  return std::nullopt;
              return SpanBuilder::Execution {
                  e->value(QLatin1String("trace_id")).toString().toLatin1(),
                  e->value(QLatin1String("workflow_id")).toString()};
          },
          settings.sampleRatio)
    , m_exporter(new OtlpExporter(settings, instance, this))
{
    connect(&engine, &WorkflowEngine::historyAppended, this,
            [this](const QString &executionId, const HistoryEvent &event) {
                m_exporter->add(m_spans.add(executionId, event));
            });
}

EngineTracer::~EngineTracer()
{
    // What waits goes out before the core stops.
    m_exporter->flush();
}

} // namespace Switchboard
