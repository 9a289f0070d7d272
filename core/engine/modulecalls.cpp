#include "engine/modulecalls.h"

#include "engine/executionjson.h"
#include "workflow/expressionengine.h"

#include <QCryptographicHash>

namespace Switchboard {

using namespace ExecutionJson;

ModuleCalls::ModuleCalls(ExpressionEngine &expressions)
    : m_expressions(expressions)
{
}

QByteArray ModuleCalls::idempotencyKey(const ExecutionRun &run, const QString &nodeId,
                                       bool compensation, const QJsonObject &body)
{
    const int visit = std::max(1, run.state.visits(nodeId));
    if (!compensation && visit == 1 && !run.state.reuse.isEmpty()) {
        const QJsonObject reused = run.state.reuse.value(nodeId).toObject();
        if (!reused.isEmpty() && reused.value(QLatin1String("body")).toString() == bodyHash(body))
            return reused.value(QLatin1String("key")).toString().toLatin1();
    }
    return QStringLiteral("%1:%2:%3%4")
        .arg(run.id, nodeId)
        .arg(visit)
        .arg(compensation ? QStringLiteral(":compensate") : QString())
        .toLatin1();
}

QString ModuleCalls::bodyHash(const QJsonObject &body)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QJsonDocument(body).toJson(QJsonDocument::Compact),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(24));
}

Result<ModuleCallRequest> ModuleCalls::request(const ExecutionRun &run, const WorkflowNode &node,
                                               bool compensation) const
{
    const QJsonObject call = compensation
        ? node.settings.value(QLatin1String("compensation")).toObject()
        : node.settings;
    const QString module = call.value(QLatin1String("module")).toString();
    ModuleCallRequest request;
    request.module = module;
    request.url = m_endpoints.value(module);
    if (request.url.isEmpty())
        return makeError(QStringLiteral("module %1 has no endpoint configured").arg(module));
    request.traceId = run.traceId.toLatin1();
    const QString span = run.state.inflight.value(node.id).span;
    request.spanId = span.isEmpty() ? randomHex(8) : span.toLatin1();
    request.timeoutMs = node.settings.contains(QLatin1String("timeout_s"))
        ? node.settings.value(QLatin1String("timeout_s")).toInt() * 1000
        : m_timeoutsMs.value(module, 10000);
    if (auto kept = keptBody(run, node.id, compensation)) {
        request.body = *kept;
    } else {
        auto body = render(run, node, compensation);
        if (!body)
            return body.error();
        request.body = *body;
    }
    request.idempotencyKey = idempotencyKey(run, node.id, compensation, request.body);
    return request;
}

std::optional<QJsonObject> ModuleCalls::keptBody(const ExecutionRun &run, const QString &nodeId,
                                                 bool compensation)
{
    const StepState *step = run.state.step(nodeId);
    if (!step)
        return std::nullopt;
    return compensation ? step->compensationRequest : step->request;
}

Result<QJsonObject> ModuleCalls::render(const ExecutionRun &run, const WorkflowNode &node,
                                        bool compensation) const
{
    const QJsonObject call = compensation
        ? node.settings.value(QLatin1String("compensation")).toObject()
        : node.settings;
    auto payload =
        m_expressions.render(call.value(QLatin1String("payload")).toObject(), run.scope(node));
    if (!payload)
        return makeError(
            QStringLiteral("payload.%1: %2").arg(payload.error().field, payload.error().message));
    QJsonObject body = payload->toObject();
    body.insert(QStringLiteral("action"), call.value(QLatin1String("action")).toString());
    return body;
}

void ModuleCalls::keepBody(ExecutionRun &run, const WorkflowNode &node, bool compensation) const
{
    if (keptBody(run, node.id, compensation))
        return;
    if (auto body = render(run, node, compensation)) {
        StepState &step = run.state.changeStep(node.id);
        (compensation ? step.compensationRequest : step.request) = *body;
    }
}

int ModuleCalls::maxAttempts(const WorkflowNode &node)
{
    return node.settings.value(QLatin1String("retry"))
        .toObject()
        .value(QLatin1String("max_attempts"))
        .toInt(DefaultMaxAttempts);
}

qint64 ModuleCalls::backoffMs(const WorkflowNode &node, int attempt)
{
    const QJsonObject retry = node.settings.value(QLatin1String("retry")).toObject();
    const qint64 initial = retry.contains(QLatin1String("initial_delay"))
        ? durationMs(retry.value(QLatin1String("initial_delay")).toString())
        : 1000;
    const double multiplier = retry.value(QLatin1String("multiplier")).toDouble(2.0);
    const qint64 cap = retry.contains(QLatin1String("max_delay"))
        ? durationMs(retry.value(QLatin1String("max_delay")).toString())
        : 16000;
    double delay = double(initial);
    for (int i = 1; i < attempt; ++i)
        delay *= multiplier;
    delay = qMin(delay, double(cap));
    // ±20 % jitter so that many executions retrying one module do not arrive together.
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    return qint64(delay * jitter);
}

} // namespace Switchboard
