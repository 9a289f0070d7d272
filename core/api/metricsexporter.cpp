#include "api/metricsexporter.h"

#include "engine/workflowengine.h"
#include "health/healthmonitor.h"
#include "kpis/kpidefinitions.h"
#include "modules/modulecatalog.h"
#include "resilience/resilientmoduleclient.h"
#include "service/coreservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Switchboard::MetricsExporter {

namespace {

class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_out += "# HELP " + QByteArray(name) + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    }
    void sample(const QByteArray &name, const QByteArray &labels, double value)
    {
        m_out += name;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ' + QByteArray::number(value, 'g', 15) + '\n';
    }
    QByteArray result() const { return m_out; }

private:
    QByteArray m_out;
};

QByteArray label(const char *name, const QString &value)
{
    return QByteArray(name) + "=\"" + value.toUtf8().replace('\\', "\\\\").replace('"', "\\\"")
        + '"';
}

} // namespace

QByteArray render(CoreService &core)
{
    Writer w;
    const QHash<QString, ModuleCallStats> stats =
        core.moduleCalls() ? core.moduleCalls()->stats() : QHash<QString, ModuleCallStats>();
    QStringList modules;
    for (const ModuleInfo &info : ModuleCatalog::all())
        modules << info.id;

    w.family("switchboard_module_calls_total", "counter", "Module calls by outcome.");
    for (const QString &m : modules) {
        const ModuleCallStats s = stats.value(m);
        const QByteArray module = label("module", m);
        w.sample("switchboard_module_calls_total",
                 module + ',' + label("outcome", QStringLiteral("succeeded")), double(s.succeeded));
        w.sample("switchboard_module_calls_total",
                 module + ',' + label("outcome", QStringLiteral("failed")), double(s.failed));
        w.sample("switchboard_module_calls_total",
                 module + ',' + label("outcome", QStringLiteral("rejected_circuit_open")),
                 double(s.rejectedOpen));
        w.sample("switchboard_module_calls_total",
                 module + ',' + label("outcome", QStringLiteral("rejected_bulkhead")),
                 double(s.rejectedBulkhead));
        w.sample("switchboard_module_calls_total",
                 module + ',' + label("outcome", QStringLiteral("rejected_rate_limit")),
                 double(s.rejectedRate));
    }
    w.family("switchboard_module_fallback_calls_total", "counter",
             "Calls sent to a module's fallback endpoint while its circuit was open.");
    for (const QString &m : modules)
        w.sample("switchboard_module_fallback_calls_total", label("module", m),
                 double(stats.value(m).fallbackCalls));

    w.family("switchboard_module_call_duration_milliseconds", "histogram",
             "Duration of module calls that reached the module.");
    for (const QString &m : modules) {
        const ModuleCallStats s = stats.value(m);
        qint64 cumulative = 0;
        for (size_t i = 0; i < ModuleCallStats::BucketsMs.size(); ++i) {
            cumulative += s.latency[i];
            w.sample("switchboard_module_call_duration_milliseconds_bucket",
                     label("module", m) + ','
                         + label("le", QString::number(ModuleCallStats::BucketsMs[i])),
                     double(cumulative));
        }
        cumulative += s.latency.back();
        w.sample("switchboard_module_call_duration_milliseconds_bucket",
                 label("module", m) + ',' + label("le", QStringLiteral("+Inf")),
                 double(cumulative));
        w.sample("switchboard_module_call_duration_milliseconds_sum", label("module", m),
                 s.latencySumMs);
        w.sample("switchboard_module_call_duration_milliseconds_count", label("module", m),
                 double(cumulative));
    }

    w.family("switchboard_circuit_state", "gauge",
             "Circuit breaker state per module: 0 closed, 1 half-open, 2 open.");
    for (const QString &m : modules) {
        const CircuitState c =
            core.moduleCalls() ? core.moduleCalls()->circuit(m) : CircuitState::Closed;
        w.sample("switchboard_circuit_state", label("module", m),
                 c == CircuitState::Open           ? 2
                     : c == CircuitState::HalfOpen ? 1
                                                   : 0);
    }
    w.family("switchboard_bulkhead_in_use", "gauge", "Calls in flight per module.");
    for (const QString &m : modules)
        w.sample("switchboard_bulkhead_in_use", label("module", m), stats.value(m).inUse);
    w.family("switchboard_bulkhead_queued", "gauge",
             "Calls waiting for a bulkhead slot per module.");
    for (const QString &m : modules)
        w.sample("switchboard_bulkhead_queued", label("module", m), stats.value(m).queued);
    w.family("switchboard_rate_limit_waits_total", "counter",
             "Calls that waited for a rate-limit token.");
    for (const QString &m : modules)
        w.sample("switchboard_rate_limit_waits_total", label("module", m),
                 double(stats.value(m).rateLimitWaits));

    w.family("switchboard_module_up", "gauge",
             "1 when the module's last health check found it healthy or degraded.");
    for (const ModuleSnapshot &s : core.modules())
        w.sample("switchboard_module_up", label("module", s.id),
                 s.status() == ModuleStatus::Healthy || s.status() == ModuleStatus::Degraded ? 1
                                                                                             : 0);

    // The key figures as the dashboard shows them, one family each, with the rule in the help.
    const QJsonObject kpis = core.kpis();
    for (const KpiDefinition &d : KpiDefinition::all()) {
        const QJsonValue value = kpis.value(QLatin1String(d.key));
        if (!value.isDouble())
            continue; // not known: absent rather than a made-up zero
        const QByteArray name = "switchboard_kpi_" + QByteArray(d.key);
        QByteArray help = QByteArray(d.numerator);
        if (d.denominator)
            help += " divided by " + QByteArray(d.denominator);
        help += ", last " + QByteArray::number(d.windowHours) + " hours, from " + d.source + '.';
        w.family(name.constData(), "gauge", help.constData());
        w.sample(name, label("source", kpis.value(QLatin1String("source")).toString()),
                 value.toDouble());
    }

    if (WorkflowEngine *engine = core.engine()) {
        w.family("switchboard_step_duration_milliseconds", "histogram",
                 "Time from a step's start to its end, retries and waits included, by node type.");
        const auto durations = engine->stepDurations().byType();
        for (auto it = durations.begin(); it != durations.end(); ++it) {
            qint64 cumulative = 0;
            const QByteArray type = label("type", it.key());
            for (size_t i = 0; i < StepDurations::Histogram::BucketsMs.size(); ++i) {
                cumulative += it->counts[i];
                w.sample("switchboard_step_duration_milliseconds_bucket",
                         type + ','
                             + label("le", QString::number(StepDurations::Histogram::BucketsMs[i])),
                         double(cumulative));
            }
            cumulative += it->counts.back();
            w.sample("switchboard_step_duration_milliseconds_bucket",
                     type + ',' + label("le", QStringLiteral("+Inf")), double(cumulative));
            w.sample("switchboard_step_duration_milliseconds_sum", type, it->sumMs);
            w.sample("switchboard_step_duration_milliseconds_count", type, double(cumulative));
        }
        w.family("switchboard_dead_letters", "gauge",
                 "Module calls waiting in the dead-letter queue.");
        w.sample("switchboard_dead_letters", {}, engine->deadLetters().pendingCount().valueOr(0));
        w.family("switchboard_executions", "gauge",
                 "Stored executions by status (finished ones until retention prunes them).");
        const QHash<QString, qint64> byStatus = engine->executionCounts().valueOr({});
        for (const char *status : {"running", "waiting", "completed", "failed", "cancelled"})
            w.sample("switchboard_executions", label("status", QString::fromLatin1(status)),
                     double(byStatus.value(QString::fromLatin1(status))));
    }
    return w.result();
}

} // namespace Switchboard::MetricsExporter
